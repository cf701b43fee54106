import { performance } from 'node:perf_hooks';
import { ApolloServer } from '@apollo/server';
import { Editors } from '../src/domain/editor/editors';
import { Context, createContext } from '../src/graphql/context';
import { parseRecords } from '../src/import/records/records-file';
import { IMPORT_BATCH, importRecords } from '../src/import/records/records-import';
import { IMPORT_TIMEOUT_MS } from '../src/import/records-cli';
import { Graph, NamedQuery } from '../src/neo4j/graph';

/**
 * The write side: each mutation's p50 against the raw statements it sends (replayed in one
 * transaction through the driver), and the batch import's throughput against a raw UNWIND MERGE of
 * the same records. Mutations run in-process (no HTTP: an editor's token is the only difference the
 * server would add), one after another, each creating something new so no write is a repeat.
 */

const EDITOR = 'Bearer bench-editor';
const editors = Editors.parse('bench:bench-editor');
const SOURCE = 'source:iso-3166-1';
/** Far from every read workload's question (none asks about Tuvalu or the bench's rules), so the writes leave the next scale's reads alone. */
const COUNTRY = 'TV';

export interface WriteRow {
  scale: string;
  write: string;
  /** Statements the write sent (the raw column replays them). */
  statements: number;
  oursP50: number;
  rawP50: number;
}

export interface ImportRow {
  scale: string;
  facts: number;
  oursPerSecond: number;
  rawPerSecond: number;
}

interface Mutation {
  name: string;
  query: string;
  variables(run: string, i: number): Record<string, unknown>;
}

const MUTATIONS: Mutation[] = [
  {
    name: 'upsertSource',
    query: 'mutation ($input: SourceInput!) { upsertSource(input: $input) { id } }',
    variables: (run, i) => ({ input: { id: `source:bench-w-${run}-${i}`, title: `Bench source ${run} ${i}`, kind: 'PRESS_RELEASE', url: `https://example.org/${run}/${i}` } }),
  },
  {
    name: 'upsertCompany',
    query: 'mutation ($input: CompanyInput!) { upsertCompany(input: $input) { id } }',
    variables: (run, i) => ({ input: { id: `company:bench-w-${run}-${i}`, name: `Bench company ${run} ${i}`, countryCode: COUNTRY, sourceIds: [SOURCE] } }),
  },
  {
    name: 'upsertRule',
    query: 'mutation ($input: RuleInput!) { upsertRule(input: $input) { id } }',
    variables: (run, i) => ({ input: { id: `rule:bench-w-${run}-${i}`, title: `Bench rule ${run} ${i}`, kind: 'GUIDANCE', issuedByAgencyIds: ['agency:bis'], sourceIds: [SOURCE] } }),
  },
  {
    name: 'recordTouch',
    query: 'mutation ($input: TouchInput!) { recordTouch(input: $input) { validFrom } }',
    // The first bench rule touches each company the upsertCompany rows made.
    variables: (run, i) => ({ input: { ruleId: `rule:bench-w-${run}-0`, targetId: `company:bench-w-${run}-${i}`, relation: 'TARGETS', validFrom: '2030-01-01', sourceIds: [SOURCE] } }),
  },
];

/**
 * The parameters with every id of this run renamed, so the raw replay writes new entities as ours
 * did: replayed as sent, each statement would find what ours created and change nothing (no index
 * updates, a lighter commit), a floor no write could reach. Neo4j values (dates) are kept as they are.
 */
function renamed(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((item) => renamed(item, from, to));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renamed(item, from, to)]));
  }
  return value;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Each mutation `count` times through the server in-process, then the statements each sent, replayed raw. */
export async function measureMutations(scale: string, graph: Graph, apollo: ApolloServer<Context>, count: number): Promise<WriteRow[]> {
  const run = `${Date.now().toString(36)}`;
  const rows: WriteRow[] = [];
  for (const mutation of MUTATIONS) {
    const ours: number[] = [];
    const sent: { query: NamedQuery; params: Record<string, unknown> }[][] = [];
    for (let i = 0; i < count; i += 1) {
      const statements: { query: NamedQuery; params: Record<string, unknown> }[] = [];
      graph.onWrite = (query, params) => statements.push({ query, params });
      const started = performance.now();
      const response = await apollo.executeOperation(
        { query: mutation.query, variables: mutation.variables(run, i) },
        { contextValue: createContext(graph, 'bench', editors, EDITOR) },
      );
      ours.push(performance.now() - started);
      graph.onWrite = undefined;
      if (response.body.kind !== 'single' || response.body.singleResult.errors) {
        throw new Error(`${mutation.name} failed: ${JSON.stringify(response.body.kind === 'single' ? response.body.singleResult.errors : 'incremental')}`);
      }
      sent.push(statements);
    }
    const raw: number[] = [];
    const replays = sent.map((statements) => statements.map(({ query, params }) => ({ query, params: renamed(params, `bench-w-${run}`, `bench-r-${run}`) as Record<string, unknown> })));
    for (const statements of replays) {
      const started = performance.now();
      await graph.write(async (tx) => {
        for (const { query, params } of statements) await tx.run(query, params);
      });
      raw.push(performance.now() - started);
    }
    rows.push({ scale, write: mutation.name, statements: median(sent.map((s) => s.length)), oursP50: median(ours), rawP50: median(raw) });
  }
  return rows;
}

const floorQuery: NamedQuery = {
  name: 'benchImportFloor',
  cypher: `
UNWIND $rows AS row
MERGE (c:Company {id: row.id})
SET c.name = row.name
WITH c, row
MATCH (country:Country {code: row.countryCode}), (s:Source {id: row.sourceId})
MERGE (c)-[:BASED_IN]->(country)
MERGE (c)-[:CITES]->(s)`,
};

/**
 * `count` company records through `npm run import`'s path (plan, then batches of IMPORT_BATCH through
 * the write services, a Change each), in facts per second; the floor writes the same nodes and links
 * with one UNWIND MERGE per batch of the same size, no checks and no Changes. Each side runs three
 * times (new records each time) and reports its median: one run of a few seconds moves with whatever
 * else the machine does.
 */
export async function measureImport(scale: string, graph: Graph, count: number): Promise<ImportRow> {
  const ours: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    const run = `${Date.now().toString(36)}-${round}`;
    const companies = Array.from({ length: count }, (_, i) => ({ id: `company:bench-i-${run}-${i}`, name: `Bench import ${run} ${i}`, countryCode: COUNTRY, sourceIds: [SOURCE] }));
    const records = parseRecords(JSON.stringify({ companies }), 'bench.json', false);
    let started = performance.now();
    // The plan is one transaction over every record, as the command line's is: give it the command line's time limit.
    const report = await importRecords(graph, records, { dryRun: false, editor: 'bench', timeoutMs: IMPORT_TIMEOUT_MS });
    ours.push(count / ((performance.now() - started) / 1000));
    if (report.kinds.companies.created !== count) throw new Error(`the import created ${report.kinds.companies.created} of ${count} companies`);
    const rows = companies.map((c) => ({ id: c.id.replace('bench-i-', 'bench-f-'), name: c.name, countryCode: c.countryCode, sourceId: SOURCE }));
    started = performance.now();
    for (let start = 0; start < rows.length; start += IMPORT_BATCH) {
      const batch = rows.slice(start, start + IMPORT_BATCH);
      await graph.write((tx) => tx.run(floorQuery, { rows: batch }));
    }
    raw.push(count / ((performance.now() - started) / 1000));
  }
  return { scale, facts: count, oursPerSecond: median(ours), rawPerSecond: median(raw) };
}

export function writeTables(mutations: WriteRow[], imports: ImportRow[]): string {
  const ms = (n: number) => n.toFixed(1);
  return [
    '| scale | write | statements | ours p50 ms | raw p50 ms | ours / raw |',
    '|---|---|---|---|---|---|',
    ...mutations.map((r) => `| ${r.scale} | ${r.write} | ${r.statements} | ${ms(r.oursP50)} | ${ms(r.rawP50)} | ${(r.oursP50 / r.rawP50).toFixed(2)} |`),
    '',
    '| scale | import (companies, each a node with its country and source links) | ours facts/s | raw UNWIND MERGE facts/s | ours / raw |',
    '|---|---|---|---|---|',
    ...imports.map((r) => `| ${r.scale} | ${r.facts} | ${r.oursPerSecond.toFixed(0)} | ${r.rawPerSecond.toFixed(0)} | ${(r.oursPerSecond / r.rawPerSecond).toFixed(2)} |`),
  ].join('\n');
}
