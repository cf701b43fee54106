import { ApolloServer } from '@apollo/server';
import { Editors } from '../../src/domain/editor/editors';
import { Context, createContext } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { createApollo } from '../../src/http/server';
import { maskInternalErrors } from '../../src/http/observability';
import { Graph } from '../../src/neo4j/graph';
import { connectTestGraph, testApolloOptions } from '../support/app';

describe('query limits and production settings', () => {
  let graph: Graph;
  const servers: ApolloServer<Context>[] = [];
  beforeAll(() => {
    graph = connectTestGraph();
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await graph.close();
  });

  async function run(env: Record<string, string>, query: string) {
    const apollo = createApollo(await createSchema(), testApolloOptions(env));
    servers.push(apollo);
    await apollo.start();
    const response = await apollo.executeOperation({ query }, { contextValue: createContext(graph, 'limits', Editors.parse('')) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { http: response.http, ...response.body.singleResult };
  }

  it('refuses an operation over the cost limit before any Cypher runs, giving cost and limit', async () => {
    const before = graph.statementCount;
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: countries(first: 100) { edges { node { code tierAssignments { validFrom } } } }`).join(' ');
    const result = await run({}, `{ ${aliases} }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 10000 });
    expect(result.errors?.[0].message).toMatch(/costs \d+, over the limit of 10000/);
    // No Accept header means application/json, where a request error is 200 (test/integration/http-status.test.ts has the 400).
    expect(result.http.status).toBe(200);
    expect(graph.statementCount).toBe(before);
  });

  it('costs lists by first and lineage by maxDepth, and reports the cost of accepted operations', async () => {
    const small = await run({}, '{ countries(first: 10) { edges { node { code } } } }');
    const large = await run({}, '{ countries(first: 100) { edges { node { code } } } }');
    const deep = await run({}, '{ ruleLineage(id: "rule:ai-diffusion", maxDepth: 25) { mermaid } }');
    const cost = (r: { extensions?: Record<string, any> }) => r.extensions?.cost.requested as number;
    expect(cost(large)).toBeGreaterThan(cost(small) * 5);
    expect(cost(deep)).toBeGreaterThan(250);
    const refused = await run({ MAX_COST: '100' }, '{ ruleLineage(id: "rule:ai-diffusion", maxDepth: 25) { mermaid } }');
    expect(refused.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses operations deeper than the depth limit', async () => {
    const nest = (levels: number) => `{ countries(first: 1) { edges { node { ${'companies { country { '.repeat(levels)}code${' } }'.repeat(levels)} } } } }`;
    const deep = nest(5);
    expect((await run({}, nest(3))).errors).toBeUndefined();
    const result = await run({}, deep);
    expect(result.errors?.[0].message).toMatch(/exceeds maximum operation depth of 10/);
    expect((await run({ MAX_DEPTH: '20' }, deep)).errors).toBeUndefined();
  });

  it('turns introspection off in production unless enabled', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    expect((await run({}, introspect)).errors).toBeUndefined();
    expect((await run({ NODE_ENV: 'production' }, introspect)).errors?.[0].message).toMatch(/[Ii]ntrospection/);
    expect((await run({ NODE_ENV: 'production', INTROSPECTION: 'true' }, introspect)).errors).toBeUndefined();
  });

  it('hides internal error details in production but keeps coded errors', () => {
    const internal = { message: 'Neo4jError: Invalid input near MATCH (n)', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at ...'] } };
    expect(maskInternalErrors(internal)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const coded = { message: 'Argument "first" ...', extensions: { code: 'BAD_USER_INPUT' } };
    expect(maskInternalErrors(coded)).toBe(coded);
  });
});
