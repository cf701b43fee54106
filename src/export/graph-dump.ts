import Cypher from '@neo4j/cypher-builder';
import { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isPoint, isTime } from 'neo4j-driver';
import { Graph, NamedQuery } from '../neo4j/graph';

/**
 * Labels of the service's own bookkeeping, left out of the dump: migrations applied, the change feed's
 * counter and its entries (the feed is served by `changes`/`changesSince`; the manifest says where it
 * stood), the lineage writers' lock, and the exact-name index's keys (derived from each entity's
 * `nameKeys`, which the dump holds). Only the keys have relationships, of the type INTERNAL_TYPES names.
 */
export const INTERNAL_LABELS: readonly string[] = ['Change', 'ChangeSequence', 'LineageLock', 'Migration', 'NameKey'];

/** Relationship types of that bookkeeping: a name key's links to the entities it names. */
const INTERNAL_TYPES: readonly string[] = ['NAMES'];

/** Nodes, or relationships, one statement of the dump reads. */
export const DUMP_PAGE_SIZE = 1_000;

export interface DumpNode {
  kind: 'node';
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface DumpRelationship {
  kind: 'relationship';
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export interface GraphManifest {
  generatedAt: string;
  /** The last migration applied (cypher/NNN_name), which fixes the stored shape. */
  schemaVersion: string | null;
  /** The change feed's last position when the counts were read: follow it with changesSince(position). */
  changePosition: string | null;
  nodes: { total: number; byLabel: Record<string, number> };
  relationships: { total: number; byType: Record<string, number> };
  excludedLabels: readonly string[];
}

/** A stored value as JSON: dates and times as ISO 8601 strings, durations as ISO 8601 durations. */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plainValue);
  if (isDateTime(value as never)) {
    const dateTime = value as { toStandardDate(): Date; timeZoneOffsetSeconds?: number; toString(): string };
    return dateTime.timeZoneOffsetSeconds !== undefined || (value as { timeZoneId?: string }).timeZoneId
      ? dateTime.toStandardDate().toISOString()
      : dateTime.toString();
  }
  if (isDate(value as never) || isLocalDateTime(value as never) || isTime(value as never) || isLocalTime(value as never) || isDuration(value as never)) {
    return String(value);
  }
  if (isPoint(value as never)) {
    const point = value as { srid: number; x: number; y: number; z?: number };
    return point.z === undefined ? { srid: point.srid, x: point.x, y: point.y } : { srid: point.srid, x: point.x, y: point.y, z: point.z };
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(properties).sort().map((key) => [key, plainValue(properties[key])]));
}

/** The labels in use, less the internal ones, in name order: the dump reads them one by one. */
const exportedLabelsQuery: NamedQuery = {
  name: 'exportLabels',
  cypher: 'CALL db.labels() YIELD label WHERE NOT label IN $internal RETURN label ORDER BY label',
};

/** The labels and relationship types in use: what the manifest counts. */
const inUseQuery: NamedQuery = {
  name: 'exportManifestKinds',
  cypher: `
CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types }
RETURN labels, types`,
};

/** A row of the manifest's count statement: a count per label, per type, of all nodes, or the feed position and schema version. */
interface ManifestRow {
  kind: 'label' | 'type' | 'all' | 'position' | 'schema';
  name: string | null;
  count: number | null;
}

/**
 * The manifest's counts in one statement, each arm of its UNION one read of Neo4j's count store (a
 * label or relationship type named in the pattern, nothing else), so the manifest costs the same on any
 * size of graph: a count per label and per relationship type, all nodes, then the change feed's
 * position and the last migration (a seek on their keys).
 */
export function manifestStatement(labels: readonly string[], types: readonly string[]): NamedQuery {
  // Each read in its own subquery, returning the count alone: next to other columns the planner would scan instead.
  const arm = (kind: ManifestRow['kind'], read: Cypher.Match | Cypher.OptionalMatch, name: Cypher.Expr, count: Cypher.Expr) => {
    const [readName, readCount] = [new Cypher.Variable(), new Cypher.Variable()];
    const constant = name instanceof Cypher.Literal;
    const inner = constant ? read.return([count, readCount]) : read.return([name, readName], [count, readCount]);
    return new Cypher.Call(inner, []).return([new Cypher.Literal(kind), 'kind'], [constant ? name : readName, 'name'], [readCount, 'count']);
  };
  const arms: Cypher.Clause[] = [];
  for (const label of labels) {
    const node = new Cypher.Node();
    arms.push(arm('label', new Cypher.Match(new Cypher.Pattern(node, { labels: [label] })), new Cypher.Literal(label), Cypher.count(node)));
  }
  for (const type of types) {
    const relationship = new Cypher.Relationship();
    const pattern = new Cypher.Pattern(new Cypher.Node()).related(relationship, { type, direction: 'right' }).to(new Cypher.Node());
    arms.push(arm('type', new Cypher.Match(pattern), new Cypher.Literal(type), Cypher.count(relationship)));
  }
  const any = new Cypher.Node();
  arms.push(arm('all', new Cypher.Match(new Cypher.Pattern(any)), Cypher.Null, Cypher.count(any)));
  const sequence = new Cypher.Node();
  arms.push(arm('position', new Cypher.OptionalMatch(new Cypher.Pattern(sequence, { labels: ['ChangeSequence'], properties: { id: new Cypher.Literal('changes') } })), Cypher.Null, sequence.property('last')));
  const migration = new Cypher.Node();
  arms.push(arm('schema', new Cypher.OptionalMatch(new Cypher.Pattern(migration, { labels: ['Migration'] })), Cypher.max(migration.property('id')), Cypher.Null));
  const { cypher } = new Cypher.Union(...arms).all().build();
  return { name: 'exportManifest', cypher };
}

/**
 * The manifest of the graph as it is now: two reads, the kinds in use and then their counts. The
 * service's bookkeeping nodes carry one label each and relationships of their own types only, so
 * leaving them out is subtracting their labels' counts and dropping their types.
 */
export async function graphManifest(graph: Graph, now = new Date()): Promise<GraphManifest> {
  const [{ labels, types }] = await graph.read<{ labels: string[]; types: string[] }>(inUseQuery);
  const rows = await graph.read<ManifestRow>(manifestStatement([...labels].sort(), [...types].sort()));
  const counted = (kind: ManifestRow['kind']) => rows.filter((row) => row.kind === kind && (row.count ?? 0) > 0).map((row) => [row.name as string, row.count as number] as const);
  const byLabel = Object.fromEntries(counted('label').filter(([label]) => !INTERNAL_LABELS.includes(label)));
  const internalNodes = counted('label').filter(([label]) => INTERNAL_LABELS.includes(label)).reduce((sum, [, count]) => sum + count, 0);
  const byType = Object.fromEntries(counted('type').filter(([type]) => !INTERNAL_TYPES.includes(type)));
  const single = (kind: ManifestRow['kind']) => rows.find((row) => row.kind === kind);
  const position = single('position')?.count ?? null;
  return {
    generatedAt: now.toISOString(),
    schemaVersion: single('schema')?.name ?? null,
    changePosition: position === null ? null : String(position),
    nodes: { total: (single('all')?.count ?? 0) - internalNodes, byLabel },
    relationships: { total: Object.values(byType).reduce((sum, count) => sum + count, 0), byType },
    excludedLabels: INTERNAL_LABELS,
  };
}

/** No label of `node` is internal, and `label` is the least of its labels (so a node of two labels is read once). */
function readUnder(node: Cypher.Node, label: Cypher.Param, internal: Cypher.Param): Cypher.Predicate {
  const each = new Cypher.Variable();
  return Cypher.and(
    Cypher.none(each, Cypher.labels(node), Cypher.in(each, internal)),
    Cypher.all(each, Cypher.labels(node), Cypher.gte(each, label)),
  )!;
}

/**
 * One page of the nodes of `label`, after the node whose id is `after`, in id order: a seek on the
 * label's unique id index.
 */
export function nodePageStatement(label: string, after: string, pageSize = DUMP_PAGE_SIZE): { query: NamedQuery; params: Record<string, unknown> } {
  const node = new Cypher.Node();
  const match = new Cypher.Match(new Cypher.Pattern(node, { labels: [label] }))
    .where(Cypher.and(Cypher.gt(node.property('id'), new Cypher.Param(after)), readUnder(node, new Cypher.Param(label), new Cypher.Param(INTERNAL_LABELS))))
    .return([node.property('id'), 'id'], [Cypher.labels(node), 'labels'], [Cypher.properties(node), 'properties'])
    .orderBy([node.property('id'), 'ASC'])
    .limit(new Cypher.Literal(pageSize));
  const { cypher, params } = match.build();
  return { query: { name: 'exportNodePage', cypher }, params };
}

/**
 * One page of the relationships that leave nodes of `label` (read under it, as above) for a node with
 * no internal label, after the relationship `after` (its start node's id and its element id), in that
 * order: a seek on the start label's id index from the last start node on.
 */
export function relationshipPageStatement(label: string, after: { from: string; key: string }, pageSize = DUMP_PAGE_SIZE): { query: NamedQuery; params: Record<string, unknown> } {
  const start = new Cypher.Node();
  const end = new Cypher.Node();
  const relationship = new Cypher.Relationship();
  const each = new Cypher.Variable();
  const internal = new Cypher.Param(INTERNAL_LABELS);
  const afterFrom = new Cypher.Param(after.from);
  const match = new Cypher.Match(new Cypher.Pattern(start, { labels: [label] }).related(relationship, { direction: 'right' }).to(end))
    .where(Cypher.and(
      Cypher.gte(start.property('id'), afterFrom),
      Cypher.or(Cypher.gt(start.property('id'), afterFrom), Cypher.gt(Cypher.elementId(relationship), new Cypher.Param(after.key))),
      readUnder(start, new Cypher.Param(label), internal),
      Cypher.none(each, Cypher.labels(end), Cypher.in(each, internal)),
    ))
    .return(
      [start.property('id'), 'from'],
      [Cypher.elementId(relationship), 'key'],
      [Cypher.type(relationship), 'type'],
      [end.property('id'), 'to'],
      [Cypher.properties(relationship), 'properties'],
    )
    .orderBy([start.property('id'), 'ASC'], [Cypher.elementId(relationship), 'ASC'])
    .limit(new Cypher.Literal(pageSize));
  const { cypher, params } = match.build();
  return { query: { name: 'exportRelationshipPage', cypher }, params };
}

/**
 * The whole graph, less the internal labels: every node, label by label in id order, then every
 * relationship, by its start node. Each page is one read statement (one auto-commit transaction) of
 * at most `pageSize` items, keyed on the last item read, so no statement grows with the graph and a
 * slow reader holds no transaction open. The pages are not one snapshot: a write between two pages
 * shows in the later one; compare the manifest's change position before and after.
 * `stopped` is asked before each page, so a client that went away costs no further reads.
 */
export async function* graphDump(graph: Graph, stopped: () => boolean = () => false, pageSize = DUMP_PAGE_SIZE): AsyncGenerator<(DumpNode | DumpRelationship)[]> {
  const labels = (await graph.read<{ label: string }>(exportedLabelsQuery, { internal: INTERNAL_LABELS })).map((row) => row.label);
  for (const label of labels) {
    let after = '';
    while (!stopped()) {
      const statement = nodePageStatement(label, after, pageSize);
      const rows = await graph.read<{ id: string; labels: string[]; properties: Record<string, unknown> }>(statement.query, statement.params);
      if (rows.length > 0) yield rows.map((row) => ({ kind: 'node' as const, id: row.id, labels: [...row.labels].sort(), properties: plainProperties(row.properties) }));
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1].id;
    }
  }
  for (const label of labels) {
    let after = { from: '', key: '' };
    while (!stopped()) {
      const statement = relationshipPageStatement(label, after, pageSize);
      const rows = await graph.read<{ from: string; key: string; type: string; to: string; properties: Record<string, unknown> }>(statement.query, statement.params);
      if (rows.length > 0) {
        yield rows.map((row) => ({ kind: 'relationship' as const, type: row.type, from: row.from, to: row.to, properties: plainProperties(row.properties) }));
      }
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1];
      after = { from: last.from, key: last.key };
    }
  }
}
