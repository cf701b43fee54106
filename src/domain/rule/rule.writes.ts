import { Date as Neo4jDate } from 'neo4j-driver';
import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { EndingKind } from './rule-ending.type';
import type { Rule } from './rule.type';

export interface RevokeRule {
  ruleId: string;
  /** The instrument that ended it (rescinding rule, superseding rule, announcement), when there is one. */
  revokedByRuleId?: string | null;
  on: Neo4jDate<number>;
  /** How it ended; FORMAL_RESCISSION when not given. */
  kind?: EndingKind;
  /** What happened, in a sentence or two; also kept on the lineage link. */
  note?: string | null;
  sourceIds?: string[];
}

/** The lineage link from the ending instrument: a supersession is SUPERSEDES, every other ending REVOKES (its note says what it was). */
export const lineageKindOfEnding = (kind: EndingKind): 'SUPERSEDES' | 'REVOKES' => (kind === EndingKind.SUPERSEDED ? 'SUPERSEDES' : 'REVOKES');

const ENDED_HOW: Record<EndingKind, string> = {
  FORMAL_RESCISSION: 'the rule was rescinded',
  NON_ENFORCEMENT: 'the agency stopped enforcing the rule (no rescission was published)',
  SUPERSEDED: 'the rule was superseded',
  EXPIRED: 'the rule expired',
  VACATED: 'a court vacated the rule',
};

/** The sentence added to the note of each tier assignment and touch the ending closes. */
export const endedNote = (kind: EndingKind, on: string) => `Stopped applying on ${on}: ${ENDED_HOW[kind]}.`;

/**
 * Ending a rule on a date: sets revokedOn with how it ended (endingKind, endingNote, endingSourceIds,
 * endedById), links the ending instrument, and ends on that date every tier assignment under the
 * rule's tiers and every touch of the rule that is open then, adding a note saying how. Ended
 * assignments and touches remember which rule ended them (the cause in tierChanges). Those this
 * ending already closed are matched again, so a repeat (a seed reload resets their notes) restores
 * the note once, never twice.
 * Expects (Rule)<-[:DEFINED_BY]-(Tier)<-[:IN_TIER]-(Country) and (Rule)-[:TARGETS|RESTRICTS|PROHIBITS_USE]->().
 */
export const revokeRuleQuery: NamedQuery = {
  name: 'revokeRule',
  cypher: `
MATCH (rule:Rule {id: $ruleId})
SET rule.revokedOn = $on, rule.endingKind = $kind, rule.endingNote = $note,
    rule.endingSourceIds = $sourceIds, rule.endedById = $revokedByRuleId
WITH rule, coalesce($revokedByRuleId, $ruleId) AS cause
CALL (rule) {
  MATCH (by:Rule {id: $revokedByRuleId})
  MERGE (by)-[link:$($linkKind)]->(rule)
  ON CREATE SET link.on = $on
  SET link.sourceIds = $sourceIds, link.note = $note
  RETURN count(link) AS linked
}
CALL (rule, cause) {
  OPTIONAL MATCH (rule)<-[:DEFINED_BY]-(:Tier)<-[assignment:IN_TIER]-(:Country)
  WHERE assignment.validFrom <= $on AND (assignment.validTo IS NULL OR $on < assignment.validTo
        OR (assignment.validTo = $on AND assignment.endedByRuleId = cause))
  SET assignment.validTo = $on, assignment.endedByRuleId = cause,
      assignment.note = CASE WHEN assignment.note IS NULL THEN $endedNote
                             WHEN assignment.note ENDS WITH $endedNote THEN assignment.note
                             ELSE assignment.note + ' ' + $endedNote END
  RETURN count(assignment) AS endedAssignments
}
CALL (rule, cause) {
  OPTIONAL MATCH (rule)-[touch:TARGETS|RESTRICTS|PROHIBITS_USE]->()
  WHERE touch.validFrom <= $on AND (touch.validTo IS NULL OR $on < touch.validTo
        OR (touch.validTo = $on AND touch.endedByRuleId = cause))
  SET touch.validTo = $on, touch.endedByRuleId = cause,
      touch.note = CASE WHEN touch.note IS NULL THEN $endedNote
                        WHEN touch.note ENDS WITH $endedNote THEN touch.note
                        ELSE touch.note + ' ' + $endedNote END
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

/** Runs inside the caller's transaction, so an ending lands whole or not at all. */
export async function revokeRule(tx: CountingTransaction, input: RevokeRule): Promise<RevokeRuleResult | null> {
  const kind = input.kind ?? EndingKind.FORMAL_RESCISSION;
  const [row] = await tx.run<RevokeRuleResult>(revokeRuleQuery, {
    ruleId: input.ruleId,
    revokedByRuleId: input.revokedByRuleId ?? null,
    on: input.on,
    kind,
    note: input.note ?? null,
    linkKind: lineageKindOfEnding(kind),
    endedNote: endedNote(kind, input.on.toString()),
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
