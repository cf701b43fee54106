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

  async function run(env: Record<string, string>, query: string, variables?: Record<string, unknown>) {
    const apollo = createApollo(await createSchema(), testApolloOptions(env));
    servers.push(apollo);
    await apollo.start();
    const response = await apollo.executeOperation<Record<string, any>>({ query, variables }, { contextValue: createContext(graph, 'limits', Editors.parse('')) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { http: response.http, ...response.body.singleResult } as { http: typeof response.http; data?: Record<string, any> | null; errors?: readonly any[]; extensions?: Record<string, any> };
  }

  it('refuses an operation over the cost limit before any Cypher runs, giving cost and limit', async () => {
    const before = graph.statementCount;
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: countries(first: 100) { edges { node { code tierAssignments { validFrom } } } }`).join(' ');
    const result = await run({}, `{ ${aliases} }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 50000 });
    expect(result.errors?.[0].message).toMatch(/costs \d+, over the limit of 50000/);
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

  it('refuses an operation it cannot price, naming the argument, instead of letting it through (issue 11, item 2)', async () => {
    const before = graph.statementCount;
    const query = 'query($p:ID="rule:x"){ p: rule(id:$p){id} a: rules(first:100){ edges { node { tiers { countries(first:100){ edges { node { code name } } } } } } } }';
    const withNull = await run({}, query, { p: null });
    expect(withNull.data).toBeUndefined();
    expect(withNull.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    const priced = await run({}, query);
    expect(priced.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(priced.errors?.[0].extensions?.cost).toBeGreaterThan(50000);
    expect(graph.statementCount).toBe(before);
  });

  it('prices a null argument that has a default as that default', async () => {
    const cost = async (query: string, variables?: Record<string, unknown>) => {
      const result = await run({}, query, variables);
      expect(result.errors).toBeUndefined();
      return result.extensions?.cost.requested as number;
    };
    const page = 'query($n: Int) { countries(first: $n) { edges { node { code } } } }';
    expect(await cost(page, { n: null })).toBe(await cost(page, { n: 50 }));
    const lineage = 'query($d: Int) { ruleLineage(id: "rule:ai-diffusion", maxDepth: $d) { mermaid } }';
    expect(await cost(lineage, { d: null })).toBe(await cost(lineage, { d: 10 }));
  });

  it('refuses a document too large to price before anything runs', async () => {
    const before = graph.statementCount;
    // A fragment of 100 fields spread 60 times: 6,060 selections once expanded, from 230 tokens.
    const result = await run({}, `{ ${'...F '.repeat(60)}} fragment F on Query { ${'__typename '.repeat(100)}}`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 5000 });
    expect(result.errors?.[0].message).toMatch(/too large to price/);
    expect(graph.statementCount).toBe(before);
  });

  it('prices every list by the rows it can return: 290 aliases of tierChanges are refused, as are ten (issue 11, item 3)', async () => {
    const before = graph.statementCount;
    const one = (i: number) => `a${i}: tierChanges(from: "2025-05-13", to: "2025-05-13") { on country { code } }`;
    const many = await run({}, `{ ${Array.from({ length: 290 }, (_, i) => `a${i}: tierChanges(from: "2025-05-13", to: "2025-05-13") { on }`).join(' ')} }`);
    expect(many.data).toBeUndefined();
    expect(many.errors?.[0].message).toMatch(/more than 100 aliases/);
    const single = await run({}, `{ ${one(0)} }`);
    expect(single.errors).toBeUndefined();
    expect(single.extensions?.cost.requested).toBe(5000 * 2);
    const statementsForOne = graph.statementCount - before;
    const ten = await run({}, `{ ${Array.from({ length: 10 }, (_, i) => one(i)).join(' ')} }`);
    expect(ten.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 10 * 5000 * 2 });
    expect(graph.statementCount - before).toBe(statementsForOne);
  });

  it('refuses a document with more aliases than the alias limit', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await run({}, aliases(100))).errors).toBeUndefined();
    const result = await run({}, aliases(101));
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/more than 100 aliases/);
  });

  it('refuses operations deeper than the depth limit', async () => {
    const nest = (levels: number) => `{ countries(first: 1) { edges { node { ${'companies { country { '.repeat(levels)}code${' } }'.repeat(levels)} } } } }`;
    const deep = nest(5);
    // Each level is a list of companies, priced at its cap: the cost limit is out of the way here.
    const noCostLimit = { MAX_COST: String(10 ** 12) };
    expect((await run(noCostLimit, nest(3))).errors).toBeUndefined();
    const result = await run(noCostLimit, deep);
    expect(result.errors?.[0].message).toMatch(/exceeds maximum operation depth of 10/);
    expect((await run({ ...noCostLimit, MAX_DEPTH: '20' }, deep)).errors).toBeUndefined();
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
