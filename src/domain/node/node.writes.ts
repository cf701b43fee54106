import { isDeepStrictEqual } from 'node:util';
import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused, Refusal, WriteConflict } from '../../input-refused';
import { lockNode, missingSourcesOf } from '../fact/dated-fact.writes';
import { setNameKeys } from '../search/names';
import { staleness, versionOf } from './version';

/** Entities written by name with upsertChipProduct, upsertCompany and upsertOfficial. */
export type NamedLabel = 'ChipProduct' | 'Company' | 'Official';

export type NamedInput = {
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

/** What checkNamed reads of an entity (`n`, null when missing) and its input (`row`); a label's own check may read it too. */
export const NAMED_CHECK_COLUMNS = `n.name AS name, ${versionOf('n')} AS version, ${missingSourcesOf('row.sourceIds')} AS missingSources`;
export type NamedCheckRow = { name: string | null; version: number | null; missingSources: string[] };

/** A label's statements, built once by its service (namedStatements). */
export type NamedStatements = {
  existing: NamedQuery;
  snapshot: NamedQuery;
  save: NamedQuery;
  /** Null when the save sets the name keys itself (its links are written in it, or there are none). */
  nameKeys: NamedQuery | null;
  bumpVersion: NamedQuery;
};

/**
 * One set of statements per label (labels are not parameters in an indexed MATCH), each over a list
 * of inputs (`$rows`, or their `$ids`), so a batch costs the statements of one write. `links` is
 * Cypher writing the label's own links in the save (`n` and `row` bound, unit subqueries), which then
 * sets the name keys too; without it the service writes its links after the save (writeNamed's `link`)
 * and the keys follow in a statement of their own.
 */
export function namedStatements(label: NamedLabel, links?: string): NamedStatements {
  const keys = setNameKeys('n');
  return {
    // Takes each entity's write lock first, so the version it reports holds until this write commits.
    existing: {
      name: `save${label}Existing`,
      cypher: `UNWIND $rows AS row
OPTIONAL MATCH (n:${label} {id: row.id})
${lockNode('n')}
RETURN ${NAMED_CHECK_COLUMNS}`,
    },
    // What a write can change: the node's properties and its outgoing links (the lock marker is never kept).
    snapshot: {
      name: `save${label}Snapshot`,
      cypher: `UNWIND $ids AS id
OPTIONAL MATCH (n:${label} {id: id})
RETURN id, CASE WHEN n IS NULL THEN null ELSE {properties: properties(n), links: [(n)-[r]->(m) | [type(r), m.id, properties(r)]]} END AS snapshot`,
    },
    save: {
      name: `save${label}`,
      cypher: `
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n.aliases = [], n.version = 1
SET n.name = row.name
SET n += row.set
WITH n, row
CALL (n, row) {
  UNWIND row.sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  MERGE (n)-[:CITES]->(s)
}${links === undefined ? '' : `${links}
${keys}`}`,
    },
    // Last, after the links: a product's keys include its maker's name before its family.
    nameKeys: links === undefined ? { name: `save${label}NameKeys`, cypher: `UNWIND $ids AS id MATCH (n:${label} {id: id}) ${keys}` } : null,
    bumpVersion: { name: `save${label}Version`, cypher: `UNWIND $ids AS id MATCH (n:${label} {id: id}) SET n.version = coalesce(n.version, 0) + 1` },
  };
}

type Snapshot = { properties: Record<string, unknown>; links: unknown[][] } | null;

/** Links in a stable order, so two snapshots compare by content. */
const comparable = (snapshot: Snapshot) =>
  snapshot && { properties: snapshot.properties, links: snapshot.links.map((link) => JSON.stringify(link)).sort() };

/** What checking an input found: what refuses it (null: nothing), and whether its entity exists. */
export type NamedCheck = { refusal: Refusal | null; exists: boolean };

/**
 * What refuses an input, given what NAMED_CHECK_COLUMNS read under its write lock: a stale
 * expectedVersion is a CONFLICT; so, without an id, is a different entity holding the id the name
 * gives (one with the same name is this entity, updated); every source must exist.
 */
export function namedCheckOf(input: NamedInput, existing: NamedCheckRow): NamedCheck {
  const exists = existing.version !== null;
  const refuse = (refusal: Refusal) => ({ refusal, exists });
  const stale = staleness(input.id, existing.version, input.expectedVersion);
  if (stale) return refuse(stale);
  if (!input.given && existing.name !== null && existing.name !== input.name) {
    return refuse(new WriteConflict(
      `Another entity has id ${input.id} (${JSON.stringify(existing.name)}): give input.id to update it, or a name of its own.`,
      'input.name',
    ));
  }
  if (existing.missingSources.length > 0) return refuse(new InputRefused(`No source has id ${existing.missingSources.join(', ')}.`, 'input.sourceIds'));
  return { refusal: null, exists };
}

/** Takes each entity's write lock and checks each input (namedCheckOf), in input order. */
async function checkNamed(tx: CountingTransaction, statements: NamedStatements, inputs: NamedInput[]): Promise<NamedCheck[]> {
  const rows = await tx.run<NamedCheckRow>(statements.existing, { rows: inputs });
  return inputs.map((input, i) => namedCheckOf(input, rows[i]));
}

/**
 * Creates each entity, or updates the one with its id, setting the name, the given properties and
 * its sources, and the label's own links (maker, country, parent): in the save, or with `link` after
 * it. Call it once the checks refused nothing, with distinct ids and what the checks found. Returns,
 * per input, whether anything changed: a creation does (at version 1); an update changes what it
 * changes, a repeat nothing (the version is kept), and a change counts one more.
 */
export async function writeNamed(
  tx: CountingTransaction, statements: NamedStatements, inputs: NamedInput[], checks: NamedCheck[], link?: () => Promise<void>,
): Promise<boolean[]> {
  const existing = inputs.filter((_, i) => checks[i].exists).map((input) => input.id);
  const snapshots = async () => new Map((await tx.run<{ id: string; snapshot: Snapshot }>(statements.snapshot, { ids: existing })).map((row) => [row.id, row.snapshot]));
  const before = existing.length > 0 ? await snapshots() : new Map<string, Snapshot>();
  await tx.run(statements.save, { rows: inputs });
  await link?.();
  if (statements.nameKeys) await tx.run(statements.nameKeys, { ids: inputs.map((input) => input.id) });
  const after = existing.length > 0 ? await snapshots() : new Map<string, Snapshot>();
  const changed = inputs.map(({ id }, i) => !checks[i].exists || !isDeepStrictEqual(comparable(before.get(id) ?? null), comparable(after.get(id) ?? null)));
  const updated = inputs.filter((_, i) => checks[i].exists && changed[i]).map((input) => input.id);
  if (updated.length > 0) await tx.run(statements.bumpVersion, { ids: updated });
  return changed;
}

/** One entity (a product or an official): refused with the error of its first problem, else written as writeNamed does. */
export async function saveNamed(tx: CountingTransaction, statements: NamedStatements, input: NamedInput, link?: () => Promise<void>): Promise<boolean> {
  const [check] = await checkNamed(tx, statements, [input]);
  if (check.refusal) throw check.refusal;
  const [changed] = await writeNamed(tx, statements, [input], [check], link);
  return changed;
}
