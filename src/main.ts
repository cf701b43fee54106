import 'reflect-metadata';
import { loadConfig } from './config';
import { Editors } from './domain/editor/editors';
import { createSchema } from './graphql/schema';
import { warmUp } from './docs/warm-up';
import { apolloOptionsFrom, createApollo, startServer } from './http/server';
import { createLogger } from './logger';
import { connectNeo4j } from './neo4j/connect';
import { applyMigrations } from './neo4j/migrations';
import { isGraphEmpty, loadSeed } from './seed/loader';

/**
 * Start-up: config -> Neo4j (embedded or NEO4J_URI) -> migrations -> seed if empty -> warm-up (the README's
 * questions asked once, docs/warm-up.ts) -> GraphQL; stops cleanly on SIGTERM/SIGINT.
 */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const neo4j = await connectNeo4j(config, logger);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    await server?.stop().catch((error) => logger.error({ err: error }, 'error while draining'));
    await neo4j.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  try {
    await applyMigrations(neo4j.graph, (line) => logger.info(line));
    if (config.SEED_ON_EMPTY && (await isGraphEmpty(neo4j.graph))) {
      logger.info('database is empty: seeding');
      await loadSeed(neo4j.graph, (line) => logger.info(line));
    }
    const schema = await createSchema();
    const editors = Editors.parse(config.EDITOR_TOKENS);
    const apolloOptions = apolloOptionsFrom(config, logger);
    const warming = createApollo(schema, apolloOptions);
    await warming.start();
    await warmUp(warming, neo4j.graph, editors, logger).finally(() => warming.stop());
    server = await startServer({ ...apolloOptions, graph: neo4j.graph, schema, editors }, config.PORT, config.HOST);
  } catch (error) {
    await neo4j.close();
    throw error;
  }
}

main().catch((error: Error) => {
  console.error(`Start-up failed: ${error.message}`);
  process.exit(1);
});
