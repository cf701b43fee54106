import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import type { WriteOutcome } from '../change/change.writes';
import { createUnlessOverlapping, lockNode, MISSING_SOURCES, overlappingQuery, refuseMissing, withSources } from '../fact/dated-fact.writes';
import { Confidence } from '../confidence/confidence.type';
import { NamedInput, namedStatements, saveNamed } from '../node/node.writes';
import { OfficialActionKind } from './agency.type';

/** An official has no links of its own: the save sets the name keys. */
const OFFICIAL_STATEMENTS = namedStatements('Official', '');

/** Creates or updates an official (node.writes.ts). */
export async function saveOfficial(tx: CountingTransaction, input: NamedInput): Promise<WriteOutcome> {
  const changed = await saveNamed(tx, OFFICIAL_STATEMENTS, input);
  return { entityIds: [input.id], changed };
}

export type RecordOffice = {
  officialId: string; agencyId: string; title: string; validFrom: unknown; validTo: unknown; sourceIds: string[];
  /** What the seed's shape adds (the mutation leaves them out): STATED, no note. */
  confidence?: Confidence; note?: string | null;
};

/** Locks the official, so their offices are checked one after the other, and reports what the input names that does not exist. */
const lockOfficialQuery: NamedQuery = {
  name: 'recordOfficeLock',
  cypher: `
OPTIONAL MATCH (official:Official {id: $officialId})
${lockNode('official')}
RETURN official IS NOT NULL AS officialFound, EXISTS { MATCH (:Agency {id: $agencyId}) } AS agencyFound, ${MISSING_SOURCES} AS missingSources`,
};

const officeQueries = {
  overlapping: overlappingQuery(
    'recordOfficeOverlapping',
    'MATCH (:Official {id: $officialId})-[o:HOLDS_OFFICE {title: $title}]->(:Agency {id: $agencyId})',
    'o',
    { confidence: 'confidence', note: 'note', sourceIds: 'sourceIds' },
  ),
  /** The office, as docs/graph-model.md describes it. */
  create: {
    name: 'recordOffice',
    cypher: `
MATCH (official:Official {id: $officialId}), (agency:Agency {id: $agencyId})
CREATE (official)-[o:HOLDS_OFFICE]->(agency)
SET o.title = $title, o.validFrom = $validFrom, o.validTo = $validTo, o.confidence = $confidence, o.note = $note, o.sourceIds = $sourceIds`,
  },
};

/**
 * Records an official's office at an agency. The official, the agency and every source must exist
 * (BAD_USER_INPUT naming the field); the same title at the same agency over an overlapping period is
 * a CONFLICT, unless it is exactly this office (a retry: nothing written, no Change).
 */
export async function recordOffice(tx: CountingTransaction, given: RecordOffice): Promise<WriteOutcome> {
  const input = { ...given, confidence: given.confidence ?? Confidence.STATED, note: given.note ?? null };
  const [found] = await tx.run<{ officialFound: boolean; agencyFound: boolean; missingSources: string[] }>(lockOfficialQuery, input);
  refuseMissing([
    [!found.officialFound, `No official has id ${input.officialId}.`, 'input.officialId'],
    [!found.agencyFound, `No agency has id ${input.agencyId}.`, 'input.agencyId'],
    [found.missingSources.length > 0, `No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds'],
  ]);
  const changed = await createUnlessOverlapping(tx, officeQueries, input,
    (periods) => `${input.officialId} already held ${JSON.stringify(input.title)} at ${input.agencyId} for ${periods}: end that office first.`);
  return { entityIds: [input.officialId, input.agencyId], changed };
}

export type RecordOfficialAction = {
  officialId: string; ruleId: string; kind: OfficialActionKind; on: unknown; text: string | null; sourceIds: string[];
  /** The seed's note on the action (the mutation leaves it out); kept when not given. */
  note?: string | null;
};

const actionFoundQuery: NamedQuery = {
  name: 'recordOfficialActionFound',
  cypher: `
RETURN EXISTS { MATCH (:Official {id: $officialId}) } AS officialFound, EXISTS { MATCH (:Rule {id: $ruleId}) } AS ruleFound,
       ${MISSING_SOURCES} AS missingSources`,
};

/** One action per official, rule, kind and day: a repeat sets its text and adds its sources. */
const saveActionQuery: NamedQuery = {
  name: 'recordOfficialAction',
  cypher: `
MATCH (official:Official {id: $officialId}), (rule:Rule {id: $ruleId})
MERGE (official)-[action:$($kind) {on: $on}]->(rule)
WITH action, properties(action) AS before
SET action.text = coalesce($text, action.text), action.note = coalesce($note, action.note),
    action.sourceIds = ${withSources('action.sourceIds')}
RETURN before <> properties(action) AS changed`,
};

/**
 * Records what an official did about a rule on a day. The official, the rule and every source must
 * exist (BAD_USER_INPUT naming the field). Recording the same action again sets the text when given
 * and adds new sources; when that changes nothing, no Change is recorded.
 */
export async function recordOfficialAction(tx: CountingTransaction, input: RecordOfficialAction): Promise<WriteOutcome> {
  const [found] = await tx.run<{ officialFound: boolean; ruleFound: boolean; missingSources: string[] }>(actionFoundQuery, input);
  refuseMissing([
    [!found.officialFound, `No official has id ${input.officialId}.`, 'input.officialId'],
    [!found.ruleFound, `No rule has id ${input.ruleId}.`, 'input.ruleId'],
    [found.missingSources.length > 0, `No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds'],
  ]);
  const [row] = await tx.run<{ changed: boolean }>(saveActionQuery, { ...input, note: input.note ?? null });
  return { entityIds: [input.officialId, input.ruleId], changed: row.changed };
}
