import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused, WriteConflict } from '../../input-refused';

/**
 * What every writer of a dated fact (a touch, classification, membership, listing, office) shares:
 * refusing what the input names that is not there, then writing the fact unless one of the same key
 * overlaps its period. A null start holds from the beginning, a null end is open.
 */

/** The Cypher list of the ids in `list` (a list of source ids) that name no source. */
export const missingSourcesOf = (list: string) => `[id IN ${list} WHERE NOT EXISTS { MATCH (:Source {id: id}) }]`;

/** The Cypher list of the input's `$sourceIds` that name no source. */
export const MISSING_SOURCES = missingSourcesOf('$sourceIds');

/** Cypher for a stored list of source ids with the input's (`$sourceIds` unless named) added: sources accumulate, as CITES links do. */
export const withSources = (list: string, given = '$sourceIds') => `coalesce(${list}, []) + [id IN ${given} WHERE NOT id IN coalesce(${list}, [])]`;

/** Takes the write lock of the node bound to `n` (SET then REMOVE a marker), so facts about it are checked one after the other. */
export const lockNode = (n: string) => `FOREACH (_ IN CASE WHEN ${n} IS NULL THEN [] ELSE [1] END | SET ${n}.writeLock = true REMOVE ${n}.writeLock)`;

/** Refuses, as BAD_USER_INPUT naming the field, the first check whose `missing` holds. */
export function refuseMissing(checks: [missing: boolean, message: string, field: string][]): void {
  const first = checks.find(([missing]) => missing);
  if (first) throw new InputRefused(first[1], first[2]);
}

/** `${f}.${property}` equals `$${param}`, two nulls counting as equal. */
const sameValue = (f: string, property: string, param: string) => `(${f}.${property} = $${param} OR (${f}.${property} IS NULL AND $${param} IS NULL))`;

/**
 * The facts matched by `match` (binding `f`, with a WHERE of its own when needed) whose period meets [$validFrom, $validTo), each with
 * its period in words and whether it is exactly the input (`compared` maps property to parameter).
 */
export function overlappingQuery(name: string, match: string, f: string, compared: Record<string, string>): NamedQuery {
  const same = Object.entries({ validFrom: 'validFrom', validTo: 'validTo', ...compared }).map(([property, param]) => sameValue(f, property, param));
  return {
    name,
    cypher: `
${match}
WITH ${f} WHERE ($validTo IS NULL OR ${f}.validFrom IS NULL OR ${f}.validFrom < $validTo)
  AND (${f}.validTo IS NULL OR $validFrom IS NULL OR $validFrom < ${f}.validTo)
RETURN coalesce(toString(${f}.validFrom), 'the start') + coalesce(' to ' + toString(${f}.validTo), ' (open)') AS period,
       ${same.join('\n       AND ')} AS same,
       ${sameValue(f, 'validFrom', 'validFrom')} AND $validTo IS NULL AND ${f}.endedByRuleId IS NOT NULL AS endedSince`,
  };
}

/**
 * Writes the fact with `create` unless a fact of the same key overlaps: exactly this one is a retry
 * (false: nothing written), and so is this one recorded open from the same day and closed since by a
 * rule's ending (endedByRuleId: the ending is the later fact, a reload of the seed or an import keeps it);
 * another is a CONFLICT on input.validFrom saying which periods clash.
 */
export async function createUnlessOverlapping(
  tx: CountingTransaction,
  queries: { overlapping: NamedQuery; create: NamedQuery },
  params: Record<string, unknown>,
  conflict: (periods: string) => string,
): Promise<boolean> {
  const overlaps = await tx.run<{ period: string; same: boolean; endedSince: boolean }>(queries.overlapping, params);
  if (overlaps.length === 1 && (overlaps[0].same || overlaps[0].endedSince)) return false;
  if (overlaps.length > 0) throw new WriteConflict(conflict(overlaps.map((o) => o.period).join('; ')), 'input.validFrom');
  await tx.run(queries.create, params);
  return true;
}
