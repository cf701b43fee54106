import { rmSync } from 'node:fs';

/** Stops the Neo4j that global setup started, whatever the tests did, and removes its data. */
export default async function globalTeardown(): Promise<void> {
  const neo4j = globalThis.__testNeo4j;
  if (!neo4j) return;
  await neo4j.stop();
  rmSync(neo4j.dataDir, { recursive: true, force: true });
}
