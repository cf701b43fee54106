import { batched } from '../../graphql/loaders';
import { decodeCursor } from '../../graphql/pagination';
import { NamedQuery, Statement } from '../../neo4j/graph';
import { nameLookup, touchTargets } from '../search/names';
import { typeOfId } from '../../graphql/entity';
import type { RuleFilter } from './rule.input';

/** A rule is in force on a day from its effective (else issued, else published) date until its revocation. */
const ruleMatchesFilter = `
      ($kinds IS NULL OR r.kind IN $kinds)
  AND ($agencyId IS NULL OR EXISTS { (r)-[:ISSUED_BY]->(:Agency {id: $agencyId}) })
  AND ($inForceOn IS NULL OR (coalesce(r.effectiveOn, r.issuedOn, r.publishedOn) <= $inForceOn
                              AND (r.revokedOn IS NULL OR $inForceOn < r.revokedOn)))
  AND ($text IS NULL OR any(field IN [r.title, r.shortName, r.summary, r.citation, r.documentNumber]
                            WHERE toLower(field) CONTAINS toLower($text)))`;

/** A page of rules in id order, with the filter's total. */
export const rulesPage: NamedQuery = {
  name: 'rulesPage',
  cypher: `
CALL {
  MATCH (r:Rule)
  WHERE ${ruleMatchesFilter} AND ($after IS NULL OR r.id > $after)
  WITH r ORDER BY r.id LIMIT toInteger($limit)
  RETURN collect(r {.*}) AS rules
}
CALL {
  MATCH (r:Rule)
  WHERE ${ruleMatchesFilter}
  RETURN count(r) AS totalCount
}
RETURN rules, totalCount`,
};

export const agenciesOfRule = batched('agenciesOfRule', `
  MATCH (:Rule {id: id})-[:ISSUED_BY]->(a:Agency)
  WITH a ORDER BY a.id
  RETURN collect(a {.*}) AS items`);

export const tiersOfRule = batched('tiersOfRule', `
  MATCH (:Rule {id: id})<-[:DEFINED_BY]-(t:Tier)
  WITH t ORDER BY t.level
  RETURN collect(t {.*}) AS items`);

export const directTouchesOfRule = batched('directTouchesOfRule', `
  MATCH (r:Rule {id: id})-[touch:TARGETS|RESTRICTS|PROHIBITS_USE]->(target)
  WITH r, touch, target ORDER BY touch.validFrom, target.id
  RETURN collect({rule: r {.*}, target: target {.*}, relation: type(touch), path: [r {.*}, target {.*}],
                  validFrom: touch.validFrom, validTo: touch.validTo, note: touch.note, sourceIds: touch.sourceIds}) AS items`);

/** Rules this rule acts on with $kind (REVOKES, AMENDS, ...). */
export const lineageTargets = batched('lineageTargets', `
  MATCH (:Rule {id: id})-[link]->(other:Rule) WHERE type(link) = $kind
  WITH other ORDER BY other.id
  RETURN collect(other {.*}) AS items`);

/** Rules that act on this rule with $kind. */
export const lineageSources = batched('lineageSources', `
  MATCH (:Rule {id: id})<-[link]-(other:Rule) WHERE type(link) = $kind
  WITH other ORDER BY other.id
  RETURN collect(other {.*}) AS items`);

export const actionsOnRule = batched('actionsOnRule', `
  MATCH (r:Rule {id: id})<-[action:SIGNED|ANNOUNCED|INSTRUCTED|STATED]-(o:Official)
  WITH r, action, o ORDER BY action.on, o.id
  RETURN collect({official: o {.*}, rule: r {.*}, kind: type(action), on: action.on, text: action.text,
                  sourceIds: action.sourceIds}) AS items`);

/**
 * Rules that touch the targets, directly or through the maker of a product (a rule on a company
 * touches its products). Targets are products, companies or countries: by id, or found by name.
 */
const touchesOfTargets = `
CALL (target) {
  MATCH (rule:Rule)-[touch:TARGETS|RESTRICTS|PROHIBITS_USE]->(target)
  RETURN rule, touch, [rule, target] AS path
  UNION
  MATCH (rule:Rule)-[touch:TARGETS|RESTRICTS|PROHIBITS_USE]->(maker:Company)<-[:MADE_BY]-(target)
  RETURN rule, touch, [rule, maker, target] AS path
}
WITH rule, touch, path, target
WHERE $asOf IS NULL OR (touch.validFrom <= $asOf AND (touch.validTo IS NULL OR $asOf < touch.validTo))
WITH DISTINCT rule, touch, path, target
ORDER BY rule.id, size(path), target.id
RETURN rule {.*} AS rule, target {.*} AS target, type(touch) AS relation, [n IN path | n {.*}] AS path,
       touch.validFrom AS validFrom, touch.validTo AS validTo, touch.note AS note, touch.sourceIds AS sourceIds
LIMIT 1000`;

export const rulesTouchingId: NamedQuery = {
  name: 'rulesTouchingId',
  cypher: `
CALL {
  MATCH (t:ChipProduct {id: $targetId}) RETURN t
  UNION
  MATCH (t:Company {id: $targetId}) RETURN t
  UNION
  MATCH (t:Country {id: $targetId}) RETURN t
}
WITH t AS target
${touchesOfTargets}`,
};

/** A name resolves to entities as names.ts says: named exactly, else by words, else by typos; plus the makers of products found. */
export const rulesTouchingName: NamedQuery = {
  name: 'rulesTouchingName',
  cypher: `
CALL () {${touchTargets}
}
${touchesOfTargets}`,
};

export function rulesStatement({ filter, first, after }: { filter?: RuleFilter | null; first: number; after?: string | null }): Statement {
  return {
    query: rulesPage,
    params: {
      kinds: filter?.kinds ?? null,
      inForceOn: filter?.inForceOn ?? null,
      agencyId: filter?.issuedByAgencyId ?? null,
      text: filter?.text ?? null,
      after: decodeCursor(after),
      limit: first + 1,
    },
  };
}

/** An id goes straight to its node; a name goes through the name lookup. Null when the text has no words. */
export function rulesTouchingStatement({ entity, asOf }: { entity: string; asOf?: unknown }): Statement | null {
  if (typeOfId(entity)) return { query: rulesTouchingId, params: { targetId: entity, asOf: asOf ?? null } };
  const names = nameLookup(entity);
  return names && { query: rulesTouchingName, params: { names, asOf: asOf ?? null } };
}
