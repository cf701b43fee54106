import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import type { WriteOutcome } from '../change/change.writes';
import { createUnlessOverlapping, lockNode, MISSING_SOURCES, overlappingQuery, refuseMissing } from '../fact/dated-fact.writes';
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
};

/** Locks the party, so its listings are checked one after the other, and reports what the input names that does not exist. */
const lockPartyQuery: NamedQuery = {
  name: 'recordListingLock',
  cypher: `
OPTIONAL MATCH (party:Company {id: $partyId})
${lockNode('party')}
RETURN party IS NOT NULL AS partyFound,
       $addedByRuleId IS NULL OR EXISTS { MATCH (:Rule {id: $addedByRuleId}) } AS ruleFound,
       ${MISSING_SOURCES} AS missingSources`,
};

const queries = {
  overlapping: overlappingQuery('recordListingOverlapping', 'MATCH (:Company {id: $partyId})-[:LISTED]->(l:Listing {list: $list})', 'l', {
    licenseRequirement: 'licenseRequirement', licensePolicy: 'licensePolicy', note: 'note', sourceIds: 'sourceIds',
  }),
  /** The listing node, its party, the rule that added it and its sources, shaped as the seed writes them (docs/graph-model.md). */
  create: {
    name: 'recordListing',
    cypher: `
MATCH (party:Company {id: $partyId})
CREATE (party)-[listed:LISTED]->(n:Listing {id: $id})
SET n.list = $list, n.licenseRequirement = $licenseRequirement, n.licensePolicy = $licensePolicy,
    n.validFrom = $validFrom, n.validTo = $validTo, n.confidence = 'STATED', n.note = $note, n.sourceIds = $sourceIds,
    listed.sourceIds = $sourceIds
WITH n
CALL (n) {
  MATCH (rule:Rule {id: $addedByRuleId})
  CREATE (rule)-[adds:ADDS_LISTING]->(n)
  SET adds.sourceIds = $sourceIds
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
export async function recordListing(tx: CountingTransaction, input: RecordListing): Promise<WriteOutcome> {
  const [found] = await tx.run<{ partyFound: boolean; ruleFound: boolean; missingSources: string[] }>(lockPartyQuery, input);
  refuseMissing([
    [!found.partyFound, `No company has id ${input.partyId}.`, 'input.partyId'],
    [!found.ruleFound, `No rule has id ${input.addedByRuleId}.`, 'input.addedByRuleId'],
    [found.missingSources.length > 0, `No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds'],
  ]);
  const changed = await createUnlessOverlapping(tx, queries, input,
    (periods) => `${input.partyId} is already on the ${input.list} for ${periods}: end that listing first.`);
  return { entityIds: [input.partyId, ...(input.addedByRuleId ? [input.addedByRuleId] : [])], changed };
}
