import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { loadConfig } from '../src/config';
import { Editors } from '../src/domain/editor/editors';
import { createSchema } from '../src/graphql/schema';
import { apolloOptionsFrom, startServer } from '../src/http/server';
import { createLogger } from '../src/logger';
import { Graph } from '../src/neo4j/graph';
import { peerSchema } from './peer';

/** What a server's memory looks like: RSS now, its peak since start, and the heap still live after a full collection. */
export interface Memory { rss: number; peakRss: number; liveHeap: number }

/**
 * One GraphQL server in a process of its own, so neither server shares an event loop with the
 * other or with the load generator. Usage: serve.js ours|peer <bolt uri>. Started by run.ts over
 * IPC: it sends {url} once listening, answers 'memory' with {memory} and 'cpu' with {cpuMs} (CPU time
 * used so far, every thread), and stops on 'stop' or disconnect. Both servers run with --expose-gc so
 * 'memory' can collect before it reads the live heap; nothing else calls gc().
 */
export type ServerMessage = { url: string } | { memory: Memory } | { cpuMs: number };

async function main() {
  const [system, uri] = process.argv.slice(2);
  const graph = Graph.connect({ uri, user: 'neo4j', password: '', database: 'neo4j', maxPoolSize: 64 });
  let url: string;
  let stop: () => Promise<void>;
  if (system === 'ours') {
    // Every autocannon connection comes from loopback: the per-client in-flight limit would measure 429s.
    const options = apolloOptionsFrom(loadConfig({ LOG_LEVEL: 'silent', MAX_IN_FLIGHT: '10000' }), createLogger('silent'));
    const server = await startServer({ ...options, graph, schema: await createSchema(), editors: Editors.parse('') }, 0, '127.0.0.1');
    ({ url } = server);
    stop = () => server.stop();
  } else if (system === 'peer') {
    const apollo = new ApolloServer({ schema: await peerSchema(graph.driver) });
    ({ url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } }));
    stop = () => apollo.stop();
  } else {
    throw new Error(`unknown system "${system}": ours or peer`);
  }
  const exit = async () => {
    await stop();
    await graph.close();
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'memory') {
      // RSS first: the collection below would move it. ru_maxrss is in KiB.
      const { rss } = process.memoryUsage();
      const peakRss = process.resourceUsage().maxRSS * 1024;
      (globalThis as { gc?: () => void }).gc?.();
      process.send!({ memory: { rss, peakRss, liveHeap: process.memoryUsage().heapUsed } } satisfies ServerMessage);
    }
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ cpuMs: (user + system) / 1000 } satisfies ServerMessage);
    }
    if (message === 'stop') void exit();
  });
  process.on('disconnect', () => void exit());
  process.send!({ url } satisfies ServerMessage);
}

main().catch((error: Error) => {
  console.error(`bench server failed: ${error.stack}`);
  process.exit(1);
});
