import neo4j, { Driver, ManagedTransaction, Session, SessionMode, isRetryableError } from 'neo4j-driver';
import { GraphMemoryError, isMemoryError, translateDriverError } from './errors';

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
  /** How long a statement waits for a free pooled connection before failing as unavailable. */
  acquisitionTimeoutMs?: number;
}

/**
 * The one door to Neo4j: every statement goes through read() or write(), so each is parameterised,
 * counted, and fails with an error of ./errors (unavailable, timed out, out of memory) the caller can tell apart.
 * Every session shares the driver's bookmark manager, so on a cluster a read after a write sees that write.
 */
export class Graph {
  /** Statements sent since start; tests read it to bound round trips per request. */
  statementCount = 0;

  /** Sees every read statement sent; the benchmark uses it to replay ours as raw Cypher. */
  onRead?: (query: NamedQuery, params: Record<string, unknown>) => void;

  /** Sees every statement a write transaction sends; the write benchmark replays them as raw Cypher. */
  onWrite?: (query: NamedQuery, params: Record<string, unknown>) => void;

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
      connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? 10_000,
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
      const session = this.session(neo4j.session.READ);
      const started = Date.now();
      try {
        const result = await withoutStackCapture(() => session.run(query.cypher, params, { timeout: this.queryTimeoutMs }));
        return result.records.map((record) => record.toObject() as T);
      } catch (error) {
        const wait = Math.min(1_000, 100 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
        // Out of memory is transient to Neo4j, yet the same statement would only ask for the same memory again.
        if (!isRetryableError(error) || isMemoryError(error) || Date.now() + wait > deadline) {
          throw translateDriverError(error, Date.now() - started >= this.queryTimeoutMs);
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
      } finally {
        await session.close();
      }
    }
  }

  /**
   * Runs work in one write transaction: all of it lands or none of it does. The driver retries it
   * on transient errors, except running out of memory, which leaves the work as a GraphMemoryError.
   * `timeoutMs` replaces the statement limit for long batch work (an import's plan).
   */
  async write<T>(work: (tx: CountingTransaction) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.queryTimeoutMs;
    const session = this.session(neo4j.session.WRITE);
    let attemptStarted = Date.now();
    try {
      return await session.executeWrite(async (tx) => {
        attemptStarted = Date.now();
        try {
          return await work(new CountingTransaction(tx, this));
        } catch (error) {
          throw isMemoryError(error) ? (translateDriverError(error) as GraphMemoryError) : error;
        }
      }, { timeout: timeoutMs });
    } catch (error) {
      throw translateDriverError(error, Date.now() - attemptStarted >= timeoutMs);
    } finally {
      await session.close();
    }
  }

  /** Runs a schema statement (constraints, indexes), which Neo4j wants in a transaction of its own. */
  async schema(cypher: string): Promise<void> {
    this.statementCount += 1;
    try {
      // executeQuery uses the driver's bookmark manager, the one every session here shares.
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

  private session(mode: SessionMode): Session {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
  }
}

/**
 * The driver records a stack trace for every result it creates (an Error's stack, formatted at
 * once), only to graft it onto an error later: about 10 µs a statement timed alone, 60 under the profiler.
 * A read's errors are translated into ours above, so the driver's copy is not needed: `run`
 * creates its result with capture off. JavaScript runs one call at a time, so nothing else sees it.
 */
function withoutStackCapture<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
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
    this.graph.onWrite?.(query, params);
    const result = await this.tx.run(query.cypher, params);
    return result.records.map((record) => record.toObject() as T);
  }
}
