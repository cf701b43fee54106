import 'reflect-metadata';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import autocannon from 'autocannon';
import { Editors } from '../src/domain/editor/editors';
import { loadConfig } from '../src/config';
import { createSchema } from '../src/graphql/schema';
import { apolloOptionsFrom, startServer } from '../src/http/server';
import { createLogger } from '../src/logger';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { Graph, NamedQuery } from '../src/neo4j/graph';
import { applyMigrations } from '../src/neo4j/migrations';
import { countGraph, loadSeed } from '../src/seed/loader';
import { loadSynthetic } from '../src/seed/synthetic';
import { projectRoot } from '../src/paths';
import { freePort } from '../test/support/ports';
import { peerSchema } from './peer';
import { Workload, WORKLOADS } from './workloads';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 1;
const CONCURRENCY = [1, 16];
const LARGE_SCALE_RULES = Number(process.env.BENCH_SCALE ?? 29_000);

interface Measure { rps: number; p50: number; p99: number }
interface Row { scale: string; workload: string; concurrency: number; ours: Measure; peer: Measure | string; raw: Measure }

const log = (line: string) => process.stderr.write(`${line}\n`);

async function http(url: string, query: string, connections: number): Promise<Measure> {
  // autocannon 8 takes a warm-up phase; its type definitions lag behind.
  const options = {
    url, method: 'POST' as const, connections, duration: SECONDS,
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
    warmup: { connections, duration: WARMUP_SECONDS },
  };
  const result = await autocannon(options as autocannon.Options);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  // Requests slower than the whole measurement never complete inside it: say so rather than report 0 ms.
  if (result.requests.total === 0) return { rps: 0, p50: Infinity, p99: Infinity };
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** The floor: the very statements our service sent for the question, replayed through the driver. */
async function raw(graph: Graph, statements: { query: NamedQuery; params: Record<string, unknown> }[], connections: number): Promise<Measure> {
  const once = async () => {
    for (const s of statements) await graph.read(s.query, s.params);
  };
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const started = performance.now();
        await once();
        latencies.push(performance.now() - started);
      }
    }));
    return latencies;
  };
  await run(WARMUP_SECONDS);
  const latencies = (await run(SECONDS)).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rps: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99) };
}

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

async function measureScale(scale: string, graph: Graph, oursUrl: string, peerUrl: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const workload of WORKLOADS) {
    await check(workload, oursUrl, peerUrl);
    const statements: { query: NamedQuery; params: Record<string, unknown> }[] = [];
    graph.onRead = (query, params) => statements.push({ query, params });
    await answer(oursUrl, workload.ours);
    graph.onRead = undefined;
    for (const concurrency of CONCURRENCY) {
      const ours = await http(oursUrl, workload.ours, concurrency);
      const peer = typeof workload.peer === 'string' ? await http(peerUrl, workload.peer, concurrency) : `cannot: ${workload.peer.cannot}`;
      const floor = await raw(graph, statements, concurrency);
      rows.push({ scale, workload: workload.name, concurrency, ours, peer, raw: floor });
      log(`${scale} | ${workload.name} | c=${concurrency} | ours ${ours.rps.toFixed(0)}/s p50 ${ours.p50} ms | peer ${typeof peer === 'string' ? 'n/a' : `${peer.rps.toFixed(0)}/s p50 ${peer.p50} ms`} | raw ${floor.rps.toFixed(0)}/s p50 ${floor.p50.toFixed(1)} ms`);
    }
  }
  return rows;
}

function table(rows: Row[]): string {
  const f = (n: number) => (!Number.isFinite(n) ? `none done in ${SECONDS} s` : n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? (a / b).toFixed(2) : 'n/a');
  const lines = [
    '| scale | workload | c | ours req/s | ours p50 / p99 ms | @neo4j/graphql req/s | @neo4j/graphql p50 / p99 ms | raw req/s | raw p50 / p99 ms | ours / peer (req/s) | ours / raw (p50) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const peer = typeof r.peer === 'string' ? null : r.peer;
    lines.push(`| ${r.scale} | ${r.workload} | ${r.concurrency} | ${f(r.ours.rps)} | ${f(r.ours.p50)} / ${f(r.ours.p99)} | ${peer ? f(peer.rps) : 'n/a'} | ${peer ? `${f(peer.p50)} / ${f(peer.p99)}` : (r.peer as string)} | ${f(r.raw.rps)} | ${f(r.raw.p50)} / ${f(r.raw.p99)} | ${peer ? ratio(r.ours.rps, peer.rps) : 'n/a'} | ${ratio(r.ours.p50, Math.max(r.raw.p50, 0.01))} |`);
  }
  return lines.join('\n');
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'export-graph-bench-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, port: await freePort(), heapMb: 1024, pageCacheMb: 512, txMemoryMb: 512, startTimeoutMs: 180_000, progress: log });
  const graph = Graph.connect({ uri: neo4j.uri, user: 'neo4j', password: '', database: 'neo4j', maxPoolSize: 64 });
  const ours = await startServer({ ...apolloOptionsFrom(loadConfig({ LOG_LEVEL: 'silent' }), createLogger('silent')), graph, schema: await createSchema(), editors: Editors.parse('') }, 0, '127.0.0.1');
  const peerApollo = new ApolloServer({ schema: await peerSchema(graph.driver) });
  const { url: peerUrl } = await startStandaloneServer(peerApollo, { listen: { port: await freePort(), host: '127.0.0.1' } });
  const started = Date.now();
  try {
    await applyMigrations(graph);
    await loadSeed(graph, log);
    const count = async () => Object.values((await countGraph(graph)).relationships).reduce((a, b) => a + b, 0);
    const small = await count();
    const rows = await measureScale(`real (${small} rels)`, graph, ours.url, peerUrl);
    const rssReal = process.memoryUsage().rss;
    await loadSynthetic(graph, { rules: LARGE_SCALE_RULES, progress: log });
    const large = await count();
    rows.push(...(await measureScale(`synthetic (${large} rels)`, graph, ours.url, peerUrl)));
    const rssLarge = process.memoryUsage().rss;

    const when = new Date().toISOString();
    const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, Neo4j 5.26 embedded`;
    const rss = `RSS of the benchmark's Node process (both GraphQL servers and the raw client): ${Math.round(rssReal / 2 ** 20)} MiB after the real-size runs, ${Math.round(rssLarge / 2 ** 20)} MiB after the large ones.`;
    const report = `Run ${when} on ${machine}; ${SECONDS} s per measurement after ${WARMUP_SECONDS} s warm-up; total ${Math.round((Date.now() - started) / 1000)} s.\n\n${table(rows)}\n\n${rss}\n`;
    mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
    writeFileSync(path.join(projectRoot, 'bench', 'results', `${when.replace(/[:.]/g, '-')}.json`), JSON.stringify({ when, machine, seconds: SECONDS, rows, rssReal, rssLarge }, null, 2));
    const readmePath = path.join(projectRoot, 'bench', 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const start = readme.indexOf('<!-- results:start -->');
    const end = readme.indexOf('<!-- results:end -->');
    writeFileSync(readmePath, `${readme.slice(0, start)}<!-- results:start -->\n${report}${readme.slice(end)}`);
    process.stdout.write(`${report}\n`);
  } finally {
    await ours.stop();
    await peerApollo.stop();
    await graph.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`Benchmark stopped: ${error.message}`);
  process.exit(1);
});
