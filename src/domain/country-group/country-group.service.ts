import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused, WriteConflict } from '../../input-refused';
import type { WriteOutcome } from '../change/change.writes';

export type AssignCountryGroup = {
  /** ISO alpha-2, upper case. */
  code: string;
  groupId: string;
  validFrom: unknown;
  validTo: unknown;
  addedByRuleId: string | null;
  sourceIds: string[];
};

/**
 * Locks the country (SET then REMOVE a marker takes its write lock, so memberships of one country
 * are checked one after the other) and reports what the input names that does not exist.
 */
const lockCountryQuery: NamedQuery = {
  name: 'assignCountryGroupLock',
  cypher: `
OPTIONAL MATCH (country:Country {code: $code})
FOREACH (_ IN CASE WHEN country IS NULL THEN [] ELSE [1] END | SET country.writeLock = true REMOVE country.writeLock)
WITH country
OPTIONAL MATCH (group:CountryGroup {id: $groupId})
RETURN country.id AS countryId, group IS NOT NULL AS groupFound,
       $addedByRuleId IS NULL OR EXISTS { MATCH (:Rule {id: $addedByRuleId}) } AS ruleFound,
       [id IN $sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }] AS missingSources`,
};

/** Memberships of the country in the group whose period meets [validFrom, validTo); `same` marks this input written before. */
const overlappingQuery: NamedQuery = {
  name: 'assignCountryGroupOverlapping',
  cypher: `
MATCH (:Country {code: $code})-[m:IN_GROUP]->(:CountryGroup {id: $groupId})
WHERE ($validTo IS NULL OR m.validFrom IS NULL OR m.validFrom < $validTo)
  AND (m.validTo IS NULL OR $validFrom < m.validTo)
RETURN coalesce(toString(m.validFrom), 'the start') + coalesce(' to ' + toString(m.validTo), ' (open)') AS period,
       m.validFrom = $validFrom
       AND (m.validTo = $validTo OR (m.validTo IS NULL AND $validTo IS NULL))
       AND (m.addedBy = $addedByRuleId OR (m.addedBy IS NULL AND $addedByRuleId IS NULL))
       AND coalesce(m.sourceIds, []) = $sourceIds AS same`,
};

/** The membership, shaped as the seed writes it: countryCode for the date index, addedBy the rule's id. */
const createQuery: NamedQuery = {
  name: 'assignCountryGroup',
  cypher: `
MATCH (country:Country {code: $code}), (group:CountryGroup {id: $groupId})
CREATE (country)-[m:IN_GROUP]->(group)
SET m.validFrom = $validFrom, m.validTo = $validTo, m.countryCode = country.code, m.addedBy = $addedByRuleId,
    m.confidence = 'STATED', m.sourceIds = $sourceIds`,
};

/**
 * Records a country's membership of a country group. The country, the group, the adding rule and
 * every source must exist (BAD_USER_INPUT naming the field); a membership of the same group whose
 * period overlaps is a CONFLICT, unless it is exactly this one (a retry: nothing written, no Change).
 */
export async function assignCountryGroup(tx: CountingTransaction, input: AssignCountryGroup): Promise<WriteOutcome> {
  const [found] = await tx.run<{ countryId: string | null; groupFound: boolean; ruleFound: boolean; missingSources: string[] }>(lockCountryQuery, input);
  if (!found.countryId) throw new InputRefused(`No country has code ${input.code}.`, 'input.countryCode');
  if (!found.groupFound) throw new InputRefused(`No country group ${input.groupId.slice('countryGroup:'.length)} is in the graph.`, 'input.group');
  if (!found.ruleFound) throw new InputRefused(`No rule has id ${input.addedByRuleId}.`, 'input.addedByRuleId');
  if (found.missingSources.length > 0) throw new InputRefused(`No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds');
  const entityIds = [found.countryId, input.groupId];
  const overlaps = await tx.run<{ period: string; same: boolean }>(overlappingQuery, input);
  if (overlaps.length === 1 && overlaps[0].same) return { entityIds, changed: false };
  if (overlaps.length > 0) {
    throw new WriteConflict(
      `${input.code} is already in ${input.groupId} for ${overlaps.map((o) => o.period).join('; ')}: end that membership first.`,
      'input.validFrom',
    );
  }
  await tx.run(createQuery, input);
  return { entityIds, changed: true };
}
