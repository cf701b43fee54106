import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { Graph } from '../src/neo4j/graph';
import { applyMigrations } from '../src/neo4j/migrations';
import { loadSeed } from '../src/seed/loader';
import { projectRoot } from '../src/paths';
import { freePort } from '../test/support/ports';
import { http, raw, summarise } from './measure';
import { Capture, Server, startCapture, startServerProcess } from './systems';
import { WORKLOADS } from './workloads';

/**
 * Where a small request's time goes, layer by layer, at c = 1 on the seed: the raw statement through
 * the driver, the same question executed in-process by Apollo (parse, validate, price, compile, run,
 * complete; no HTTP), and the whole request over HTTP to each server (ours, and @neo4j/graphql where
 * it can ask) in a process of its own, with the CPU time that server spends per request (every
 * thread: JIT and GC included) and the CPU time Neo4j spends on it. Each difference is what that layer adds. Latencies on a shared
 * machine move by a millisecond between runs; CPU per request moves less, and is what a change to the
 * request path should be judged by.
 * Usage: npx tsc -p bench/tsconfig.json && node dist-bench/bench/overhead.js ["workload text|..."]
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ONLY = process.argv[2] ?? 'tier of a country|product family|directly or via';
/** OVERHEAD_PROFILE=1 runs our server under --cpu-prof; the profile lands in bench/profiles when the probe ends. */
const PROFILE = process.env.OVERHEAD_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${path.join(projectRoot, 'bench', 'profiles')}`] : [];
const log = (line: string) => process.stderr.write(`${line}\n`);

async function inProcess(run: () => Promise<unknown>, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const started = performance.now();
    await run();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/** CPU time (user and system, every thread) process `pid` has used, from /proc; Linux ticks are 10 ms. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One workload over HTTP at c = 1: its p50, and the CPU time the server and Neo4j each spent per request. */
async function overHttp(server: Server, neo4jPid: number, query: string): Promise<{ p50: number; cpu: number; neo4jCpu: number; requests: number }> {
  // The server's JIT is still compiling over its first thousand or so requests: CPU per request is read after one unmeasured run.
  const unmeasured = await http(server.url, query, 1, { seconds: SECONDS, warmupSeconds: 0 });
  const cpuBefore = await server.cpuMs();
  const neo4jBefore = processCpuMs(neo4jPid);
  const latencies = await http(server.url, query, 1, { seconds: SECONDS, warmupSeconds: 0 });
  return {
    p50: summarise(latencies, SECONDS).p50,
    cpu: (await server.cpuMs() - cpuBefore) / latencies.length,
    neo4jCpu: (processCpuMs(neo4jPid) - neo4jBefore) / latencies.length,
    requests: unmeasured.length + latencies.length,
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'export-graph-overhead-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, port: await freePort(), heapMb: 1024, pageCacheMb: 512, txMemoryMb: 512, startTimeoutMs: 180_000, progress: log });
  const graph = Graph.connect({ uri: neo4j.uri, user: 'neo4j', password: '', database: 'neo4j', maxPoolSize: 64 });
  let server: Server | undefined;
  let peer: Server | undefined;
  let capture: Capture | undefined;
  try {
    await applyMigrations(graph);
    await loadSeed(graph, () => undefined);
    [server, peer] = await Promise.all([startServerProcess('ours', neo4j.uri, PROFILE), startServerProcess('peer', neo4j.uri)]);
    capture = await startCapture(graph);
    for (const workload of WORKLOADS.filter((w) => ONLY.split('|').some((part) => w.name.includes(part)))) {
      const statements = await capture.statementsOf(workload);
      const timing = { seconds: SECONDS, warmupSeconds: 1 };
      const rawP50 = summarise(await raw(graph, statements, 1, timing), SECONDS).p50;
      const execute = () => capture!.execute(workload);
      await inProcess(execute, 1);
      const apolloP50 = summarise(await inProcess(execute, SECONDS), SECONDS).p50;
      const ours = await overHttp(server, neo4j.pid, workload.ours);
      const theirs = typeof workload.peer === 'string' ? await overHttp(peer, neo4j.pid, workload.peer) : undefined;
      const peerText = theirs ? `HTTP ${theirs.p50.toFixed(2)} ms, server CPU ${theirs.cpu.toFixed(2)} ms, Neo4j CPU ${theirs.neo4jCpu.toFixed(2)} ms per request` : 'cannot ask';
      log(`${workload.name}: raw ${rawP50.toFixed(2)} ms | in-process Apollo ${apolloP50.toFixed(2)} ms (+${(apolloP50 - rawP50).toFixed(2)}) | HTTP ${ours.p50.toFixed(2)} ms (+${(ours.p50 - apolloP50).toFixed(2)}) | server CPU ${ours.cpu.toFixed(2)} ms, Neo4j CPU ${ours.neo4jCpu.toFixed(2)} ms per request (${ours.requests} requests in all) | @neo4j/graphql: ${peerText}`);
    }
  } finally {
    await capture?.stop();
    server?.child.disconnect();
    peer?.child.disconnect();
    await graph.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`overhead probe stopped: ${error.stack}`);
  process.exit(1);
});
