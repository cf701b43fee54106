import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { Graph } from '../src/neo4j/graph';
import { applyMigrations } from '../src/neo4j/migrations';
import { countGraph, loadSeed } from '../src/seed/loader';
import { loadSynthetic } from '../src/seed/synthetic';
import { projectRoot } from '../src/paths';
import { freePort } from '../test/support/ports';
import { http, raw, summarise, Timing } from './measure';
import { growth, pasteIntoReadme, Row, table } from './report';
import type { Memory } from './serve';
import { Capture, Server, startCapture, startServerProcess } from './systems';
import { Workload, WORKLOADS } from './workloads';
import { ImportRow, measureImport, measureMutations, WriteRow, writeTables } from './writes';

const MEASURE: Timing = { seconds: Number(process.env.BENCH_SECONDS ?? 4), warmupSeconds: 1 };
/** Before each scale is measured, every system answers every workload this long, so no system pays the JIT warm-up of Neo4j or Node for another. */
const WARMUP_PASS: Timing = { seconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 3), warmupSeconds: 0 };
const CONCURRENCY = [1, 16];
/** Each system is measured this many times per workload and concurrency, in turn, and the samples pooled: a slow spell of the machine then falls on all of them. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const LARGE_SCALE_RULES = Number(process.env.BENCH_SCALE ?? 29_000);
/** Only the workloads whose name contains this text, or one of several joined by '|' (for a profile, or new rows alone). */
const ONLY = process.env.BENCH_ONLY;
/** BENCH_PROFILE=1 runs our server under --cpu-prof; the profile lands in bench/profiles when the run ends (see README). */
const PROFILE = process.env.BENCH_PROFILE === '1';
/** Writes per mutation for its p50, and company records per import (BENCH_WRITES=0 leaves the writes out). */
const WRITES = Number(process.env.BENCH_WRITES ?? 200);
const IMPORT_RECORDS = 10 * WRITES;
/** How long both servers sit idle after a scale before their settled RSS is read. */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 150);

const log = (line: string) => process.stderr.write(`${line}\n`);

async function answer(url: string, query: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

/** Correctness first: every system must give the same answer before anything is timed. */
async function check(workload: Workload, oursUrl: string, peerUrl: string) {
  const ours = workload.fromOurs(await answer(oursUrl, workload.ours));
  if (typeof workload.peer === 'string') {
    const peer = workload.fromPeer(await answer(peerUrl, workload.peer));
    if (JSON.stringify(ours) !== JSON.stringify(peer)) {
      throw new Error(`answers differ for "${workload.name}":\n ours ${JSON.stringify(ours).slice(0, 400)}\n peer ${JSON.stringify(peer).slice(0, 400)}`);
    }
  }
}

/** The write rows of one scale, after its reads (the writes add to the graph the next scale reads). */
async function measureWriteSide(scale: string, graph: Graph, capture: Capture, into: { mutations: WriteRow[]; imports: ImportRow[] }) {
  if (WRITES <= 0) return;
  const mutations = await measureMutations(scale, graph, capture.apollo, WRITES);
  for (const row of mutations) log(`${scale} | ${row.write} | ${row.statements} statements | ours p50 ${row.oursP50.toFixed(1)} ms | raw p50 ${row.rawP50.toFixed(1)} ms`);
  const imported = await measureImport(scale, graph, IMPORT_RECORDS);
  log(`${scale} | import of ${imported.facts} companies | ours ${imported.oursPerSecond.toFixed(0)} facts/s | raw ${imported.rawPerSecond.toFixed(0)} facts/s`);
  into.mutations.push(...mutations);
  into.imports.push(imported);
}

/**
 * The workloads of this run, those the peer cannot ask first: every scale then ends on workloads
 * both servers answer, so the RSS read at its end finds both just out of the same kind of load.
 */
const workloadsOfRun = () =>
  WORKLOADS.filter((w) => !ONLY || ONLY.split('|').some((part) => w.name.includes(part))).sort(
    (a, b) => Number(typeof a.peer === 'string') - Number(typeof b.peer === 'string'),
  );

async function measureScale(scale: string, graph: Graph, capture: Capture, ours: Server, peer: Server): Promise<Row[]> {
  const plans = [];
  for (const workload of workloadsOfRun()) {
    await check(workload, ours.url, peer.url);
    const statements = await capture.statementsOf(workload);
    if (statements.length !== 1) log(`${scale}: "${workload.name}" sends ${statements.length} statements; the raw column replays them all`);
    plans.push({ workload, statements });
  }
  log(`${scale}: warm-up pass, ${WARMUP_PASS.seconds} s per workload and system`);
  for (const { workload, statements } of plans) {
    await http(ours.url, workload.ours, 16, WARMUP_PASS);
    if (typeof workload.peer === 'string') await http(peer.url, workload.peer, 16, WARMUP_PASS);
    await raw(graph, statements, 16, WARMUP_PASS);
  }
  const rows: Row[] = [];
  for (const { workload, statements } of plans) {
    for (const concurrency of CONCURRENCY) {
      const samples = { ours: [] as number[], peer: [] as number[], raw: [] as number[] };
      for (let round = 0; round < ROUNDS; round += 1) {
        samples.ours = samples.ours.concat(await http(ours.url, workload.ours, concurrency, MEASURE));
        if (typeof workload.peer === 'string') samples.peer = samples.peer.concat(await http(peer.url, workload.peer, concurrency, MEASURE));
        samples.raw = samples.raw.concat(await raw(graph, statements, concurrency, MEASURE));
      }
      const seconds = ROUNDS * MEASURE.seconds;
      const oursMeasure = summarise(samples.ours, seconds);
      const peerMeasure = typeof workload.peer === 'string' ? summarise(samples.peer, seconds) : `cannot: ${workload.peer.cannot}`;
      const floor = summarise(samples.raw, seconds);
      rows.push({ scale, workload: workload.name, concurrency, ours: oursMeasure, peer: peerMeasure, raw: floor, statements: statements.length });
      const peerText = typeof peerMeasure === 'string' ? 'n/a' : `${peerMeasure.rps.toFixed(0)}/s p50 ${peerMeasure.p50.toFixed(1)} ms`;
      log(`${scale} | ${workload.name} | c=${concurrency} | ours ${oursMeasure.rps.toFixed(0)}/s p50 ${oursMeasure.p50.toFixed(1)} ms | peer ${peerText} | raw ${floor.rps.toFixed(0)}/s p50 ${floor.p50.toFixed(1)} ms`);
    }
  }
  return rows;
}

/** One server's memory after a scale: as read at its end, and RSS again after both servers sat idle. */
type Reading = Memory & { settledRss: number };
type Readings = { ours: Reading; peer: Reading };

/**
 * Reads both servers' memory at the end of a scale, then again after IDLE_SECONDS with no request.
 * V8 gives back the young generation and old-space garbage only once a process has been idle for a
 * while (its memory reducer, 40-100 s in a probe of both servers): the reading at the end says
 * where each collector stood, the one after the idle what each holds.
 */
async function readMemory(ours: Server, peer: Server): Promise<Readings> {
  const atEnd = { ours: await ours.memory(), peer: await peer.memory() };
  log(`waiting ${IDLE_SECONDS} s with both servers idle before reading their settled RSS...`);
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const [oursLater, peerLater] = [await ours.memory(), await peer.memory()];
  return { ours: { ...atEnd.ours, settledRss: oursLater.rss }, peer: { ...atEnd.peer, settledRss: peerLater.rss } };
}

/**
 * Each server's memory after each scale. RSS at one moment says as much about where the garbage
 * collector stood as about what the server holds: the settled RSS, the peak since start and the heap
 * still live after a full collection say the rest.
 */
function memoryTable(real: Readings, large: Readings): string {
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)}`;
  const columns: (keyof Reading)[] = ['rss', 'settledRss', 'peakRss', 'liveHeap'];
  const cell = (m: Readings, key: keyof Reading) => `${mib(m.ours[key])} / ${mib(m.peer[key])} (${(m.ours[key] / m.peer[key]).toFixed(2)})`;
  const row = (scale: string, m: Readings) => `| after ${scale} | ${columns.map((key) => cell(m, key)).join(' | ')} |`;
  return [
    'Memory of each server\'s Node process, ours / @neo4j/graphql in MiB (ratio):',
    '',
    `| when | RSS at the end | RSS after ${IDLE_SECONDS} s idle | peak RSS since start | heap live after a full GC |`,
    '|---|---|---|---|---|',
    row('the real-size runs', real),
    row('the large ones', large),
  ].join('\n');
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'export-graph-bench-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, port: await freePort(), heapMb: 1024, pageCacheMb: 512, txMemoryMb: 512, startTimeoutMs: 180_000, progress: log });
  const graph = Graph.connect({ uri: neo4j.uri, user: 'neo4j', password: '', database: 'neo4j', maxPoolSize: 64 });
  const servers: Server[] = [];
  let capture: Capture | undefined;
  const started = Date.now();
  try {
    await applyMigrations(graph);
    await loadSeed(graph, log);
    const profile = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(projectRoot, 'bench', 'profiles')}`] : [];
    const [ours, peer] = await Promise.all([startServerProcess('ours', neo4j.uri, profile), startServerProcess('peer', neo4j.uri)]);
    servers.push(ours, peer);
    capture = await startCapture(graph);
    // The graph's relationships, less the exact-name index's links (NAMES), so the scales read as in earlier rounds.
    const count = async () => Object.entries((await countGraph(graph)).relationships).reduce((sum, [type, n]) => (type === 'NAMES' ? sum : sum + n), 0);
    const writes = { mutations: [] as WriteRow[], imports: [] as ImportRow[] };
    const realScale = `real (${await count()} rels)`;
    const rows = await measureScale(realScale, graph, capture, ours, peer);
    const memoryReal = await readMemory(ours, peer);
    await measureWriteSide(realScale, graph, capture, writes);
    await loadSynthetic(graph, { rules: LARGE_SCALE_RULES, progress: log });
    const largeScale = `synthetic (${await count()} rels)`;
    rows.push(...(await measureScale(largeScale, graph, capture, ours, peer)));
    const memoryLarge = await readMemory(ours, peer);
    await measureWriteSide(largeScale, graph, capture, writes);

    const when = new Date().toISOString();
    const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, Neo4j 5.26 embedded`;
    const memoryText = memoryTable(memoryReal, memoryLarge);
    const method = `${ROUNDS} rounds of ${MEASURE.seconds} s per system, taken in turn, each after ${MEASURE.warmupSeconds} s warm-up, and a warm-up pass of ${WARMUP_PASS.seconds} s per workload and system before each scale`;
    const writeText = WRITES > 0 ? `\n\nWrites, after each scale's reads: ${WRITES} of each mutation, one after another, in-process (no HTTP), each creating something new; raw replays the statements each sent in one transaction. The import takes ${IMPORT_RECORDS} company records.\n\n${writeTables(writes.mutations, writes.imports)}` : '';
    const report = `Run ${when} on ${machine}; ${method}; total ${Math.round((Date.now() - started) / 1000)} s.\n\n${table(rows, MEASURE.seconds)}\n\n${growth(rows)}\n\n${memoryText}${writeText}\n`;
    mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
    writeFileSync(path.join(projectRoot, 'bench', 'results', `${when.replace(/[:.]/g, '-')}.json`), JSON.stringify({ when, machine, method, rows, memoryReal, memoryLarge, writes }, null, 2));
    // A run of some workloads, or under the profiler, is not the table the README keeps.
    if (!ONLY && !PROFILE) pasteIntoReadme(path.join(projectRoot, 'bench', 'README.md'), report);
    process.stdout.write(`${report}\n`);
  } finally {
    await capture?.stop();
    for (const server of servers) server.child.disconnect();
    await graph.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`Benchmark stopped: ${error.message}`);
  process.exit(1);
});
