import { ENTITIES } from '../domain/entities';
import { toNeo4jDate } from '../neo4j/dates';
import { EndingKind } from '../domain/rule/rule-ending.type';
import { revokeRule } from '../domain/rule/rule.writes';
import { Graph, NamedQuery } from '../neo4j/graph';
import { CountryRow, isoCountries } from './countries';
import { defaultSeedDir, readSeed, SeedData, SeedValidationError } from './files';
import * as q from './seed.queries';
import { CONFIDENCES, eccnId } from './records';
import { refreshNameKeys } from '../domain/search/names';
import { recordChanges } from '../domain/change/change.writes';
import { diffOf, snapshot } from '../domain/change/snapshot';
import { FileRecord } from '../import/records/records-file';
import { importRecords } from '../import/records/records-import';

const BATCH_SIZE = 500;
/** The editor and operation the seed's Changes name. */
export const SEED_EDITOR = 'seed';
const SEED_OPERATION = 'seed';
/** Set-up is no client request: a seed batch may run for seconds on a busy machine. */
const SEED_TIMEOUT_MS = 300_000;
const ISO_SOURCE = 'source:iso-3166-1';

/** Records written through the write services, as an import writes them (record-kinds.ts). */
type ServiceStep = { kind: string; records: FileRecord[] };
/** Rows written by a seed statement of its own, and the entities each row changes. */
type MergeStep = { query: NamedQuery; rows: object[]; subjects: (row: any) => string[] };
type SeedStep = ServiceStep | MergeStep;

function chunks<T>(rows: T[]): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += BATCH_SIZE) batches.push(rows.slice(start, start + BATCH_SIZE));
  return batches;
}

export interface TierAssignmentRow {
  code: string;
  tierId: string;
  validFrom: string;
  validTo: string | null;
  sourceIds: string[];
  note: string | null;
  confidence: (typeof CONFIDENCES)[number];
}

type Confidence = (typeof CONFIDENCES)[number];

/** The weakest of several confidences (UNCONFIRMED < INFERRED < STATED); STATED for none. */
export function weakest(confidences: (Confidence | undefined)[]): Confidence {
  return confidences.reduce<Confidence>(
    (weak, c) => (c && CONFIDENCES.indexOf(c) > CONFIDENCES.indexOf(weak) ? c : weak),
    'STATED',
  );
}

/** One assignment per country: the tier that lists it, or the default tier, with notes on what the article claimed. */
export function tierAssignmentRows(data: SeedData, countries: CountryRow[]): TierAssignmentRow[] {
  const { assignments } = data;
  const listed = new Map<string, { tierId: string; sourceIds: string[]; note?: string; confidence?: Confidence }>();
  const problems: string[] = [];
  assignments.members.forEach((group, index) =>
    group.countries.forEach((code) => {
      if (listed.has(code)) problems.push(`seed/tiers.yaml: assignments.members[${index}] field "countries": ${code} is listed twice`);
      listed.set(code, group);
    }),
  );
  if (problems.length > 0) throw new SeedValidationError(problems);
  return countries.map(({ code }) => {
    const group = listed.get(code);
    const extra = assignments.notes.filter((note) => note.codes.includes(code));
    const notes = [group?.note, ...extra.map((note) => note.note), assignments.note].filter(Boolean);
    return {
      code,
      tierId: group?.tierId ?? assignments.defaultTierId,
      validFrom: assignments.validFrom,
      validTo: null,
      sourceIds: [...new Set([
        ...(group?.sourceIds ?? assignments.defaultSourceIds),
        ...extra.flatMap((n) => n.sourceIds),
        ...(assignments.noteSourceIds ?? []),
      ])],
      note: notes.length > 0 ? notes.join(' ') : null,
      confidence: weakest([group?.confidence, ...extra.map((note) => note.confidence)]),
    };
  });
}

export interface SeedSummary {
  labels: Record<string, number>;
  relationships: Record<string, number>;
}

/**
 * Loads the whole seed graph: validates every file first (a bad file writes nothing), then MERGEs
 * each step in batches with a progress line, applies revocations through the revokeRule code path,
 * records what changed as Changes by editor `seed`, and reports counts per label and relationship type.
 */
export async function loadSeed(graph: Graph, progress: (line: string) => void = () => undefined, dir = defaultSeedDir): Promise<SeedSummary> {
  const bareCountries = isoCountries();
  const data = readSeed(dir, new Set(bareCountries.map((c) => c.code)));
  const extraAliases = Object.fromEntries(data.countryAliases.map((a) => [a.code, a.names]));
  const aliasSources = new Map(data.countryAliases.map((a) => [a.code, a.sourceIds]));
  const displayNames = new Map(data.countryDisplayNames.map((d) => [d.code, d]));
  const countries = isoCountries(extraAliases).map((c) => {
    const display = displayNames.get(c.code);
    const sourceIds = [...new Set([ISO_SOURCE, ...(aliasSources.get(c.code) ?? []), ...(display?.sourceIds ?? [])])];
    if (!display) return { ...c, sourceIds };
    // The ISO short name stays findable as an alias.
    const aliases = [c.name, ...c.aliases].filter((alias) => alias !== display.name);
    return { ...c, name: display.name, aliases, sourceIds };
  });
  const assignments = tierAssignmentRows(data, countries);
  const eccnControls = data.eccnControls.map((c) => ({ ...c, eccnId: eccnId(c.eccn) }));

  const viaServices = (kind: string, file: string, records: object[]): ServiceStep =>
    ({ kind, records: records.map((record, index) => ({ kind, index, place: `seed/${file}: ${kind}[${index}]`, record })) });
  const merged = (query: NamedQuery, rows: object[], subjects: (row: any) => string[]): MergeStep => ({ query, rows, subjects });
  const steps: [string, SeedStep][] = [
    ['sources', viaServices('sources', 'sources.yaml', data.sources)],
    ['countries', merged(q.mergeCountries, countries, (c) => [c.id])],
    ['agencies', merged(q.mergeAgencies, data.agencies, (a) => [a.id])],
    ['agency parents', merged(q.linkAgencyParents, data.agencies.filter((a) => a.parentId), (a) => [a.id])],
    ['companies', viaServices('companies', 'products.yaml', data.companies)],
    ['chip products', viaServices('chipProducts', 'products.yaml', data.chipProducts)],
    ['foundry links', merged(q.mergeFabrication, data.fabrication, (f) => [f.productId])],
    ['rules', viaServices('rules', 'rules.yaml', data.rules)],
    ['ECCNs', merged(q.mergeEccns, data.eccns, (e) => [e.id])],
    ['ECCN controls', merged(q.mergeEccnControls, eccnControls, (c) => [c.ruleId])],
    ['classifications', viaServices('classifications', 'eccns.yaml', data.classifications)],
    ['country groups', merged(q.mergeCountryGroups, data.countryGroups, (g) => [g.id])],
    ['group memberships', viaServices('groupMemberships', 'country-groups.yaml', data.groupMemberships)],
    ['listings', viaServices('listings', 'listings.yaml', data.listings)],
    ['tiers', merged(q.mergeTiers, data.tiers, (t) => [t.id])],
    ['tier assignments', merged(q.mergeTierAssignments, assignments, (a) => [`country:${a.code}`])],
    ['lineage links', merged(q.mergeLineage, data.lineage, (l) => [l.fromId])],
    ['touches', merged(q.mergeTouches, data.touches, (t) => [t.ruleId])],
    ['officials and their offices', viaServices('officials', 'agencies.yaml', data.officials)],
    ['official actions', viaServices('actions', 'agencies.yaml', data.actions)],
  ];
  let recorded = 0;
  for (const [label, step] of steps) {
    if ('kind' in step) {
      const report = await importRecords(graph, step.records, { dryRun: false, editor: SEED_EDITOR, operation: SEED_OPERATION, timeoutMs: SEED_TIMEOUT_MS });
      recorded += report.changes;
      progress(`seed: ${label}: ${step.records.length} through the write services, ${report.changes} changed`);
    } else {
      recorded += await mergeRecordingChanges(graph, step);
      progress(`seed: ${label}: ${step.rows.length} merged`);
    }
  }
  for (const revocation of data.revocations) {
    const result = await graph.write((tx) =>
      revokeRule(tx, { ...revocation, kind: revocation.kind as EndingKind, on: toNeo4jDate(revocation.on) }),
    );
    progress(`seed: ended ${revocation.ruleId} on ${revocation.on}, ${revocation.kind} (${result.endedAssignments} assignments, ${result.endedTouches} touches ended)`);
  }
  await graph.write((tx) => tx.run(refreshNameKeys));
  progress(`seed: ${recorded} Changes recorded by editor ${SEED_EDITOR}`);
  const summary = await countGraph(graph);
  progress(`seed: done: ${JSON.stringify(summary)}`);
  return summary;
}

/**
 * A seed step the write services do not take yet: its MERGE statement in batches, each batch
 * recording, as the services do, one Change per entity it changed, with the values before and after.
 */
async function mergeRecordingChanges(graph: Graph, step: MergeStep): Promise<number> {
  let recorded = 0;
  for (const batch of chunks(step.rows)) {
    recorded += await graph.write(async (tx) => {
      const ids = [...new Set(batch.flatMap(step.subjects))];
      const before = await snapshot(tx, ids);
      await tx.run(step.query, { rows: batch });
      const after = await snapshot(tx, ids);
      const changed = ids
        .map((id) => ({ entityIds: [id], diff: diffOf(before[id] ? { [id]: before[id] } : {}, after[id] ? { [id]: after[id] } : {}) }))
        .filter((item) => Object.keys(item.diff.after).length > 0);
      await recordChanges(tx, SEED_EDITOR, SEED_OPERATION, changed);
      return changed.length;
    }, { timeoutMs: SEED_TIMEOUT_MS });
  }
  return recorded;
}

export async function countGraph(graph: Graph): Promise<SeedSummary> {
  const labels = await graph.read<{ label: string; count: number }>(q.countLabels);
  const relationships = await graph.read<{ type: string; count: number }>(q.countRelationships);
  return {
    labels: Object.fromEntries(labels.map((row) => [row.label, row.count])),
    relationships: Object.fromEntries(relationships.map((row) => [row.type, row.count])),
  };
}

/** Nodes of the registry's kinds only: migrations leave bookkeeping nodes (Migration, LineageLock) in an empty graph. */
const countEntities: NamedQuery = {
  name: 'countEntities',
  cypher: 'MATCH (n) WHERE any(label IN labels(n) WHERE label IN $types) RETURN count(n) AS count',
};

export async function isGraphEmpty(graph: Graph): Promise<boolean> {
  const [row] = await graph.read<{ count: number }>(countEntities, { types: ENTITIES.map((kind) => kind.type) });
  return row.count === 0;
}
