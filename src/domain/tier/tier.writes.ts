import { NamedQuery } from '../../neo4j/graph';

/**
 * Locks the country (SET then REMOVE a marker takes its write lock) so moves of one country are
 * applied one after another, and finds the tier's rule.
 */
export const lockCountryAndTier: NamedQuery = {
  name: 'lockCountryAndTier',
  cypher: `
OPTIONAL MATCH (c:Country {code: $code})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | SET c.assignmentLock = true REMOVE c.assignmentLock)
WITH c
OPTIONAL MATCH (t:Tier {id: $tierId})-[:DEFINED_BY]->(rule:Rule)
RETURN c.id AS countryId, t.id AS tierId, rule.id AS ruleId,
       [id IN $sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }] AS missingSources`,
};

/**
 * The same assignment already recorded (a retried write), or recorded open and closed since by a
 * rule's ending (endedByRuleId, revokeRule): returned as it is.
 */
export const sameAssignment: NamedQuery = {
  name: 'sameAssignment',
  cypher: `
MATCH (c:Country {code: $code})-[a:IN_TIER {validFrom: $validFrom}]->(t:Tier {id: $tierId})
WHERE (a.validTo IS NULL AND $validTo IS NULL) OR a.validTo = $validTo OR ($validTo IS NULL AND a.endedByRuleId IS NOT NULL)
RETURN {country: c {.*}, tier: t {.*}, validFrom: a.validFrom, validTo: a.validTo, note: a.note, sourceIds: a.sourceIds} AS assignment`,
};

/** Closes the country's open assignment under the same rule on the new validFrom. */
export const closeOpenAssignment: NamedQuery = {
  name: 'closeOpenAssignment',
  cypher: `
MATCH (c:Country {code: $code})-[a:IN_TIER]->(:Tier)-[:DEFINED_BY]->(:Rule {id: $ruleId})
WHERE a.validTo IS NULL AND a.validFrom < $validFrom
SET a.validTo = $validFrom
RETURN count(a) AS closed`,
};

/** Assignments under the same rule that would overlap [validFrom, validTo); a null end is open, never a date. */
export const overlappingAssignments: NamedQuery = {
  name: 'overlappingAssignments',
  cypher: `
MATCH (c:Country {code: $code})-[a:IN_TIER]->(t:Tier)-[:DEFINED_BY]->(:Rule {id: $ruleId})
WHERE ($validTo IS NULL OR a.validFrom < $validTo) AND (a.validTo IS NULL OR $validFrom < a.validTo)
RETURN t.name + ' from ' + toString(a.validFrom) + coalesce(' to ' + toString(a.validTo), '') AS overlap`,
};

/** countryCode is the country's, for the IN_TIER(countryCode, validFrom) index (migration 006). */
export const createAssignment: NamedQuery = {
  name: 'createAssignment',
  cypher: `
MATCH (c:Country {code: $code}), (t:Tier {id: $tierId})
CREATE (c)-[a:IN_TIER {validFrom: $validFrom, validTo: $validTo, sourceIds: $sourceIds, countryCode: c.code, confidence: $confidence, note: $note}]->(t)
RETURN {country: c {.*}, tier: t {.*}, validFrom: a.validFrom, validTo: a.validTo, note: a.note, sourceIds: a.sourceIds} AS assignment`,
};
