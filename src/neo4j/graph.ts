import { GraphQLError } from 'graphql';
import neo4j, { Driver, ManagedTransaction, isRetryableError } from 'neo4j-driver';

/** A Cypher statement with a name, so logs, tests and benchmarks can refer to it. */
export interface NamedQuery {
  name: string;
  cypher: string;
}

/** A named query with the parameters for one request: what translation tests snapshot. */
export interface Statement {
  query: NamedQuery;
  params: Record<string, unknown>;
}

export interface GraphOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** How long the driver keeps retrying a transaction that failed transiently (e.g. Neo4j away). */
  maxRetryMs?: number;
  /** Longest a statement may run before Neo4j aborts it. */
  queryTimeoutMs?: number;
  maxPoolSize?: number;
}

/**
 * The one door to Neo4j: every statement goes through read() or write(), so each
 * is parameterised, counted, and fails with SERVICE_UNAVAILABLE when the database is away.
 */
export class Graph {
  /** Statements sent since start; tests read it to bound round trips per request. */
  statementCount = 0;

  /** Sees every read statement sent; the benchmark uses it to replay ours as raw Cypher. */
  onRead?: (query: NamedQuery, params: Record<string, unknown>) => void;

  private constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly queryTimeoutMs: number,
    private readonly maxRetryMs: number,
  ) {}

  static connect(options: GraphOptions): Graph {
    const auth = options.password ? neo4j.auth.basic(options.user, options.password) : undefined;
    const maxRetryMs = options.maxRetryMs ?? 3_000;
    const driver = neo4j.driver(options.uri, auth, {
      maxConnectionPoolSize: options.maxPoolSize ?? 50,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      disableLosslessIntegers: true,
      maxTransactionRetryTime: maxRetryMs,
    });
    return new Graph(driver, options.database, options.queryTimeoutMs ?? 10_000, maxRetryMs);
  }

  /**
   * Runs one read statement and returns its records as objects. It runs as an auto-commit
   * transaction: one round trip instead of the two (BEGIN and RUN, then COMMIT) of a managed one,
   * which the benchmark showed on every request. The driver retries only managed transactions,
   * so a read that fails transiently is retried here, with backoff, for up to maxRetryMs.
   */
  async read<T>(query: NamedQuery, params: Record<string, unknown> = {}): Promise<T[]> {
    this.statementCount += 1;
    this.onRead?.(query, params);
    const deadline = Date.now() + this.maxRetryMs;
    for (let attempt = 0; ; attempt += 1) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(query.cypher, params, { timeout: this.queryTimeoutMs });
        return result.records.map((record) => record.toObject() as T);
      } catch (error) {
        const wait = Math.min(1_000, 100 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
        if (!isRetryableError(error) || Date.now() + wait > deadline) throw translateDriverError(error);
        await new Promise((resolve) => setTimeout(resolve, wait));
      } finally {
        await session.close();
      }
    }
  }

  /** Runs work in one write transaction: all of it lands or none of it does. */
  async write<T>(work: (tx: CountingTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => work(new CountingTransaction(tx, this)), { timeout: this.queryTimeoutMs });
    } catch (error) {
      throw translateDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs a schema statement (constraints, indexes), which Neo4j wants in a transaction of its own. */
  async schema(cypher: string): Promise<void> {
    this.statementCount += 1;
    try {
      await this.driver.executeQuery(cypher, {}, { database: this.database });
    } catch (error) {
      throw translateDriverError(error);
    }
  }

  async isReachable(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** A write transaction that counts what it sends and hands back plain objects. */
export class CountingTransaction {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly graph: Graph,
  ) {}

  async run<T>(query: NamedQuery, params: Record<string, unknown> = {}): Promise<T[]> {
    this.graph.statementCount += 1;
    const result = await this.tx.run(query.cypher, params);
    return result.records.map((record) => record.toObject() as T);
  }
}

function translateDriverError(error: unknown): unknown {
  if (error instanceof GraphQLError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || isRetryableError(error)) {
    return new GraphQLError('The graph database is unavailable; try again shortly.', {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
      originalError: error as Error,
    });
  }
  return error;
}
