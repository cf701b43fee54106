import { Config } from '../config';
import { Logger } from '../logger';
import { startEmbeddedNeo4j } from './embedded';
import { Graph } from './graph';

export interface Neo4jConnection {
  graph: Graph;
  /** Closes the driver and, when this process started Neo4j, stops it. */
  close(): Promise<void>;
}

/** Uses NEO4J_URI when given; otherwise starts the embedded Neo4j and connects to it. */
export async function connectNeo4j(config: Config, logger: Logger): Promise<Neo4jConnection> {
  if (config.NEO4J_URI) {
    const graph = Graph.connect({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      maxRetryMs: config.NEO4J_MAX_RETRY_MS,
    });
    if (!(await graph.isReachable())) {
      await graph.close();
      throw new Error(`Neo4j at ${config.NEO4J_URI} is not reachable (check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).`);
    }
    logger.info({ uri: config.NEO4J_URI }, 'using external Neo4j');
    return { graph, close: () => graph.close() };
  }

  const embedded = await startEmbeddedNeo4j({
    dataDir: config.NEO4J_DATA_DIR,
    port: config.NEO4J_BOLT_PORT,
    heapMb: config.NEO4J_HEAP_MB,
    pageCacheMb: config.NEO4J_PAGECACHE_MB,
    txMemoryMb: config.NEO4J_TX_MEMORY_MB,
    startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
    progress: (line) => logger.info(line),
  });
  logger.info({ uri: embedded.uri, pid: embedded.pid }, 'embedded Neo4j ready');
  // The embedded server runs with auth off and only on loopback, and has only the default database.
  const graph = Graph.connect({ uri: embedded.uri, user: 'neo4j', password: '', database: 'neo4j', maxRetryMs: config.NEO4J_MAX_RETRY_MS });
  return {
    graph,
    close: async () => {
      await graph.close();
      await embedded.stop();
    },
  };
}
