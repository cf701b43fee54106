import { Date as Neo4jDate } from 'neo4j-driver';
import { CountingTransaction, NamedQuery } from '../../neo4j/graph';

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
RETURN rule.id AS ruleId, linked, endedAssignments, endedTouches`,
};

export interface RevokeRuleResult {
  ruleId: string;
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
