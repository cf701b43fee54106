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

  it('refuses, before validating it, a document whose validation alone would take seconds (issue 11, item 1)', async () => {
    const repeated = (wide: number, deep: number): string =>
      deep === 0 ? 'code' : Array.from({ length: wide }, () => `x: companies { country { ${repeated(wide, deep - 1)} } }`).join(' ');
    const refusals: [string, RegExp][] = [
      // Four wide and four deep: 2,500 tokens, and graphql-js spent 800 ms comparing the fields named x.
      [`{ country(code: "SG") { ${repeated(4, 4)} } }`, /"x" selects fields twice/],
      [`{ ${'... on Query { x: country(code: "SG") { name } } '.repeat(2)}}`, /"x" selects fields twice/],
      [`{ ${Array.from({ length: 101 }, (_, i) => `country(code: "${i}")`).join(' ')} }`, /101 selections; at most 100/],
      [`{ ${Array.from({ length: 21 }, (_, i) => `...F${i}`).join(' ')} } ${Array.from({ length: 21 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')}`, /21 fragments; at most 20/],
      [`{ countries { edges { node { ${'companies { country { '.repeat(10)}code${' } }'.repeat(10)} } } } }`, /nest more than 21 deep/],
    ];
    for (const [query, message] of refusals) {
      const { status, body } = await postGraphQL(server.url, query);
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(body.errors[0].message).toMatch(message);
    }
    // The same field twice as a leaf, or once per inline fragment of different types, is still fine.
    const fine = await postGraphQL(server.url, '{ country(code: "SG") { name name } node(id: "rule:ai-diffusion") { ... on Rule { id } ... on Tier { id } } }');
    expect(fine.status).toBe(200);
    expect(fine.body.errors).toBeUndefined();
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
