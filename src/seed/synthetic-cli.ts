import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { connectNeo4j } from '../neo4j/connect';
import { applyMigrations } from '../neo4j/migrations';
import { countGraph, isGraphEmpty, loadSeed } from './loader';
import { loadSynthetic } from './synthetic';

/** `npm run seed:synthetic -- --scale N`: adds N synthetic rules (about 35 relationships each) to the configured Neo4j. */
async function main() {
  const index = process.argv.indexOf('--scale');
  const rules = Number(index >= 0 ? process.argv[index + 1] : NaN);
  if (!Number.isInteger(rules) || rules < 1) throw new Error('usage: npm run seed:synthetic -- --scale N (a whole number of synthetic rules; 29000 makes about 1,000,000 relationships)');
  const config = loadConfig();
  const neo4j = await connectNeo4j(config, createLogger(config.LOG_LEVEL));
  try {
    await applyMigrations(neo4j.graph);
    if (await isGraphEmpty(neo4j.graph)) await loadSeed(neo4j.graph, (line) => console.log(line));
    await loadSynthetic(neo4j.graph, { rules, progress: (line) => console.log(line) });
    const { labels, relationships } = await countGraph(neo4j.graph);
    const total = Object.values(relationships).reduce((sum, n) => sum + n, 0);
    console.log(`synthetic: done; ${total} relationships`, JSON.stringify({ labels, relationships }));
  } finally {
    await neo4j.close();
  }
}

main().catch((error: Error) => {
  console.error(`Synthetic seeding failed: ${error.message}`);
  process.exit(1);
});
