import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { WriteConflict } from '../../input-refused';
import type { WriteOutcome } from '../change/change.writes';
import { lockNode } from '../fact/dated-fact.writes';
import { bumpVersion, refuseStale, versionOf } from '../node/version';

export type SaveSource = {
  id: string;
  /** Whether the id came from the input (an update is allowed) or from the title (create only). */
  given: boolean;
  title: string;
  kind: string;
  /** Only the optional fields the input gives: the others are kept. */
  set: Record<string, unknown>;
  /** Update only at this version (node/version.ts). */
  expectedVersion?: number | null;
};

const existingQuery: NamedQuery = {
  name: 'upsertSourceExisting',
  cypher: `OPTIONAL MATCH (s:Source {id: $id})
${lockNode('s')}
RETURN s.title AS title, ${versionOf('s')} AS version`,
};

/** Creates or updates the source; `changed` compares its properties before and after. */
const saveQuery: NamedQuery = {
  name: 'upsertSource',
  cypher: `
OPTIONAL MATCH (old:Source {id: $id})
WITH CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (s:Source {id: $id})
SET s.title = $title, s.kind = $kind
SET s += $set
RETURN before IS NULL OR before <> properties(s) AS changed`,
};

/**
 * Creates a source, or updates the one with the given id (setting what the input gives). Without an
 * id the title gives one, and it never overwrites a different source: a source with that id and
 * another title is a CONFLICT; one with the same title is this source, updated.
 */
export async function saveSource(tx: CountingTransaction, input: SaveSource): Promise<WriteOutcome> {
  const [existing] = await tx.run<{ title: string | null; version: number | null }>(existingQuery, { id: input.id });
  refuseStale(input.id, existing.version, input.expectedVersion);
  if (!input.given) {
    if (existing.title !== null && existing.title !== input.title) {
      throw new WriteConflict(
        `A source with id ${input.id} already exists (${JSON.stringify(existing.title)}): give input.id to update it, or a title of its own.`,
        'input.title',
      );
    }
  }
  const [row] = await tx.run<{ changed: boolean }>(saveQuery, { id: input.id, title: input.title, kind: input.kind, set: input.set });
  if (row.changed) await bumpVersion(tx, 'Source', input.id);
  return { entityIds: [input.id], changed: row.changed };
}
