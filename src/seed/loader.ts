import { ENTITIES } from '../domain/entities';
import { Graph, NamedQuery } from '../neo4j/graph';
import { CountryRow, isoCountries } from './countries';
import { defaultSeedDir, readSeed, SeedData, SeedValidationError } from './files';
import * as q from './seed.queries';
import { CONFIDENCES } from '../import/records/records';
import { FileRecord } from '../import/records/records-file';
import { importRecords } from '../import/records/records-import';

/** The editor and operation the seed's Changes name. */
export const SEED_EDITOR = 'seed';
const SEED_OPERATION = 'seed';
/** Set-up is no client request: the seed's one transaction may run for a minute on a busy machine. */
const SEED_TIMEOUT_MS = 300_000;
const ISO_SOURCE = 'source:iso-3166-1';

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
 * Loads the whole seed graph: validates every file first (a bad file writes nothing), then hands every
 * record to the write services editors' mutations and imports use (record-kinds.ts), in one transaction
 * (a record they refuse, such as one clashing with an editor's later write, leaves the graph as it was).
 * Each write that changes something records a Change by editor `seed`, so the feed holds the seed; a
 * reload changes nothing. Reports progress, then counts per label and relationship type.
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

  const files: [string, string, object[]][] = [
    ['sources', 'sources.yaml', data.sources],
    ['countries', 'countries.yaml', countries],
    ['agencies', 'agencies.yaml', data.agencies],
    ['companies', 'products.yaml', data.companies],
    ['chipProducts', 'products.yaml', data.chipProducts],
    ['fabrication', 'products.yaml', data.fabrication],
    ['rules', 'rules.yaml', data.rules],
    ['eccns', 'eccns.yaml', data.eccns],
    ['eccnControls', 'eccns.yaml', data.eccnControls],
    ['classifications', 'eccns.yaml', data.classifications],
    ['countryGroups', 'country-groups.yaml', data.countryGroups],
    ['groupMemberships', 'country-groups.yaml', data.groupMemberships],
    ['listings', 'listings.yaml', data.listings],
    ['tiers', 'tiers.yaml', data.tiers],
    ['tierAssignments', 'tiers.yaml', assignments],
    ['lineage', 'rules.yaml', data.lineage],
    ['touches', 'rules.yaml', data.touches],
    ['officials', 'agencies.yaml', data.officials],
    ['actions', 'agencies.yaml', data.actions],
    ['revocations', 'rules.yaml', data.revocations],
  ];
  const records: FileRecord[] = files.flatMap(([kind, file, rows]) =>
    rows.map((record, index) => ({ kind, index, place: `seed/${file}: ${kind}[${index}]`, record })));
  const report = await importRecords(graph, records, {
    dryRun: false, oneTransaction: true, editor: SEED_EDITOR, operation: SEED_OPERATION, timeoutMs: SEED_TIMEOUT_MS,
    progress: (_phase, done, total) => progress(`seed: ${done}/${total} steps through the write services`),
  });
  for (const [kind, counts] of Object.entries(report.kinds)) {
    progress(`seed: ${kind}: ${counts.created} created, ${counts.changed} changed, ${counts.unchanged} unchanged`);
  }
  progress(`seed: ${report.changes} Changes recorded by editor ${SEED_EDITOR}`);
  const summary = await countGraph(graph);
  progress(`seed: done: ${JSON.stringify(summary)}`);
  return summary;
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
