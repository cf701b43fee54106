import { Date as Neo4jDate } from 'neo4j-driver';
import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { nameKeysOf } from '../search/names';
import type { Rule } from './rule.type';

export interface RevokeRule {
  ruleId: string;
  /** The rescinding rule, when there is one. */
  revokedByRuleId?: string | null;
  on: Neo4jDate<number>;
  sourceIds?: string[];
}

/**
 * Revoking a rule on a date: sets revokedOn, links the revoking rule with REVOKES, and ends on that
 * date every tier assignment under the rule's tiers and every touch of the rule that is open then.
 * Ended assignments remember which rule ended them (the cause in tierChanges).
 * Expects (Rule)<-[:DEFINED_BY]-(Tier)<-[:IN_TIER]-(Country) and (Rule)-[:TARGETS|RESTRICTS|PROHIBITS_USE]->().
 */
export const revokeRuleQuery: NamedQuery = {
  name: 'revokeRule',
  cypher: `
MATCH (rule:Rule {id: $ruleId})
SET rule.revokedOn = $on
WITH rule
CALL (rule) {
  MATCH (by:Rule {id: $revokedByRuleId})
  MERGE (by)-[link:REVOKES]->(rule)
  ON CREATE SET link.on = $on
  SET link.sourceIds = $sourceIds
  RETURN count(link) AS linked
}
CALL (rule) {
  OPTIONAL MATCH (rule)<-[:DEFINED_BY]-(:Tier)<-[assignment:IN_TIER]-(:Country)
  WHERE assignment.validFrom <= $on AND (assignment.validTo IS NULL OR $on < assignment.validTo)
  SET assignment.validTo = $on, assignment.endedByRuleId = coalesce($revokedByRuleId, $ruleId)
  RETURN count(assignment) AS endedAssignments
}
CALL (rule) {
  OPTIONAL MATCH (rule)-[touch:TARGETS|RESTRICTS|PROHIBITS_USE]->()
  WHERE touch.validFrom <= $on AND (touch.validTo IS NULL OR $on < touch.validTo)
  SET touch.validTo = $on
  RETURN count(touch) AS endedTouches
}
RETURN rule {.*} AS rule, linked, endedAssignments, endedTouches`,
};

export interface RevokeRuleResult {
  /** The rule as it stands after the revocation. */
  rule: Rule;
  linked: number;
  endedAssignments: number;
  endedTouches: number;
}

/** Runs inside the caller's transaction, so a revocation lands whole or not at all. */
export async function revokeRule(tx: CountingTransaction, input: RevokeRule): Promise<RevokeRuleResult | null> {
  const [row] = await tx.run<RevokeRuleResult>(revokeRuleQuery, {
    ruleId: input.ruleId,
    revokedByRuleId: input.revokedByRuleId ?? null,
    on: input.on,
    sourceIds: input.sourceIds ?? [],
  });
  return row ?? null;
}

/** Creates or updates a rule by id; given fields are set, absent ones kept; agency and source links are added. */
export const upsertRuleQuery: NamedQuery = {
  name: 'upsertRule',
  cypher: `
MERGE (r:Rule {id: $id})
ON CREATE SET r.aliases = []
SET r.title = $title, r.kind = $kind,
    r.shortName = coalesce($shortName, r.shortName), r.citation = coalesce($citation, r.citation),
    r.documentNumber = coalesce($documentNumber, r.documentNumber), r.summary = coalesce($summary, r.summary),
    r.issuedOn = coalesce($issuedOn, r.issuedOn), r.publishedOn = coalesce($publishedOn, r.publishedOn),
    r.effectiveOn = coalesce($effectiveOn, r.effectiveOn), r.complianceOn = coalesce($complianceOn, r.complianceOn)
SET r.nameKeys = ${nameKeysOf('r')}
WITH r
CALL (r) {
  UNWIND $agencyIds AS agencyId
  MATCH (a:Agency {id: agencyId})
  MERGE (r)-[:ISSUED_BY]->(a)
  RETURN collect(agencyId) AS linkedAgencies
}
CALL (r) {
  UNWIND $sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  MERGE (r)-[:CITES]->(s)
  RETURN collect(sourceId) AS linkedSources
}
RETURN r {.*} AS rule,
       [id IN $agencyIds WHERE NOT id IN linkedAgencies] AS missingAgencies,
       [id IN $sourceIds WHERE NOT id IN linkedSources] AS missingSources`,
};

/**
 * Takes write locks on the given rules (SET then REMOVE a marker), so concurrent lineage writes
 * on the same rules queue up instead of each seeing a graph without the other's link.
 */
export const lockRules: NamedQuery = {
  name: 'lockRules',
  cypher: `
UNWIND $ids AS id
MATCH (r:Rule {id: id})
SET r.lineageLock = true
REMOVE r.lineageLock
RETURN r.id AS id, r.revokedOn AS revokedOn`,
};

/** Whether from -> to already exists with this kind, and whether to already reaches from (a link would close a cycle). */
export const lineageLinkCheck: NamedQuery = {
  name: 'lineageLinkCheck',
  cypher: `
MATCH (from:Rule {id: $fromId}), (to:Rule {id: $toId})
RETURN EXISTS { MATCH (from)-[link]->(to) WHERE type(link) = $kind } AS duplicate,
       EXISTS { MATCH (to)-[:REVOKES|AMENDS|SUPERSEDES|IMPLEMENTS*1..]->(from) } AS cycle`,
};

export const createLineageLink: NamedQuery = {
  name: 'createLineageLink',
  cypher: `
MATCH (from:Rule {id: $fromId}), (to:Rule {id: $toId})
CREATE (from)-[link:$($kind)]->(to)
SET link.on = $on, link.sourceIds = $sourceIds
RETURN from {.*} AS from, to {.*} AS to, type(link) AS kind, link.on AS on`,
};
