import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { projectRoot } from '../paths';

const neo4jDir = path.join(projectRoot, 'neo4j');
const jarsDir = path.join(neo4jDir, 'target', 'lib');
const classesDir = path.join(neo4jDir, 'target', 'classes');
const launcherClass = 'org.exportgraph.EmbeddedNeo4j';

/** The flags Neo4j's own neo4j.conf passes to its JVM (server.jvm.additional). */
const neo4jJvmFlags = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

export interface EmbeddedOptions {
  dataDir: string;
  host?: string;
  port: number;
  heapMb: number;
  pageCacheMb: number;
  txMemoryMb: number;
  startTimeoutMs: number;
  /** Where progress lines go (Maven fetch, start-up). */
  progress?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  /** Settles when the JVM exits, whoever ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** Compiles the launcher and fetches the Neo4j jars with Maven, once; later starts reuse them. */
export function ensureNeo4jJars(progress: (line: string) => void = () => undefined): void {
  if (isBuildCurrent()) return;
  progress('Fetching Neo4j from Maven Central and compiling the launcher (first run only)...');
  const result = spawnSync('mvn', ['-B', '-q', '-f', path.join(neo4jDir, 'pom.xml'), 'package'], { stdio: 'inherit' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('Cannot fetch Neo4j: Maven (mvn) is not on PATH. Install Maven 3 and Java 17, or set NEO4J_URI.');
  }
  if (result.status !== 0) {
    throw new Error(`Maven fetch of Neo4j failed (mvn exited with ${result.status}); see its output above.`);
  }
}

/** The jars match the pom's Neo4j version and the compiled launcher is newer than its source and the pom. */
function isBuildCurrent(): boolean {
  const launcherClassFile = path.join(classesDir, ...launcherClass.split('.')) + '.class';
  const launcherSource = path.join(neo4jDir, 'src', 'main', 'java', ...launcherClass.split('.')) + '.java';
  if (!existsSync(path.join(jarsDir, `neo4j-${pomNeo4jVersion()}.jar`)) || !existsSync(launcherClassFile)) return false;
  const built = statSync(launcherClassFile).mtimeMs;
  return built >= statSync(launcherSource).mtimeMs && built >= statSync(path.join(neo4jDir, 'pom.xml')).mtimeMs;
}

function pomNeo4jVersion(): string {
  const pom = readFileSync(path.join(neo4jDir, 'pom.xml'), 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match) throw new Error('neo4j/pom.xml has no <neo4j.version> property');
  return match[1];
}

/** Starts Neo4j in a child JVM and resolves once Bolt answers. */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const progress = options.progress ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  ensureNeo4jJars(progress);
  await assertPortFree(host, options.port);
  mkdirSync(options.dataDir, { recursive: true });

  const args = [
    `-Xms${Math.min(256, options.heapMb)}m`,
    `-Xmx${options.heapMb}m`,
    ...neo4jJvmFlags,
    '-cp',
    [classesDir, path.join(jarsDir, '*')].join(path.delimiter),
    launcherClass,
    path.resolve(options.dataDir),
    host,
    String(options.port),
    String(options.pageCacheMb),
    String(options.txMemoryMb),
  ];
  progress(`Starting embedded Neo4j on bolt://${host}:${options.port} (data in ${options.dataDir})...`);
  // stdin stays open as a pipe: when this process dies, the launcher sees EOF and shuts down.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 30));
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const uri = `bolt://${host}:${options.port}`;
  await waitForBolt(child, uri, options.startTimeoutMs, output);
  return { uri, pid: child.pid!, exited, stop: () => stopChild(child) };
}

function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Bolt port ${port} on ${host} is already taken; set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use that server.`)
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function waitForBolt(child: ChildProcess, uri: string, timeoutMs: number, output: string[]): Promise<void> {
  let exited: string | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    exited = error.code === 'ENOENT' ? 'Java is not on PATH (Neo4j 5.26 needs Java 17)' : error.message;
  });
  child.once('exit', (code, signal) => {
    exited ??= `the Neo4j JVM exited early (code ${code}, signal ${signal})`;
  });
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 2000, logging: undefined });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) throw new Error(`Embedded Neo4j did not start: ${exited}.\n${output.join('\n')}`);
      try {
        await driver.verifyConnectivity();
        return;
      } catch {
        if (Date.now() > deadline) {
          child.kill('SIGKILL');
          throw new Error(`Embedded Neo4j did not answer on ${uri} within ${timeoutMs} ms.\n${output.join('\n')}`);
        }
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  } finally {
    await driver.close();
  }
}

function stopChild(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** What a supervisor reports: the JVM died, came back, or failed to come back. */
export type SupervisorEvent =
  | { type: 'exited'; pid: number; code: number | null; signal: NodeJS.Signals | null; upMs: number; restartInMs: number }
  | { type: 'restarted'; pid: number; restarts: number; downMs: number }
  | { type: 'restartFailed'; error: Error; restartInMs: number };

export interface SupervisorOptions extends EmbeddedOptions {
  onEvent?: (event: SupervisorEvent) => void;
  /** First wait before a restart; it doubles while the JVM keeps dying soon after starting. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface SupervisedNeo4j {
  uri: string;
  /** The running JVM's process id; it changes with every restart. */
  readonly pid: number;
  readonly restarts: number;
  /** Stops supervising and stops the JVM (and any restart under way). */
  stop(): Promise<void>;
}

/** A JVM that ran this long before dying counts as having started well: the next restart waits the initial backoff again. */
const STABLE_UPTIME_MS = 60_000;

/**
 * Starts the embedded Neo4j and restarts it, on the same port and data folder, whenever its JVM
 * exits without stop() (a crash, kill -9, the OOM killer). Neo4j recovers committed transactions
 * from its log on start; the driver reconnects by itself. Waits double while restarts fail or the
 * JVM keeps dying soon after starting, up to maxBackoffMs.
 */
export async function superviseEmbeddedNeo4j(options: SupervisorOptions): Promise<SupervisedNeo4j> {
  const onEvent = options.onEvent ?? (() => undefined);
  const initialBackoffMs = options.initialBackoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  let current = await startEmbeddedNeo4j(options);
  let startedAt = Date.now();
  let restarts = 0;
  let stopping = false;
  let shortLivedInARow = 0;
  let restarting: Promise<void> = Promise.resolve();
  let wakeUp = () => undefined as void;
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wakeUp = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  const backoff = () => Math.min(maxBackoffMs, initialBackoffMs * 2 ** shortLivedInARow);

  const restart = async (died: EmbeddedNeo4j, exit: { code: number | null; signal: NodeJS.Signals | null }) => {
    const diedAt = Date.now();
    const upMs = diedAt - startedAt;
    shortLivedInARow = upMs < STABLE_UPTIME_MS ? shortLivedInARow : 0;
    let wait = backoff();
    onEvent({ type: 'exited', pid: died.pid, ...exit, upMs, restartInMs: wait });
    while (!stopping) {
      await sleep(wait);
      if (stopping) return;
      shortLivedInARow += 1;
      try {
        current = await startEmbeddedNeo4j(options);
      } catch (error) {
        wait = backoff();
        onEvent({ type: 'restartFailed', error: error as Error, restartInMs: wait });
        continue;
      }
      startedAt = Date.now();
      restarts += 1;
      onEvent({ type: 'restarted', pid: current.pid, restarts, downMs: startedAt - diedAt });
      watch(current);
      return;
    }
  };
  const watch = (instance: EmbeddedNeo4j) => {
    void instance.exited.then((exit) => {
      if (!stopping) restarting = restart(instance, exit);
    });
  };
  watch(current);

  return {
    uri: current.uri,
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    stop: async () => {
      stopping = true;
      wakeUp();
      await restarting;
      await current.stop();
    },
  };
}
