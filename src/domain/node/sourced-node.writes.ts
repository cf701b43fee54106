import { isDeepStrictEqual } from 'node:util';
import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused } from '../../input-refused';
import { lockNode, MISSING_SOURCES, withSources } from '../fact/dated-fact.writes';
import { setNameKeys } from '../search/names';
import { bumpVersion } from './version';
import type { WriteOutcome } from '../change/change.writes';

/**
 * Nodes written by id with their sources and at most one structural link (a country, an agency and
 * the agency it is part of, a tier and its rule, an ECCN, a country group): the seed and the batch
 * import write them through here. Named entities editors create by name go through node.writes.ts.
 */
export type SourcedLabel = 'Country' | 'Agency' | 'Tier' | 'Eccn' | 'CountryGroup';

/** The one link a kind may have to a node that must exist (it cites the node's sources): an agency's parent, a tier's rule. */
const LINKS: Record<SourcedLabel, { type: string; label: string } | null> = {
  Country: null, Eccn: null, CountryGroup: null,
  Agency: { type: 'PART_OF', label: 'Agency' },
  Tier: { type: 'DEFINED_BY', label: 'Rule' },
};

export type SaveSourcedNode = {
  label: SourcedLabel;
  id: string;
  /** The node's properties besides its id; one given as null (or left undefined) is removed. */
  properties: Record<string, unknown>;
  sourceIds: string[];
  /** The target of the kind's link (LINKS) and the input field that names it. */
  link?: { id: string; field: string } | null;
};

const snapshotOf = (n: string) => `CASE WHEN ${n} IS NULL THEN null ELSE {properties: properties(${n}), links: [(${n})-[r]->(m) | [type(r), m.id, r.sourceIds]]} END`;

const queriesOf = (label: SourcedLabel, link = LINKS[label]) => ({
  check: {
    name: `save${label}Check`,
    cypher: `
OPTIONAL MATCH (n:${label} {id: $id})
${lockNode('n')}
RETURN ${snapshotOf('n')} AS before, ${MISSING_SOURCES} AS missingSources,
       ${link ? `$linkId IS NULL OR EXISTS { MATCH (:${link.label} {id: $linkId}) }` : 'true'} AS linkFound`,
  } satisfies NamedQuery,
  save: {
    name: `save${label}`,
    cypher: `
MERGE (n:${label} {id: $id})
SET n += $properties
${setNameKeys('n')}
WITH n
CALL (n) {
  UNWIND $sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  MERGE (n)-[:CITES]->(s)
}
${link ? `CALL (n) {
  MATCH (target:${link.label} {id: $linkId})
  MERGE (n)-[link:${link.type}]->(target)
  SET link.sourceIds = ${withSources('link.sourceIds')}
}` : ''}
RETURN ${snapshotOf('n')} AS after`,
  } satisfies NamedQuery,
});

const QUERIES = new Map((['Country', 'Agency', 'Tier', 'Eccn', 'CountryGroup'] as const).map((label) => [label, queriesOf(label)]));

/** Links and sources in a stable order, so two snapshots compare by content; the version is the write's own. */
const comparable = (snapshot: { properties: Record<string, unknown>; links: unknown[] } | null) => snapshot && {
  properties: Object.fromEntries(Object.entries(snapshot.properties).filter(([key]) => key !== 'version')),
  links: snapshot.links.map((link) => JSON.stringify(link)).sort(),
};

/**
 * Creates or updates the node with this id: it takes the properties given, cites
 * every source (which must exist) and holds its structural link (whose target must exist). Says
 * whether anything changed; a change moves its version on, a repeat changes nothing.
 */
export async function saveSourcedNode(tx: CountingTransaction, input: SaveSourcedNode): Promise<WriteOutcome> {
  const queries = QUERIES.get(input.label)!;
  const properties = Object.fromEntries(Object.entries(input.properties).map(([key, value]) => [key, value ?? null]));
  const params = { id: input.id, properties, sourceIds: input.sourceIds, linkId: input.link?.id ?? null };
  const [check] = await tx.run<{ before: Parameters<typeof comparable>[0]; missingSources: string[]; linkFound: boolean }>(queries.check, params);
  if (check.missingSources.length > 0) throw new InputRefused(`No source has id ${check.missingSources.join(', ')}.`, 'input.sourceIds');
  if (!check.linkFound) throw new InputRefused(`No ${LINKS[input.label]!.label.toLowerCase()} has id ${input.link!.id}.`, input.link!.field);
  const [saved] = await tx.run<{ after: Parameters<typeof comparable>[0] }>(queries.save, params);
  const changed = !isDeepStrictEqual(comparable(check.before), comparable(saved.after));
  if (changed) await bumpVersion(tx, input.label, input.id);
  return { entityIds: input.link ? [input.id, input.link.id] : [input.id], changed };
}

/** Undated links between two existing nodes, one per pair: a rule's ECCN entry, a product's foundry. */
const PAIR_LINKS = {
  CONTROLS: { from: 'Rule', to: 'Eccn' },
  FABRICATED_BY: { from: 'ChipProduct', to: 'Company' },
} as const;
export type PairLinkType = keyof typeof PAIR_LINKS;

export type SavePairLink = {
  type: PairLinkType;
  fromId: string;
  toId: string;
  /** The link's properties besides its sources; one given as null is removed. */
  properties: Record<string, unknown>;
  sourceIds: string[];
  /** The input fields that name the two ends, for refusals. */
  fields: { from: string; to: string };
};

const pairQueriesOf = (type: PairLinkType, { from, to } = PAIR_LINKS[type]) => ({
  check: {
    name: `save${type}Check`,
    cypher: `
OPTIONAL MATCH (from:${from} {id: $fromId})
${lockNode('from')}
WITH from
OPTIONAL MATCH (from)-[old:${type}]->(:${to} {id: $toId})
RETURN from IS NOT NULL AS fromFound, EXISTS { MATCH (:${to} {id: $toId}) } AS toFound,
       properties(old) AS before, ${MISSING_SOURCES} AS missingSources`,
  } satisfies NamedQuery,
  save: {
    name: `save${type}`,
    cypher: `
MATCH (from:${from} {id: $fromId}), (to:${to} {id: $toId})
MERGE (from)-[link:${type}]->(to)
SET link += $properties, link.sourceIds = ${withSources('link.sourceIds')}
RETURN properties(link) AS after`,
  } satisfies NamedQuery,
});

const PAIR_QUERIES = new Map((Object.keys(PAIR_LINKS) as PairLinkType[]).map((type) => [type, pairQueriesOf(type)]));

/**
 * Links two existing nodes once (a repeat updates the link's properties and adds its sources).
 * Both ends and every source must exist (BAD_USER_INPUT naming the field). Says whether anything changed.
 */
export async function savePairLink(tx: CountingTransaction, input: SavePairLink): Promise<WriteOutcome> {
  const queries = PAIR_QUERIES.get(input.type)!;
  const { from, to } = PAIR_LINKS[input.type];
  const params = { ...input, properties: Object.fromEntries(Object.entries(input.properties).map(([key, value]) => [key, value ?? null])) };
  const [check] = await tx.run<{ fromFound: boolean; toFound: boolean; before: Record<string, unknown> | null; missingSources: string[] }>(queries.check, params);
  if (!check.fromFound) throw new InputRefused(`No ${from} has id ${input.fromId}.`, input.fields.from);
  if (!check.toFound) throw new InputRefused(`No ${to} has id ${input.toId}.`, input.fields.to);
  if (check.missingSources.length > 0) throw new InputRefused(`No source has id ${check.missingSources.join(', ')}.`, 'input.sourceIds');
  const [saved] = await tx.run<{ after: Record<string, unknown> }>(queries.save, params);
  return { entityIds: [input.fromId, input.toId], changed: !isDeepStrictEqual(check.before, saved.after) };
}
