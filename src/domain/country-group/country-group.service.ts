import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import type { WriteOutcome } from '../change/change.writes';
import { createUnlessOverlapping, lockNode, MISSING_SOURCES, overlappingQuery, refuseMissing } from '../fact/dated-fact.writes';

export type AssignCountryGroup = {
  /** ISO alpha-2, upper case. */
  code: string;
  groupId: string;
  validFrom: unknown;
  validTo: unknown;
  addedByRuleId: string | null;
  sourceIds: string[];
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
       ${MISSING_SOURCES} AS missingSources`,
};

const queries = {
  overlapping: overlappingQuery('assignCountryGroupOverlapping', 'MATCH (:Country {code: $code})-[m:IN_GROUP]->(:CountryGroup {id: $groupId})', 'm', {
    addedBy: 'addedByRuleId', sourceIds: 'sourceIds',
  }),
  /** The membership, shaped as the seed writes it: countryCode for the date index, addedBy the rule's id. */
  create: {
    name: 'assignCountryGroup',
    cypher: `
MATCH (country:Country {code: $code}), (group:CountryGroup {id: $groupId})
CREATE (country)-[m:IN_GROUP]->(group)
SET m.validFrom = $validFrom, m.validTo = $validTo, m.countryCode = country.code, m.addedBy = $addedByRuleId,
    m.confidence = 'STATED', m.sourceIds = $sourceIds`,
  },
};

/**
 * Records a country's membership of a country group. The country, the group, the adding rule and
 * every source must exist (BAD_USER_INPUT naming the field); a membership of the same group whose
 * period overlaps is a CONFLICT, unless it is exactly this one (a retry: nothing written, no Change).
 */
export async function assignCountryGroup(tx: CountingTransaction, input: AssignCountryGroup): Promise<WriteOutcome> {
  const [found] = await tx.run<{ countryId: string | null; groupFound: boolean; ruleFound: boolean; missingSources: string[] }>(lockCountryQuery, input);
  refuseMissing([
    [!found.countryId, `No country has code ${input.code}.`, 'input.countryCode'],
    [!found.groupFound, `No country group ${input.groupId.slice('countryGroup:'.length)} is in the graph.`, 'input.group'],
    [!found.ruleFound, `No rule has id ${input.addedByRuleId}.`, 'input.addedByRuleId'],
    [found.missingSources.length > 0, `No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds'],
  ]);
  const changed = await createUnlessOverlapping(tx, queries, input,
    (periods) => `${input.code} is already in ${input.groupId} for ${periods}: end that membership first.`);
  return { entityIds: [found.countryId!, input.groupId], changed };
}
