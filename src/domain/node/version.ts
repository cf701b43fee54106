import Cypher from '@neo4j/cypher-builder';
import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { WriteConflict } from '../../input-refused';
import { FieldReader } from '../../read/compiler';

/**
 * Optimistic concurrency for the entities editors update (rules, sources, products, companies,
 * officials) and those the seed and imports write: each carries `version`, one more with every
 * write through a write service that changes it (its creation included; 0 for a node no service wrote). An update may say which version it was made against
 * (`expectedVersion`); the check runs under the entity's write lock, so of two editors who read
 * version 3, the second is refused instead of silently overwriting the first.
 */

export const VERSION_DESCRIPTION = 'How many writes have changed it, its creation included (the seed and imports count as writes): pass it as expectedVersion to update it only if nobody else has since.';
export const EXPECTED_VERSION_DESCRIPTION = 'Update only if the entity is still at this version (its `version` when you read it); otherwise CONFLICT and nothing is written.';

/** The version as the API reads it (a node no write service has written is at 0). */
export const versionReader: FieldReader = (_field, { node }) => Cypher.coalesce(node.property('version'), new Cypher.Literal(0));

/** Cypher for the version of the node bound to `n`, null when there is no node. */
export const versionOf = (n: string) => `CASE WHEN ${n} IS NULL THEN null ELSE coalesce(${n}.version, 0) END`;

/** The CONFLICT on input.expectedVersion of a stale update (the entity missing or at another version); null when it is not stale. */
export function staleness(id: string, current: number | null, expected: number | null | undefined): WriteConflict | null {
  if (expected === null || expected === undefined) return null;
  if (current === null) return new WriteConflict(`No entity has id ${id}, so it cannot be at version ${expected}.`, 'input.expectedVersion');
  if (current !== expected) {
    return new WriteConflict(`${id} is at version ${current}, not ${expected}: someone changed it since you read it; read it again.`, 'input.expectedVersion');
  }
  return null;
}

/** Refuses a stale update (staleness). */
export function refuseStale(id: string, current: number | null, expected: number | null | undefined): void {
  const stale = staleness(id, current, expected);
  if (stale) throw stale;
}

const bumpQueries = new Map<string, NamedQuery>();

/** Counts a change: the node's version goes up by one. */
export async function bumpVersion(tx: CountingTransaction, label: string, id: string): Promise<void> {
  let query = bumpQueries.get(label);
  if (!query) {
    query = { name: `bumpVersion${label}`, cypher: `MATCH (n:${label} {id: $id}) SET n.version = coalesce(n.version, 0) + 1` };
    bumpQueries.set(label, query);
  }
  await tx.run(query, { id });
}
