import { batched } from '../../graphql/loaders';
import { NamedQuery, Statement } from '../../neo4j/graph';
import type { TierChangesArgs } from './tier.input';

export const ruleOfTier = batched('ruleOfTier', `
  MATCH (:Tier {id: id})-[:DEFINED_BY]->(r:Rule)
  RETURN collect(r {.*}) AS items`);

/** In force on $asOf: validFrom <= asOf < validTo (validTo null = open). Without $asOf, every assignment. */
const heldOn = (rel: string) => `($asOf IS NULL OR (${rel}.validFrom <= $asOf AND (${rel}.validTo IS NULL OR $asOf < ${rel}.validTo)))`;

/** A page of each tier's members (on $asOf, or ever), in code order, and how many there are. */
export const countriesOfTier = batched('countriesOfTier', `
  CALL (id) {
    MATCH (:Tier {id: id})<-[a:IN_TIER]-(c:Country)
    WHERE ${heldOn('a')} AND ($after IS NULL OR c.code > $after)
    WITH DISTINCT c ORDER BY c.code LIMIT toInteger($limit)
    RETURN collect(c {.*}) AS countries
  }
  CALL (id) {
    MATCH (:Tier {id: id})<-[a:IN_TIER]-(c:Country)
    WHERE ${heldOn('a')}
    RETURN count(DISTINCT c) AS totalCount
  }
  RETURN [{countries: countries, totalCount: totalCount}] AS items`);

/** A country's tier memberships, oldest first, with the tier inline (so tier costs no extra statement). */
export const assignmentsOfCountry = batched('assignmentsOfCountry', `
  MATCH (c:Country {id: id})-[a:IN_TIER]->(t:Tier)
  WHERE ${heldOn('a')}
  WITH c, a, t ORDER BY a.validFrom, t.level
  RETURN collect({country: c {.*}, tier: t {.*}, validFrom: a.validFrom, validTo: a.validTo,
                  note: a.note, sourceIds: a.sourceIds}) AS items`);

/**
 * Countries whose membership of a tier ended in [$from, $to], with the assignment that began that
 * day (preferring the same rule's tiers), and the rule that ended it.
 */
export const tierChanges: NamedQuery = {
  name: 'tierChanges',
  cypher: `
MATCH (c:Country)-[left:IN_TIER]->(t:Tier)-[:DEFINED_BY]->(rule:Rule)
WHERE left.validTo IS NOT NULL AND $from <= left.validTo AND left.validTo <= $to
  AND ($fromLevel IS NULL OR t.level = $fromLevel)
  AND ($ruleId IS NULL OR rule.id = $ruleId)
CALL (c, left, rule) {
  OPTIONAL MATCH (c)-[entered:IN_TIER]->(next:Tier)
  WHERE entered.validFrom = left.validTo
  RETURN entered, next
  ORDER BY CASE WHEN EXISTS { (next)-[:DEFINED_BY]->(rule) } THEN 0 ELSE 1 END, next.level
  LIMIT 1
}
WITH c, left, t, entered, next
WHERE $toLevel IS NULL OR next.level = $toLevel
OPTIONAL MATCH (cause:Rule {id: left.endedByRuleId})
RETURN c {.*} AS country,
       {country: c {.*}, tier: t {.*}, validFrom: left.validFrom, validTo: left.validTo, note: left.note, sourceIds: left.sourceIds} AS left,
       CASE WHEN entered IS NULL THEN null
            ELSE {country: c {.*}, tier: next {.*}, validFrom: entered.validFrom, validTo: entered.validTo,
                  note: entered.note, sourceIds: entered.sourceIds} END AS entered,
       left.validTo AS on,
       cause {.*} AS cause
ORDER BY on, country.code
LIMIT 5000`,
};

export const tierChangesStatement = (args: TierChangesArgs): Statement => ({
  query: tierChanges,
  params: { from: args.from, to: args.to, fromLevel: args.fromLevel ?? null, toLevel: args.toLevel ?? null, ruleId: args.ruleId ?? null },
});
