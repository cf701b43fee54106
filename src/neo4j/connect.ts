import { Config } from '../config';
import { Logger } from '../logger';
import { SupervisedNeo4j, SupervisorEvent, superviseEmbeddedNeo4j } from './embedded';
import { Graph } from './graph';

export interface Neo4jConnection {
  graph: Graph;
  /** The embedded Neo4j this process started and supervises; absent with NEO4J_URI. */
  embedded?: SupervisedNeo4j;
  /** Closes the driver and, when this process started Neo4j, stops it. */
  close(): Promise<void>;
}

/** Uses NEO4J_URI when given; otherwise starts the embedded Neo4j, supervised (restarted when it dies), and connects to it. */
export async function connectNeo4j(config: Config, logger: Logger): Promise<Neo4jConnection> {
  if (config.NEO4J_URI) {
    const graph = Graph.connect({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      ...driverLimits(config),
    });
    await waitUntilReachable(graph, config, logger);
    logger.info({ uri: config.NEO4J_URI }, 'using external Neo4j');
    return { graph, close: () => graph.close() };
  }

  const embedded = await superviseEmbeddedNeo4j({
    dataDir: config.NEO4J_DATA_DIR,
    port: config.NEO4J_BOLT_PORT,
    heapMb: config.NEO4J_HEAP_MB,
    pageCacheMb: config.NEO4J_PAGECACHE_MB,
    txMemoryMb: config.NEO4J_TX_MEMORY_MB,
    startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
    progress: (line) => logger.info(line),
    onEvent: (event) => logSupervisorEvent(logger, event),
  });
  logger.info({ uri: embedded.uri, pid: embedded.pid }, 'embedded Neo4j ready');
  // The embedded server runs with auth off and only on loopback, and has only the default database.
  const graph = Graph.connect({ uri: embedded.uri, user: 'neo4j', password: '', database: 'neo4j', ...driverLimits(config) });
  return {
    graph,
    embedded,
    close: async () => {
      await graph.close();
      await embedded.stop();
    },
  };
}

function logSupervisorEvent(logger: Logger, event: SupervisorEvent): void {
  if (event.type === 'exited') {
    const { type: _type, ...details } = event;
    logger.error(details, 'embedded Neo4j exited unexpectedly; restarting it');
  } else if (event.type === 'restarted') {
    logger.warn({ pid: event.pid, restarts: event.restarts, downMs: event.downMs }, 'embedded Neo4j restarted');
  } else {
    logger.error({ err: event.error, restartInMs: event.restartInMs }, 'embedded Neo4j failed to restart; trying again');
  }
}

function driverLimits(config: Config) {
  return {
    maxRetryMs: config.NEO4J_MAX_RETRY_MS,
    queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS,
    maxPoolSize: config.NEO4J_MAX_POOL,
    acquisitionTimeoutMs: config.NEO4J_ACQUISITION_TIMEOUT_MS,
  };
}

/** A server that is still starting gets a few tries, 1 s, 2 s, 4 s ... apart, before start-up gives up. */
async function waitUntilReachable(graph: Graph, config: Config, logger: Logger): Promise<void> {
  const attempts = config.NEO4J_CONNECT_ATTEMPTS;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    if (await graph.isReachable()) return;
    if (attempt === attempts) break;
    const delayMs = 1000 * 2 ** (attempt - 1);
    logger.warn({ uri: config.NEO4J_URI, attempt, attempts, delayMs }, 'Neo4j not reachable yet; retrying');
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  await graph.close();
  throw new Error(`Neo4j at ${config.NEO4J_URI} is not reachable after ${attempts} attempts (check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, and that the server runs).`);
}
