import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { connectNeo4j } from '../neo4j/connect';
import { applyMigrations } from '../neo4j/migrations';
import { loadSeed } from './loader';

/** `npm run seed`: (re)loads seed/ into the configured Neo4j (NEO4J_URI, or the embedded one). */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const neo4j = await connectNeo4j(config, logger);
  try {
    await applyMigrations(neo4j.graph, (line) => console.log(line));
    const summary = await loadSeed(neo4j.graph, (line) => console.log(line));
    console.table({ ...summary.labels, ...summary.relationships });
  } finally {
    await neo4j.close();
  }
}

main().catch((error: Error) => {
  console.error(`Seeding failed: ${error.message}`);
  process.exit(1);
});
