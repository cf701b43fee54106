import { fork, ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Editors } from '../src/domain/editor/editors';
import { createContext } from '../src/graphql/context';
import { createSchema } from '../src/graphql/schema';
import { apolloOptionsFrom, createApollo } from '../src/http/server';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { Graph, Statement } from '../src/neo4j/graph';
import type { Memory, ServerMessage } from './serve';
import type { Workload } from './workloads';

/**
 * `npm start` gives V8 a larger young generation (fewer scavenges on request garbage). Both servers
 * run with the same flags, so the comparison is of the software, not of the runtime settings;
 * --expose-gc only lets the memory reading between scales collect first (serve.ts).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64', '--expose-gc'];

export interface Server {
  url: string;
  child: ChildProcess;
  memory(): Promise<Memory>;
  /** CPU time the server has used since it started, every thread, in ms. */
  cpuMs(): Promise<number>;
}

/** Starts ours or the peer in a process of its own (serve.ts); `extraFlags` adds Node flags (a profiler). */
export function startServerProcess(system: 'ours' | 'peer', boltUri: string, extraFlags: string[] = []): Promise<Server> {
  const child = fork(path.join(__dirname, 'serve.js'), [system, boltUri], { execArgv: [...SERVER_NODE_FLAGS, ...extraFlags], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // Each question removes its exit listener once answered, or they pile up (MaxListenersExceededWarning).
  const next = () => new Promise<ServerMessage>((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`${system} server exited with ${code}`));
    child.once('exit', exited);
    child.once('message', (message) => {
      child.off('exit', exited);
      resolve(message as ServerMessage);
    });
  });
  const ask = async (request: 'memory' | 'cpu'): Promise<ServerMessage> => {
    const reply = next();
    child.send(request);
    return reply;
  };
  const refused = (answer: ServerMessage) => new Error(`${system} server sent ${JSON.stringify(answer)}`);
  return next().then((message) => {
    if (!('url' in message)) throw refused(message);
    const memory = async () => {
      const answer = await ask('memory');
      if (!('memory' in answer)) throw refused(answer);
      return answer.memory;
    };
    const cpuMs = async () => {
      const answer = await ask('cpu');
      if (!('cpuMs' in answer)) throw refused(answer);
      return answer.cpuMs;
    };
    return { url: message.url, child, memory, cpuMs };
  });
}

/** Our service in-process: it answers workloads without HTTP and shows the statements each sends, which the raw client replays. */
export async function startCapture(graph: Graph) {
  const apollo = createApollo(await createSchema(), apolloOptionsFrom(loadConfig({ LOG_LEVEL: 'silent' }), createLogger('silent')));
  await apollo.start();
  const execute = async (workload: Workload) => {
    const response = await apollo.executeOperation({ query: workload.ours }, { contextValue: createContext(graph, 'bench', Editors.parse(''), undefined) });
    if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(`"${workload.name}" failed in-process`);
  };
  const statementsOf = async (workload: Workload): Promise<Statement[]> => {
    const statements: Statement[] = [];
    graph.onRead = (query, params) => statements.push({ query, params });
    try {
      await execute(workload);
    } finally {
      graph.onRead = undefined;
    }
    return statements;
  };
  return { apollo, execute, statementsOf, stop: () => apollo.stop() };
}

export type Capture = Awaited<ReturnType<typeof startCapture>>;
