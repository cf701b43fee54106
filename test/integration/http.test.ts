import { createSchema } from '../../src/graphql/schema';
import { RunningServer, startServer } from '../../src/http/server';
import { Graph } from '../../src/neo4j/graph';
import { Editors } from '../../src/domain/editor/editors';
import { connectTestGraph, testApolloOptions } from '../support/app';


async function postGraphQL(url: string, query: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('over real HTTP', () => {
  let graph: Graph;
  let server: RunningServer;
  beforeAll(async () => {
    graph = connectTestGraph();
    server = await startServer({ ...testApolloOptions(), graph, schema: await createSchema(), editors: Editors.parse('') }, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.stop();
    await graph.close();
  });

  it('serves the README query', async () => {
    const { status, body } = await postGraphQL(server.url, '{ country(code:"JP") { name } }');
    expect(status).toBe(200);
    expect(body).toMatchObject({ data: { country: { name: 'Japan' } }, extensions: { cost: { requested: 1, limit: 50000 } } });
    expect(body.extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers /health with 200 while Neo4j is reachable', async () => {
    const response = await fetch(server.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ neo4j: true });
  });
});

describe('without Neo4j', () => {
  it('answers /health with 503 and queries with SERVICE_UNAVAILABLE, and stays up', async () => {
    // Nothing listens on port 1, so every connection attempt is refused at once.
    const graph = Graph.connect({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: '', database: 'neo4j' });
    const server = await startServer({ ...testApolloOptions(), graph, schema: await createSchema(), editors: Editors.parse('') }, 0, '127.0.0.1');
    try {
      const health = await fetch(server.url.replace('/graphql', '/health'));
      expect(health.status).toBe(503);
      const { body } = await postGraphQL(server.url, '{ country(code:"JP") { name } }');
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect((await fetch(server.url.replace('/graphql', '/health'))).status).toBe(503);
    } finally {
      await server.stop();
      await graph.close();
    }
  });
});
