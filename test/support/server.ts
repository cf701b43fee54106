import { Editors } from '../../src/domain/editor/editors';
import { createSchema } from '../../src/graphql/schema';
import { RunningServer, startServer } from '../../src/http/server';
import { Graph } from '../../src/neo4j/graph';
import { connectTestGraph, testApolloOptions } from './app';

/** The real HTTP server on a free loopback port, over the given graph. */
export async function startTestServer(graph: Graph, env: Record<string, string> = {}, editors = Editors.parse('alice:s3cret')): Promise<RunningServer> {
  return startServer({ ...testApolloOptions(env), graph, schema: await createSchema(), editors }, 0, '127.0.0.1');
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Some refusals are not JSON; the status says enough.
  }
  return { status: response.status, json, text };
}

/** Registers hooks that run the real HTTP server over the test Neo4j for the enclosing describe; `env` as in startTestServer. */
export function useTestServer(env: Record<string, string> = {}): { graph: Graph; server: RunningServer } {
  const handle = {} as { graph: Graph; server: RunningServer };
  beforeAll(async () => {
    handle.graph = connectTestGraph();
    handle.server = await startTestServer(handle.graph, env);
  });
  afterAll(async () => {
    await handle.server.stop();
    await handle.graph.close();
  });
  return handle;
}
