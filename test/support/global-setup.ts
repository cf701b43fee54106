import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { Graph } from '../../src/neo4j/graph';
import { applyMigrations } from '../../src/neo4j/migrations';
import { loadSeed } from '../../src/seed/loader';
import { freePort } from './ports';

/**
 * Starts a throwaway Neo4j for the whole run, migrated and seeded. Tests find it through
 * NEO4J_URI. When anything here fails, Neo4j is stopped again and the run fails.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'export-graph-test-'));
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    port: await freePort(),
    heapMb: 512,
    pageCacheMb: 256,
    txMemoryMb: 256,
    startTimeoutMs: 180_000,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  globalThis.__testNeo4j = { stop: neo4j.stop, dataDir };
  try {
    // Set-up is no client request: on a machine whose cores are busy a seed statement may run for
    // seconds, and the service's 10 s statement limit would fail the whole run for it.
    const graph = Graph.connect({ uri: neo4j.uri, user: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 300_000 });
    try {
      await applyMigrations(graph);
      await loadSeed(graph);
    } finally {
      await graph.close();
    }
    process.env.NEO4J_URI = neo4j.uri;
    process.env.TEST_NEO4J_DATA_DIR = dataDir;
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}
