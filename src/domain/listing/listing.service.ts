import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import type { WriteOutcome } from '../change/change.writes';
import { createUnlessOverlapping, lockNode, MISSING_SOURCES, overlappingQuery, refuseMissing } from '../fact/dated-fact.writes';
import { Confidence } from '../confidence/confidence.type';
import { ListKind } from './listing.type';

export type RecordListing = {
  /** listing:<party slug>-<list>-<validFrom> (entity-ids.ts). */
  id: string;
  partyId: string;
  list: ListKind;
  licenseRequirement: string | null;
  licensePolicy: string | null;
  validFrom: unknown;
  validTo: unknown;
  addedByRuleId: string | null;
  note: string | null;
  sourceIds: string[];
  /** What the seed's shape adds (the mutation leaves them out): STATED, no removing rule. */
  confidence?: Confidence;
  removedByRuleId?: string | null;
};

/** Locks the party, so its listings are checked one after the other, and reports what the input names that does not exist. */
const lockPartyQuery: NamedQuery = {
  name: 'recordListingLock',
  cypher: `
OPTIONAL MATCH (party:Company {id: $partyId})
${lockNode('party')}
RETURN party IS NOT NULL AS partyFound,
       $addedByRuleId IS NULL OR EXISTS { MATCH (:Rule {id: $addedByRuleId}) } AS ruleFound,
       $removedByRuleId IS NULL OR EXISTS { MATCH (:Rule {id: $removedByRuleId}) } AS removedByFound,
       ${MISSING_SOURCES} AS missingSources`,
};

const queries = {
  overlapping: overlappingQuery('recordListingOverlapping', 'MATCH (:Company {id: $partyId})-[:LISTED]->(l:Listing {list: $list})', 'l', {
    licenseRequirement: 'licenseRequirement', licensePolicy: 'licensePolicy', confidence: 'confidence', note: 'note', sourceIds: 'sourceIds',
  }),
  /** The listing node, its party, the rule that added it and its sources, as docs/graph-model.md describes them. */
  create: {
    name: 'recordListing',
    cypher: `
MATCH (party:Company {id: $partyId})
CREATE (party)-[listed:LISTED]->(n:Listing {id: $id})
SET n.list = $list, n.licenseRequirement = $licenseRequirement, n.licensePolicy = $licensePolicy,
    n.validFrom = $validFrom, n.validTo = $validTo, n.confidence = $confidence, n.note = $note, n.sourceIds = $sourceIds,
    listed.sourceIds = $sourceIds
WITH n
CALL (n) {
  MATCH (rule:Rule {id: $addedByRuleId})
  CREATE (rule)-[adds:ADDS_LISTING]->(n)
  SET adds.sourceIds = $sourceIds
}
CALL (n) {
  MATCH (rule:Rule {id: $removedByRuleId})
  CREATE (rule)-[removes:REMOVES_LISTING]->(n)
  SET removes.sourceIds = $sourceIds
}
CALL (n) {
  UNWIND $sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  CREATE (n)-[:CITES]->(s)
}`,
  },
};

/**
 * Records a party's listing. The party, the adding rule and every source must exist (BAD_USER_INPUT
 * naming the field); a listing of the party on the same list whose period overlaps is a CONFLICT,
 * unless it is exactly this one (a retry: nothing written, no Change).
 */
export async function recordListing(tx: CountingTransaction, given: RecordListing): Promise<WriteOutcome> {
  const input = { ...given, confidence: given.confidence ?? Confidence.STATED, removedByRuleId: given.removedByRuleId ?? null };
  const [found] = await tx.run<{ partyFound: boolean; ruleFound: boolean; removedByFound: boolean; missingSources: string[] }>(lockPartyQuery, input);
  refuseMissing([
    [!found.partyFound, `No company has id ${input.partyId}.`, 'input.partyId'],
    [!found.ruleFound, `No rule has id ${input.addedByRuleId}.`, 'input.addedByRuleId'],
    [!found.removedByFound, `No rule has id ${input.removedByRuleId}.`, 'input.removedByRuleId'],
    [found.missingSources.length > 0, `No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds'],
  ]);
  const changed = await createUnlessOverlapping(tx, queries, input,
    (periods) => `${input.partyId} is already on the ${input.list} for ${periods}: end that listing first.`);
  return { entityIds: [input.partyId, ...(input.addedByRuleId ? [input.addedByRuleId] : [])], changed };
}
