import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import type { WriteOutcome } from '../change/change.writes';
import { createUnlessOverlapping, lockNode, MISSING_SOURCES, overlappingQuery, refuseMissing } from '../fact/dated-fact.writes';
import { Confidence } from '../confidence/confidence.type';

export type AssignCountryGroup = {
  /** ISO alpha-2, upper case. */
  code: string;
  groupId: string;
  validFrom: unknown;
  validTo: unknown;
  addedByRuleId: string | null;
  sourceIds: string[];
  /** What the seed's shape adds (the mutation leaves them out): STATED, no note, no removing rule. */
  confidence?: Confidence;
  note?: string | null;
  removedByRuleId?: string | null;
};

/** Locks the country, so its memberships are checked one after the other, and reports what the input names that does not exist. */
const lockCountryQuery: NamedQuery = {
  name: 'assignCountryGroupLock',
  cypher: `
OPTIONAL MATCH (country:Country {code: $code})
${lockNode('country')}
WITH country
OPTIONAL MATCH (group:CountryGroup {id: $groupId})
RETURN country.id AS countryId, group IS NOT NULL AS groupFound,
       $addedByRuleId IS NULL OR EXISTS { MATCH (:Rule {id: $addedByRuleId}) } AS ruleFound,
       $removedByRuleId IS NULL OR EXISTS { MATCH (:Rule {id: $removedByRuleId}) } AS removedByFound,
       ${MISSING_SOURCES} AS missingSources`,
};

const queries = {
  overlapping: overlappingQuery('assignCountryGroupOverlapping', 'MATCH (:Country {code: $code})-[m:IN_GROUP]->(:CountryGroup {id: $groupId})', 'm', {
    addedBy: 'addedByRuleId', removedBy: 'removedByRuleId', confidence: 'confidence', note: 'note', sourceIds: 'sourceIds',
  }),
  /** The membership, as docs/graph-model.md describes it: countryCode for the date index, addedBy the rule's id. */
  create: {
    name: 'assignCountryGroup',
    cypher: `
MATCH (country:Country {code: $code}), (group:CountryGroup {id: $groupId})
CREATE (country)-[m:IN_GROUP]->(group)
SET m.validFrom = $validFrom, m.validTo = $validTo, m.countryCode = country.code, m.addedBy = $addedByRuleId,
    m.removedBy = $removedByRuleId, m.confidence = $confidence, m.note = $note, m.sourceIds = $sourceIds`,
  },
};

/**
 * Records a country's membership of a country group. The country, the group, the adding rule and
 * every source must exist (BAD_USER_INPUT naming the field); a membership of the same group whose
 * period overlaps is a CONFLICT, unless it is exactly this one (a retry: nothing written, no Change).
 */
export async function assignCountryGroup(tx: CountingTransaction, given: AssignCountryGroup): Promise<WriteOutcome> {
  const input = { ...given, confidence: given.confidence ?? Confidence.STATED, note: given.note ?? null, removedByRuleId: given.removedByRuleId ?? null };
  const [found] = await tx.run<{ countryId: string | null; groupFound: boolean; ruleFound: boolean; removedByFound: boolean; missingSources: string[] }>(lockCountryQuery, input);
  refuseMissing([
    [!found.countryId, `No country has code ${input.code}.`, 'input.countryCode'],
    [!found.groupFound, `No country group ${input.groupId.slice('countryGroup:'.length)} is in the graph.`, 'input.group'],
    [!found.ruleFound, `No rule has id ${input.addedByRuleId}.`, 'input.addedByRuleId'],
    [!found.removedByFound, `No rule has id ${input.removedByRuleId}.`, 'input.removedByRuleId'],
    [found.missingSources.length > 0, `No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds'],
  ]);
  const changed = await createUnlessOverlapping(tx, queries, input,
    (periods) => `${input.code} is already in ${input.groupId} for ${periods}: end that membership first.`);
  return { entityIds: [found.countryId!, input.groupId], changed };
}
