import { batched } from '../../graphql/loaders';
import { NamedQuery, Statement } from '../../neo4j/graph';
import type { Country } from '../country/country.type';
import type { Rule } from '../rule/rule.type';
import type { TierChangesArgs } from './tier.input';
import type { Tier, TierAssignment, TierChange } from './tier.type';

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

/**
 * A country's tier memberships, oldest first, with the tier inline (so tier costs no extra
 * statement) but not the country, which the caller already holds. Read through the
 * IN_TIER(countryCode, validFrom) index, only the country's assignments that began by $asOf;
 * the planner seeks it only when the country is bound outside the subquery that matches them.
 */
export const assignmentsOfCountry = batched('assignmentsOfCountry', `
  MATCH (c:Country {id: id})
  CALL (c) {
    MATCH (c)-[a:IN_TIER]->(t:Tier)
    WHERE a.countryCode = c.code AND a.validFrom <= coalesce($asOf, date('9999-12-31')) AND ${heldOn('a')}
    WITH a, t ORDER BY a.validFrom, t.level
    RETURN collect({tier: t {.*}, validFrom: a.validFrom, validTo: a.validTo,
                    note: a.note, sourceIds: a.sourceIds}) AS items
  }
  RETURN items`);

/**
 * Countries whose membership of a tier ended in [$from, $to], with the assignment that began that
 * day (preferring the same rule's tiers), and the rule that ended it. The window is read through
 * the IN_TIER(validTo) index and the next assignment through IN_TIER(validFrom), not by walking
 * every membership the country ever had (hinted: on a small graph the planner would rather scan); each tier and rule comes back once, not once per change, because
 * decoding the same rule's properties and dates for hundreds of rows was most of the cost.
 */
export const tierChanges: NamedQuery = {
  name: 'tierChanges',
  cypher: `
MATCH (c:Country)-[left:IN_TIER]->(t:Tier)
USING INDEX SEEK left:IN_TIER(validTo)
WHERE $from <= left.validTo AND left.validTo <= $to
  AND ($fromLevel IS NULL OR t.level = $fromLevel)
MATCH (t)-[:DEFINED_BY]->(rule:Rule)
WHERE $ruleId IS NULL OR rule.id = $ruleId
CALL (c, left, rule) {
  OPTIONAL MATCH (c)-[entered:IN_TIER]->(next:Tier)
  USING INDEX SEEK entered:IN_TIER(validFrom)
  WHERE entered.validFrom = left.validTo
  RETURN entered, next
  ORDER BY CASE WHEN EXISTS { (next)-[:DEFINED_BY]->(rule) } THEN 0 ELSE 1 END, next.level
  LIMIT 1
}
WITH c, left, t, entered, next
WHERE $toLevel IS NULL OR next.level = $toLevel
OPTIONAL MATCH (cause:Rule {id: left.endedByRuleId})
WITH c, left, t, entered, next, cause ORDER BY left.validTo, c.code LIMIT 5000
RETURN collect({
         country: c {.id, .code, .name, aliases: coalesce(c.aliases, [])},
         left: left {tierId: t.id, .validFrom, .validTo, .note, .sourceIds},
         entered: CASE WHEN entered IS NULL THEN null ELSE entered {tierId: next.id, .validFrom, .validTo, .note, .sourceIds} END,
         causeId: cause.id}) AS changes,
       [tier IN collect(DISTINCT t) + collect(DISTINCT next) | tier {.*}] AS tiers,
       [rule IN collect(DISTINCT cause) | rule {.*}] AS causes`,
};

type Compact<T> = Omit<T, 'country' | 'tier'> & { tierId: string };

/** The rows of tierChanges, with tiers and causes put back in place. */
export interface TierChangesRow {
  changes: { country: Country; left: Compact<TierAssignment>; entered: Compact<TierAssignment> | null; causeId: string | null }[];
  tiers: Tier[];
  causes: Rule[];
}

export function tierChangesFrom({ changes, tiers, causes }: TierChangesRow): TierChange[] {
  const tierById = new Map(tiers.map((tier) => [tier.id, tier]));
  const ruleById = new Map(causes.map((rule) => [rule.id, rule]));
  const assignment = (country: Country, { tierId, ...held }: Compact<TierAssignment>): TierAssignment => ({ ...held, country, tier: tierById.get(tierId)! });
  return changes.map(({ country, left, entered, causeId }) => ({
    country,
    left: assignment(country, left),
    entered: entered && assignment(country, entered),
    on: left.validTo,
    cause: causeId ? ruleById.get(causeId) ?? null : null,
  }));
}

export const tierChangesStatement = (args: TierChangesArgs): Statement => ({
  query: tierChanges,
  params: { from: args.from, to: args.to, fromLevel: args.fromLevel ?? null, toLevel: args.toLevel ?? null, ruleId: args.ruleId ?? null },
});
