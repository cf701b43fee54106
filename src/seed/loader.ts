import { ENTITIES } from '../domain/entities';
import { toNeo4jDate } from '../neo4j/dates';
import { EndingKind } from '../domain/rule/rule-ending.type';
import { revokeRule } from '../domain/rule/rule.writes';
import { Graph, NamedQuery } from '../neo4j/graph';
import { CountryRow, isoCountries } from './countries';
import { defaultSeedDir, readSeed, SeedData, SeedValidationError } from './files';
import * as q from './seed.queries';
import { CONFIDENCES, countryGroupId, eccnId, listingId } from './records';
import { refreshNameKeys } from '../domain/search/names';
import { recordChanges } from '../domain/change/change.writes';
import { ChangeDiff, diffOf, Snapshot, snapshot } from '../domain/change/snapshot';

const BATCH_SIZE = 500;
/** The editor the seed's Changes name. */
export const SEED_EDITOR = 'seed';
const ISO_SOURCE = 'source:iso-3166-1';

/** MERGEs rows in UNWIND batches, one transaction per batch. */
export async function mergeInBatches(graph: Graph, query: NamedQuery, rows: object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    await graph.write((tx) => tx.run(query, { rows: batch }));
  }
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
  const offices = data.officials.flatMap((o) => o.offices.map((office) => ({ ...office, officialId: o.id })));
  const eccnControls = data.eccnControls.map((c) => ({ ...c, eccnId: eccnId(c.eccn) }));
  const classifications = data.classifications.map((c) => ({ ...c, eccnId: eccnId(c.eccn) }));
  const memberships = data.groupMemberships.flatMap((m) =>
    m.countries.map((code) => ({ ...m, code, groupId: countryGroupId(m.group) })),
  );
  const listings = data.listings.map((l) => ({ ...l, id: listingId(l.partyId, l.list, l.validFrom) }));

  const steps: [string, NamedQuery, object[]][] = [
    ['sources', q.mergeSources, data.sources],
    ['countries', q.mergeCountries, countries],
    ['agencies', q.mergeAgencies, data.agencies],
    ['agency parents', q.linkAgencyParents, data.agencies.filter((a) => a.parentId)],
    ['companies', q.mergeCompanies, data.companies],
    ['company parents', q.linkCompanyParents, data.companies.filter((c) => c.parentId)],
    ['chip products', q.mergeChipProducts, data.chipProducts],
    ['foundry links', q.mergeFabrication, data.fabrication],
    ['rules', q.mergeRules, data.rules],
    ['ECCNs', q.mergeEccns, data.eccns],
    ['ECCN controls', q.mergeEccnControls, eccnControls],
    ['classifications', q.mergeClassifications, classifications],
    ['country groups', q.mergeCountryGroups, data.countryGroups],
    ['group memberships', q.mergeGroupMemberships, memberships],
    ['listings', q.mergeListings, listings],
    ['tiers', q.mergeTiers, data.tiers],
    ['tier assignments', q.mergeTierAssignments, assignments],
    ['lineage links', q.mergeLineage, data.lineage],
    ['touches', q.mergeTouches, data.touches],
    ['officials', q.mergeOfficials, data.officials],
    ['offices', q.mergeOffices, offices],
    ['official actions', q.mergeOfficialActions, data.actions],
  ];
  const ids = [
    ...data.sources, ...countries, ...data.agencies, ...data.companies, ...data.chipProducts, ...data.rules, ...data.tiers,
    ...data.eccns, ...data.countryGroups, ...listings, ...data.officials,
  ].map((row) => row.id);
  const before = await snapshotInChunks(graph, ids);
  for (const [label, query, rows] of steps) {
    await mergeInBatches(graph, query, rows);
    progress(`seed: ${label}: ${rows.length} merged`);
  }
  for (const revocation of data.revocations) {
    const result = await graph.write((tx) =>
      revokeRule(tx, { ...revocation, kind: revocation.kind as EndingKind, on: toNeo4jDate(revocation.on) }),
    );
    progress(`seed: ended ${revocation.ruleId} on ${revocation.on}, ${revocation.kind} (${result.endedAssignments} assignments, ${result.endedTouches} touches ended)`);
  }
  await graph.write((tx) => tx.run(refreshNameKeys));
  const recorded = await recordSeedChanges(graph, ids, before);
  progress(`seed: ${recorded} entities changed, each recorded as a Change by editor ${SEED_EDITOR}`);
  const summary = await countGraph(graph);
  progress(`seed: done: ${JSON.stringify(summary)}`);
  return summary;
}

async function snapshotInChunks(graph: Graph, ids: string[]): Promise<Snapshot> {
  const whole: Snapshot = {};
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    Object.assign(whole, await graph.write((tx) => snapshot(tx, ids.slice(start, start + BATCH_SIZE))));
  }
  return whole;
}

/**
 * The seed's history in the feed: one Change per entity whose properties or links the load changed,
 * with its before and after values, in the seed files' order. A load that changes nothing records none.
 */
async function recordSeedChanges(graph: Graph, ids: string[], before: Snapshot): Promise<number> {
  const after = await snapshotInChunks(graph, ids);
  const items: { entityIds: string[]; diff: ChangeDiff }[] = [];
  for (const id of ids) {
    const diff = diffOf(before[id] ? { [id]: before[id] } : {}, after[id] ? { [id]: after[id] } : {});
    if (Object.keys(diff.after).length > 0) items.push({ entityIds: [id], diff });
  }
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    await graph.write((tx) => recordChanges(tx, SEED_EDITOR, 'seed', items.slice(start, start + BATCH_SIZE)));
  }
  return items.length;
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
