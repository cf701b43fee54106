import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { ArrayNotEmpty, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : String(value).split(',').map((item) => item.trim()).filter(Boolean);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase());

/** Every setting the service reads from the environment, with its default. Validated once at start-up. */
export class Config {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 4000;

  @IsString()
  HOST = '127.0.0.1';

  /** When set, the service uses this Neo4j and starts no embedded one. */
  @IsOptional() @IsString()
  NEO4J_URI?: string = undefined;

  @IsString()
  NEO4J_USER = 'neo4j';

  @IsString()
  NEO4J_PASSWORD = '';

  @IsString()
  NEO4J_DATABASE = 'neo4j';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  NEO4J_BOLT_PORT = 7687;

  @IsString()
  NEO4J_DATA_DIR = '.neo4j-data';

  @Transform(toInt) @IsInt() @Min(128)
  NEO4J_HEAP_MB = 512;

  @Transform(toInt) @IsInt() @Min(16)
  NEO4J_PAGECACHE_MB = 512;

  @Transform(toInt) @IsInt() @Min(16)
  NEO4J_TX_MEMORY_MB = 512;

  @Transform(toInt) @IsInt() @Min(1000)
  NEO4J_START_TIMEOUT_MS = 120_000;

  /** A request fails with SERVICE_UNAVAILABLE after retrying this long while Neo4j is away. */
  @Transform(toInt) @IsInt() @Min(0)
  NEO4J_MAX_RETRY_MS = 3_000;

  /** Longest a Cypher statement may run before Neo4j aborts it. */
  @Transform(toInt) @IsInt() @Min(100)
  NEO4J_QUERY_TIMEOUT_MS = 10_000;

  /** Tries, with doubling waits from 1 s, to reach NEO4J_URI at start-up before giving up. */
  @Transform(toInt) @IsInt() @Min(1) @Max(20)
  NEO4J_CONNECT_ATTEMPTS = 5;

  /** How long a statement waits for a free Bolt connection before failing with SERVICE_UNAVAILABLE. */
  @Transform(toInt) @IsInt() @Min(100)
  NEO4J_ACQUISITION_TIMEOUT_MS = 10_000;

  /** Most Bolt connections the service holds at once. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  NEO4J_MAX_POOL = 50;

  @Transform(toBool) @IsBoolean()
  SEED_ON_EMPTY = true;

  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  /** Introspection and the landing page; on unless NODE_ENV=production. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  INTROSPECTION?: boolean = undefined;

  /** Which executor answers queries: `compiled` (graphql-jit, each operation compiled once) or `graphql-js`, the fallback. */
  @IsIn(['compiled', 'graphql-js'])
  GRAPHQL_EXECUTION: 'compiled' | 'graphql-js' = 'compiled';

  /** Deepest selection nesting an operation may have. */
  @Transform(toInt) @IsInt() @Min(2) @Max(100)
  MAX_DEPTH = 10;

  /** Highest computed cost an operation may have (see README). */
  @Transform(toInt) @IsInt() @Min(10)
  MAX_COST = 50_000;

  /** Largest request body, in express/body-parser notation. */
  @Matches(/^\d+(b|kb|mb)$/)
  BODY_LIMIT = '100kb';

  /**
   * Browser origins allowed to call /graphql ("https://app.example,http://localhost:5173"), each a
   * scheme, host and optional port exactly as browsers send them in `Origin`; unset means same-origin only.
   */
  @IsOptional() @Transform(toList) @ArrayNotEmpty() @Matches(/^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/, { each: true })
  CORS_ORIGINS?: string[] = undefined;

  /** Seconds a shared cache may keep the answer to a read-only GET query. */
  @Transform(toInt) @IsInt() @Min(0) @Max(31_536_000)
  CACHE_MAX_AGE = 60;

  /** Requests one anonymous client (one address) may have in flight at once; more are answered 429 RATE_LIMITED. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000)
  MAX_IN_FLIGHT = 8;

  /** Requests one editor (a valid token) may have in flight at once. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000)
  MAX_IN_FLIGHT_EDITOR = 32;

  /** Most rows one list export (/export/<list>.csv or .jsonl) may have; more is refused with EXPORT_TOO_LARGE. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  EXPORT_MAX_ROWS = 10_000;

  /** Editors allowed to write, as name:token pairs ("alice:s3cret,bob:t0ken"); none means writes are disabled. */
  @IsOptional() @IsString()
  EDITOR_TOKENS?: string = undefined;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

/** Reads and validates the configuration; throws one error listing every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Every setting, optional ones included, is initialised on the class, so its keys are the settings.
  const known = Object.keys(new Config());
  const given = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => value !== undefined && known.includes(key)),
  );
  const config = plainToInstance(Config, given, { exposeDefaultValues: true });
  const errors = validateSync(config);
  if (errors.length > 0) {
    const problems = errors.map((e) => `${e.property}=${String(e.value)}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return config;
}
