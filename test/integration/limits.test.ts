import { ApolloServer } from '@apollo/server';
import { getIntrospectionQuery } from 'graphql';
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

  /** One Apollo Server per setting, started on first use. */
  const byEnv = new Map<string, Promise<ApolloServer<Context>>>();
  function apolloFor(env: Record<string, string>): Promise<ApolloServer<Context>> {
    const key = JSON.stringify(env);
    if (!byEnv.has(key)) {
      byEnv.set(key, (async () => {
        const apollo = createApollo(await createSchema(), testApolloOptions(env));
        servers.push(apollo);
        await apollo.start();
        return apollo;
      })());
    }
    return byEnv.get(key)!;
  }

  async function run(env: Record<string, string>, query: string, variables?: Record<string, unknown>) {
    const apollo = await apolloFor(env);
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

  /**
   * CPU the process spends on one operation (the test and the server share the process), the least of
   * five: the work is the same each time, and what other processes add (cache misses, GC) only inflates it.
   */
  async function cpuMsOf(action: () => Promise<unknown>): Promise<number> {
    const samples: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const before = process.cpuUsage();
      await action();
      const used = process.cpuUsage(before);
      samples.push((used.user + used.system) / 1000);
    }
    return Math.min(...samples);
  }

  describe('variables (issue round 3, item 1)', () => {
    const manyKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`unknownKey${i}`, i]));

    it('refuses an input object of 12,000 unknown keys at once, by size, naming the variable and quoting none of it', async () => {
      const before = graph.statementCount;
      const query = 'query($f: RuleFilter){ rules(filter:$f){ totalCount } }';
      const variables = { f: manyKeys(12_000) };
      const result = await run({}, query, variables);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', variableName: 'f' });
      expect(result.errors?.[0].message.length).toBeLessThan(200);
      expect(graph.statementCount).toBe(before);
      // Once 12,000 errors of 12,000 keys each: seconds of CPU. Now one walk that stops at the limit.
      expect(await cpuMsOf(() => run({}, query, variables))).toBeLessThan(50);
    });

    it('stops at the first error in any input object or list, nested, with a short message that names where', async () => {
      const cases: [string, string, Record<string, unknown>, RegExp][] = [
        // Under the size limit: coercion itself must stop at the first unknown key.
        ['query($f: RuleFilter){ rules(filter:$f){ totalCount } }', 'f', { f: manyKeys(9_000) }, /Field "unknownKey0" is not defined by type "RuleFilter"/],
        ['query($f: RuleFilter){ rules(filter:$f){ totalCount } }', 'f', { f: { kinds: Array.from({ length: 9_000 }, () => 'NOPE') } }, /at "f\.kinds\[0\]"/],
        ['query($k: [RuleKind!]){ rules(filter:{kinds:$k}){ totalCount } }', 'k', { k: Array.from({ length: 4_000 }, (_, i) => ({ i })) }, /at "k\[0\]"/],
        ['mutation($i: RuleInput!){ upsertRule(input:$i){ id } }', 'i', { i: { title: 't', kind: 'GUIDANCE', issuedByAgencyIds: Array.from({ length: 4_000 }, () => manyKeys(1)) } }, /at "i\.issuedByAgencyIds\[0\]"/],
        ['query($t: String!){ search(text:$t){ score } }', 't', { t: manyKeys(9_000) }, /String cannot represent/],
        ['query($f: RuleFilter){ rules(filter:$f){ totalCount } }', 'f', { f: { [`k${'x'.repeat(50_000)}`]: 1 } }, /key longer than 100/],
        ['query($k: [RuleKind!]){ rules(filter:{kinds:$k}){ totalCount } }', 'k', { k: JSON.parse(`${'['.repeat(5_000)}${']'.repeat(5_000)}`) }, /nests .* more than 20 deep/],
        ['query($f: RuleFilter!){ rules(filter:$f){ totalCount } }', 'f', {}, /of required type "RuleFilter!" was not provided/],
        ['query($f: RuleFilter!){ rules(filter:$f){ totalCount } }', 'f', { f: null }, /must not be null/],
      ];
      for (const [query, variableName, variables, message] of cases) {
        const before = graph.statementCount;
        const result = await run({}, query, variables);
        expect(result.errors).toHaveLength(1);
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', variableName });
        expect(result.errors?.[0].message).toMatch(message);
        expect(result.errors?.[0].message.length).toBeLessThan(500);
        expect(graph.statementCount).toBe(before);
      }
    });

    it('costs a refusal linearly in the size of the variables: 4 times the keys, at most about 4 times the CPU', async () => {
      const query = 'query($f: RuleFilter){ rules(filter:$f){ totalCount } }';
      const small = await cpuMsOf(() => run({}, query, { f: manyKeys(2_000) }));
      const large = await cpuMsOf(() => run({}, query, { f: manyKeys(8_000) }));
      // Quadratic work would be 16 times; 8 leaves room for noise on a small number.
      expect(large).toBeLessThan(Math.max(8 * small, 20));
    });

    it('gives no "Did you mean" hint in production, in variable, argument or field errors', async () => {
      const production = { NODE_ENV: 'production' };
      const hinted: [string, Record<string, unknown>?][] = [
        ['query($f: RuleFilter){ rules(filter:$f){ totalCount } }', { f: { txt: 'huawei' } }],
        ['query($f: RuleFilter){ rules(filter:$f){ totalCount } }', { f: { kinds: ['GUIDANC'] } }],
        ['{ rules(filter:{ kinds: [GUIDANC] }) { totalCount } }'],
        ['{ rules(filter:{ txt: "a" }) { totalCount } }'],
        ['{ countrie(code: "JP") { name } }'],
        ['{ country(cod: "JP") { name } }'],
      ];
      for (const [query, variables] of hinted) {
        const developed = await run({}, query, variables);
        expect(JSON.stringify(developed.errors)).toMatch(/Did you mean/);
        const result = await run(production, query, variables);
        expect(result.errors?.length).toBeGreaterThan(0);
        expect(result.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
        expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean/);
      }
    });
  });

  describe('text lookups (issue round 3, item 2)', () => {
    const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa';

    it('prices each search, text filter and rulesTouching by name at 1,000 and states it in the field description', async () => {
      // Priced under a limit of 10, so the price is read from the refusal and nothing runs.
      const cost = async (query: string) => {
        const before = graph.statementCount;
        const result = await run({ MAX_COST: '10' }, query);
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 10 });
        expect(graph.statementCount).toBe(before);
        return result.errors?.[0].extensions?.cost as number;
      };
      expect(await cost('{ search(text: "huawei", first: 1) { score } }')).toBe(1000 + 1);
      expect(await cost('{ rules(filter: { text: "diffusion" }, first: 20) { edges { node { id } } } }') - await cost('{ rules(first: 20) { edges { node { id } } } }')).toBe(1000);
      expect(await cost('{ rulesTouching(entity: "Huawei Ascend") { relation } }') - await cost('{ rulesTouching(entity: "chipProduct:huawei-ascend-910b") { relation } }')).toBe(1000);
      const schema = await createSchema();
      for (const name of ['search', 'rules', 'rulesTouching']) {
        expect(schema.getQueryType()!.getFields()[name].description).toMatch(/Text lookup: .*costs 1000 more.*at most 5 text lookups/);
      }
    });

    it('refuses a storm of aliased lookups before any Cypher runs, by price and by count', async () => {
      const storms = [
        aliases(100, `search(text: "${words}", first: 1) { score }`),
        aliases(6, 'search(text: "huawei", first: 1) { score }'),
        aliases(6, `rules(filter: { text: "${words}" }, first: 1) { totalCount }`),
        aliases(6, 'rulesTouching(entity: "Huawei Ascend") { relation }'),
        `query($t: String!) ${aliases(6, 'search(text: $t, first: 1) { score }').slice(0)}`,
        `{ ...F ...G } fragment F on Query ${aliases(3, 'search(text: "x") { score }')} fragment G on Query ${aliases(3, 'rules(filter: { text: "x" }) { totalCount }').replace(/a(\d)/g, 'b$1')}`,
      ];
      for (const query of storms) {
        const before = graph.statementCount;
        const result = await run({}, query, { t: 'huawei' });
        expect(result.data).toBeUndefined();
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
        expect(graph.statementCount).toBe(before);
      }
      // Five are within the cap: refused under a limit of 10 by price alone, as six by id are (rulesTouching by id looks no words up).
      for (const query of [aliases(5, 'search(text: "huawei", first: 1) { score }'), aliases(6, 'rulesTouching(entity: "chipProduct:huawei-ascend-910b") { relation }')]) {
        const priced = await run({ MAX_COST: '10' }, query);
        expect(priced.errors?.[0].extensions?.textLookups).toBeUndefined();
        expect(priced.errors?.[0].extensions?.cost).toBeGreaterThan(10);
      }
      const six = await run({}, aliases(6, 'search(text: "huawei", first: 1) { score }'));
      expect(six.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', textLookups: 6, limit: 5 });
    });
  });

  describe('introspection (issue round 3, items 9 and 10)', () => {
    const fullIntrospection = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });

    it('prices the full introspection query by the objects it returns and accepts it', async () => {
      const result = await run({}, fullIntrospection);
      expect(result.errors).toBeUndefined();
      let objects = 0;
      const count = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(count);
        else if (value !== null && typeof value === 'object') {
          objects += 1;
          Object.values(value).forEach(count);
        }
      };
      count(result.data?.__schema);
      expect(result.extensions?.cost.requested).toBe(objects);
      expect(objects).toBeGreaterThan(500);
    });

    it('refuses introspection that would return too much, before building any of it', async () => {
      // Sixty aliases of a list graphql-js's own introspection depth rule allows: some 37,000 objects, within MAX_COST.
      const wide = `{ __schema { ${Array.from({ length: 60 }, (_, i) => `a${i}: types { fields { name args { name type { name } } type { name } } inputFields { name type { name } } }`).join(' ')} } }`;
      const refused = await run({}, wide);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 5000 });
      expect(refused.errors?.[0].message).toMatch(/more than 5000 introspection objects/);
      // Six copies of the standard query's types, about 6 x 1,000 objects.
      const fragments = fullIntrospection.slice(fullIntrospection.indexOf('fragment FullType'));
      const sixFull = `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: __schema { types { ...FullType } }`).join(' ')} } ${fragments}`;
      expect((await run({}, sixFull)).errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 5000 });
      expect((await run({ NODE_ENV: 'production' }, fullIntrospection)).errors?.[0].message).toMatch(/[Ii]ntrospection/);
      expect((await run({ NODE_ENV: 'production', INTROSPECTION: 'true' }, fullIntrospection)).errors).toBeUndefined();
    });

    it('answers subscriptions and reserved aliases or variable names with a validation error, never an internal one', async () => {
      const documents = [
        'subscription { x }',
        'subscription S { country(code: "JP") { name } }',
        ...['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '__typename2'].flatMap((alias) => [
          `{ ${alias}: country(code: "JP") { name } }`,
          `{ country(code: "JP") { ${alias}: name } }`,
        ]),
        'query($__proto__: String) { __typename }',
        'query($constructor: String) { __typename }',
      ];
      for (const query of documents) {
        const before = graph.statementCount;
        const result = await run({}, query);
        expect([query, result.errors?.[0].extensions?.code]).toEqual([query, 'GRAPHQL_VALIDATION_FAILED']);
        expect(graph.statementCount).toBe(before);
      }
    });
  });
});
