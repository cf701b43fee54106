import { isDeepStrictEqual } from 'node:util';
import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused, WriteConflict } from '../../input-refused';
import { lockNode, MISSING_SOURCES } from '../fact/dated-fact.writes';
import { nameKeysOf } from '../search/names';
import { bumpVersion, refuseStale, versionOf } from './version';

/** Entities written by name with upsertChipProduct, upsertCompany and upsertOfficial. */
export type NamedLabel = 'ChipProduct' | 'Company' | 'Official';

export type SaveNamed = {
  label: NamedLabel;
  id: string;
  /** Whether the id came from the input (an update is allowed) or from the name (create only). */
  given: boolean;
  name: string;
  /** Only the optional properties the input gives (present, even as null): the others are kept. */
  set: Record<string, unknown>;
  sourceIds: string[];
  /** Update only at this version (version.ts). */
  expectedVersion?: number | null;
};

type Queries = { existing: NamedQuery; snapshot: NamedQuery; save: NamedQuery; nameKeys: NamedQuery };

/** One set of statements per label (labels are not parameters in an indexed MATCH). */
const queriesOf = (label: NamedLabel): Queries => ({
  // Takes the entity's write lock first, so the version it reports holds until this write commits.
  existing: {
    name: `save${label}Existing`,
    cypher: `OPTIONAL MATCH (n:${label} {id: $id})
${lockNode('n')}
RETURN n.name AS name, ${versionOf('n')} AS version, ${MISSING_SOURCES} AS missingSources`,
  },
  // What a write can change: the node's properties and its outgoing links (the lock marker is never kept).
  snapshot: {
    name: `save${label}Snapshot`,
    cypher: `OPTIONAL MATCH (n:${label} {id: $id})
RETURN CASE WHEN n IS NULL THEN null ELSE {properties: properties(n), links: [(n)-[r]->(m) | [type(r), m.id, properties(r)]]} END AS snapshot`,
  },
  save: {
    name: `save${label}`,
    cypher: `
MERGE (n:${label} {id: $id})
ON CREATE SET n.aliases = []
SET n.name = $name
SET n += $set
WITH n
CALL (n) {
  UNWIND $sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  MERGE (n)-[:CITES]->(s)
}`,
  },
  // Last, after the links: a product's keys include its maker's name before its family.
  nameKeys: { name: `save${label}NameKeys`, cypher: `MATCH (n:${label} {id: $id}) SET n.nameKeys = ${nameKeysOf('n')}` },
});

const QUERIES: Record<NamedLabel, Queries> = { ChipProduct: queriesOf('ChipProduct'), Company: queriesOf('Company'), Official: queriesOf('Official') };

type Snapshot = { properties: Record<string, unknown>; links: unknown[][] } | null;

/** Links in a stable order, so two snapshots compare by content. */
const comparable = (snapshot: Snapshot) =>
  snapshot && { properties: snapshot.properties, links: snapshot.links.map((link) => JSON.stringify(link)).sort() };

/**
 * Creates the entity, or updates the one with the given id, setting the name, the given properties
 * and its sources; `link` then writes its label's own links (maker, country, parent). Without an id
 * the name gives one and it never overwrites a different entity: one with that id and another name
 * is a CONFLICT, one with the same name is this entity, updated. Every source must exist; a stale
 * expectedVersion is a CONFLICT. Returns whether anything changed (a repeat changes nothing, records no
 * Change and keeps the version).
 */
export async function saveNamed(tx: CountingTransaction, input: SaveNamed, link: () => Promise<void>): Promise<boolean> {
  const queries = QUERIES[input.label];
  const [existing] = await tx.run<{ name: string | null; version: number | null; missingSources: string[] }>(queries.existing, input);
  refuseStale(input.id, existing.version, input.expectedVersion);
  if (!input.given && existing.name !== null && existing.name !== input.name) {
    throw new WriteConflict(
      `Another entity has id ${input.id} (${JSON.stringify(existing.name)}): give input.id to update it, or a name of its own.`,
      'input.name',
    );
  }
  if (existing.missingSources.length > 0) throw new InputRefused(`No source has id ${existing.missingSources.join(', ')}.`, 'input.sourceIds');
  const [before] = await tx.run<{ snapshot: Snapshot }>(queries.snapshot, input);
  await tx.run(queries.save, input);
  await link();
  await tx.run(queries.nameKeys, input);
  const [after] = await tx.run<{ snapshot: Snapshot }>(queries.snapshot, input);
  const changed = !isDeepStrictEqual(comparable(before.snapshot), comparable(after.snapshot));
  if (changed) await bumpVersion(tx, input.label, input.id);
  return changed;
}
