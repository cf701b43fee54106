import { isDeepStrictEqual } from 'node:util';
import neo4j from 'neo4j-driver';
import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { ENTITIES, kindOfId } from '../entities';

/** An entity's state as a Change records it: its properties and its outgoing links, keyed for comparison. */
export type EntityState = { properties: Record<string, unknown>; links: Record<string, unknown> };
export type Snapshot = Record<string, EntityState>;

/** What a write changed, entity by entity and field by field: only what differs, before and after. */
export type ChangeDiff = { before: Record<string, Record<string, unknown>>; after: Record<string, Record<string, unknown>> };

/** Bookkeeping properties no reader shows: the derived lookup keys and the lock marker. */
const HIDDEN = new Set(['nameKeys', 'writeLock']);

/**
 * Every kind's label once, each branch looking up only the ids of its kind (the id's prefix names
 * it) on its id index; listings are nodes too, though not entities.
 */
const LABELS = [...ENTITIES.map((kind) => kind.type), 'Listing'];
const snapshotQuery: NamedQuery = {
  name: 'changeSnapshot',
  cypher: `
CALL () {
  ${LABELS.map((label) => `UNWIND $ids.${label} AS id MATCH (n:${label} {id: id}) RETURN n`).join('\n  UNION ALL\n  ')}
}
RETURN n.id AS id, properties(n) AS properties, [(n)-[r]->(m) | [type(r), m.id, properties(r)]] AS links`,
};

/** The ids by label, every label present (an empty list where none is asked for). */
function idsByLabel(ids: string[]): Record<string, string[]> {
  const byLabel: Record<string, string[]> = Object.fromEntries(LABELS.map((label) => [label, []]));
  for (const id of new Set(ids)) {
    const label = id.startsWith('listing:') ? 'Listing' : kindOfId(id)?.type;
    if (label) byLabel[label].push(id);
  }
  return byLabel;
}

/** A value as JSON holds it: Neo4j dates and times as ISO text, integers as numbers. */
function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isDuration(value)) return String(value);
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plain(v)]));
  }
  return value;
}

/**
 * A link's key: its type and target, and what tells apart links of one type to one target (a
 * membership's start, an office's title, an action's day), so a changed end date reads as a change
 * of that link, not as one removed and another added.
 */
function linkKey(type: string, target: string, properties: Record<string, unknown>): string {
  const distinct = ['title', 'validFrom', 'on'].filter((name) => properties[name] !== undefined && properties[name] !== null);
  return [`${type} -> ${target}`, ...distinct.map((name) => `${name} ${String(properties[name])}`)].join(', ');
}

/** The state of the entities with these ids (ids that name no entity are left out). */
export async function snapshot(tx: CountingTransaction, ids: string[]): Promise<Snapshot> {
  const rows = await tx.run<{ id: string; properties: Record<string, unknown>; links: [string, string, Record<string, unknown>][] }>(snapshotQuery, { ids: idsByLabel(ids) });
  return Object.fromEntries(rows.map((row) => {
    const properties = Object.fromEntries(Object.entries(row.properties).filter(([key]) => !HIDDEN.has(key)).map(([key, value]) => [key, plain(value)]));
    const links: Record<string, unknown> = {};
    for (const [type, target, linkProperties] of row.links) {
      const values = plain(linkProperties) as Record<string, unknown>;
      let key = linkKey(type, target, values);
      for (let n = 2; key in links; n += 1) key = `${linkKey(type, target, values)} (${n})`;
      links[key] = values;
    }
    return [row.id, { properties, links }];
  }));
}

/** Fields of `a` and `b` whose values differ, as [before, after] maps (a missing field is null). */
function differing(prefix: string, a: Record<string, unknown>, b: Record<string, unknown>, diff: ChangeDiff, id: string) {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (isDeepStrictEqual(a[key], b[key])) continue;
    (diff.before[id] ??= {})[prefix + key] = a[key] ?? null;
    (diff.after[id] ??= {})[prefix + key] = b[key] ?? null;
  }
}

/** What changed between two snapshots: properties by name, links as 'link: TYPE -> target, ...'. */
export function diffOf(before: Snapshot, after: Snapshot): ChangeDiff {
  const diff: ChangeDiff = { before: {}, after: {} };
  const empty: EntityState = { properties: {}, links: {} };
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    differing('', (before[id] ?? empty).properties, (after[id] ?? empty).properties, diff, id);
    differing('link: ', (before[id] ?? empty).links, (after[id] ?? empty).links, diff, id);
  }
  return diff;
}
