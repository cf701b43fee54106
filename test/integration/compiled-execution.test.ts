import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import { QUESTIONS } from '../../src/docs/questions';
import { createSchema } from '../../src/graphql/schema';
import { createContext } from '../../src/graphql/context';
import { createApollo } from '../../src/http/server';
import { compiledOperationCount } from '../../src/http/compiled-execution';
import { failureReport, generateOperation } from '../support/operations';
import { connectTestGraph, testApolloOptions, testEditors } from '../support/app';

const RUNS = Number(process.env.GENERATED_OPERATIONS ?? 300) / 2;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
/** A run stops here on a loaded machine, and says how many operations it compared. */
const TIME_LIMIT_MS = 60_000;
const MIN_RUNS = 10;

/** Where an error sorts among a response's errors: by path, then message. */
const orderKey = (error: { path?: readonly (string | number)[]; message: string }) => JSON.stringify([error.path ?? [], error.message]);

/**
 * Queries run as functions graphql-jit compiles (src/http/compiled-execution.ts); graphql-js is the
 * reference. The same operations through both servers, on the same graph, must give the same answer:
 * the same data, and errors with the same message, path, locations and code.
 */
describe('compiled execution answers as graphql-js does', () => {
  const graph = connectTestGraph();
  const servers = createSchema().then(async (schema) => {
    const compiled = createApollo(schema, testApolloOptions({ GRAPHQL_EXECUTION: 'compiled' }));
    const reference = createApollo(schema, testApolloOptions({ GRAPHQL_EXECUTION: 'graphql-js' }));
    await Promise.all([compiled.start(), reference.start()]);
    return { compiled, reference };
  });
  afterAll(async () => {
    const { compiled, reference } = await servers;
    await Promise.all([compiled.stop(), reference.stop()]);
    await graph.close();
  });

  type Server = Awaited<typeof servers>['compiled'];
  const answer = async (server: Server, query: string, variables: Record<string, unknown> = {}, authorization?: string) => {
    const response = await server.executeOperation({ query, variables }, { contextValue: createContext(graph, 'test', testEditors, authorization) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult;
    // Compared as clients get them, in JSON (graphql-jit leaves a skipped field's key, undefined, which JSON drops);
    // the request id and stack traces differ between any two requests. Errors in response-path order: root
    // fields run at once and each engine lists errors as their statements fail, which is whichever Neo4j answers
    // first (a run beside two busy suites had two NOT_FOUNDs the other way round); GraphQL does not order them.
    const listed = errors?.map(({ message, path: at, locations, extensions }) => ({ message, path: at, locations, code: extensions?.code, argumentName: extensions?.argumentName }));
    return { data: data === undefined ? undefined : (JSON.parse(JSON.stringify(data)) as Record<string, unknown>), errors: listed?.sort((a, b) => orderKey(a).localeCompare(orderKey(b))) };
  };
  const both = async (query: string, variables?: Record<string, unknown>) => {
    const { compiled, reference } = await servers;
    return { compiled: await answer(compiled, query, variables), reference: await answer(reference, query, variables) };
  };

  it('compiles a query once, and leaves mutations and the reference server to graphql-js', async () => {
    const { compiled, reference } = await servers;
    const query = '{ country(code: "SG") { name tierAssignments(asOf: "2025-03-01") { tier { name } } } }';
    const before = compiledOperationCount();
    await answer(compiled, query);
    await answer(compiled, query);
    expect(compiledOperationCount()).toBe(before + 1);
    await answer(reference, '{ country(code: "JP") { name } }');
    // A mutation without a token: run (and refused) by graphql-js, compiling nothing.
    const refused = await answer(compiled, 'mutation ($input: RuleInput!) { upsertRule(input: $input) { id } }', { input: { title: 'Never written', kind: 'GUIDANCE' } });
    expect(refused.errors?.[0].code).toBe('UNAUTHENTICATED');
    expect(compiledOperationCount()).toBe(before + 1);
  });

  it('for every analyst question the README asks', async () => {
    for (const { question, query } of QUESTIONS) {
      const { compiled, reference } = await both(query);
      expect({ question, ...compiled }).toEqual({ question, ...reference });
      expect(compiled.errors).toBeUndefined();
    }
  });

  it('for errors and nulls: a name that names nothing, bad variables, two operations and no name, a missing country, a page too large, an unknown id', async () => {
    const cases: [string, Record<string, unknown>, string | null][] = [
      ['{ rulesTouching(entity: "Xqzvw") { rule { id } } }', {}, 'NOT_FOUND'],
      ['query ($code: String!) { country(code: $code) { name } }', { code: 42 }, 'BAD_USER_INPUT'],
      ['query ($code: String!) { country(code: $code) { name } }', {}, 'BAD_USER_INPUT'],
      ['query ($day: Date = "2025-03-01") { country(code: "SG") { tierAssignments(asOf: $day) { tier { name } } } }', { day: 'not a date' }, 'BAD_USER_INPUT'],
      ['{ a: country(code: "ZZ") { name } b: country(code: "SG") { code } }', {}, null],
      ['query A { country(code: "SG") { name } } query B { country(code: "JP") { name } }', {}, 'OPERATION_RESOLUTION_FAILURE'],
      ['{ countries(first: 100000) { edges { node { code } } } }', {}, 'QUERY_TOO_COMPLEX'],
      ['{ rule(id: "rule:ai-diffusion") { id revokedBy { id } } ruleLineage(id: "rule:nope", maxDepth: 3) { edges { kind } } }', {}, 'NOT_FOUND'],
    ];
    for (const [query, variables, code] of cases) {
      const { compiled, reference } = await both(query, variables);
      expect({ query, ...compiled }).toEqual({ query, ...reference });
      expect({ query, code: reference.errors?.[0].code ?? null }).toEqual({ query, code });
    }
  });

  it('for a Date given as a literal, as a variable, and as a variable\'s default', async () => {
    const asked = [
      ['{ country(code: "SG") { tierAssignments(asOf: "2025-03-01") { tier { name } } } }', {}],
      ['query ($day: Date!) { country(code: "SG") { tierAssignments(asOf: $day) { tier { name } } } }', { day: '2025-03-01' }],
      ['query ($day: Date = "2025-03-01") { country(code: "SG") { tierAssignments(asOf: $day) { tier { name } } } }', {}],
    ] as const;
    const answers = [];
    for (const [query, variables] of asked) {
      const { compiled, reference } = await both(query, variables);
      expect(compiled).toEqual(reference);
      answers.push(compiled.data);
    }
    expect(answers[0]).toEqual({ country: { tierAssignments: [{ tier: { name: expect.stringMatching(/Tier 2/) } }] } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('for @skip and @include, fragments, aliases and __typename', async () => {
    const query = `query ($withTier: Boolean!, $day: Date) {
      sg: country(code: "SG") { ...named tierAssignments(asOf: $day) @include(if: $withTier) { tier { name } } }
      jp: country(code: "JP") { __typename ...named code @skip(if: $withTier) }
      node(id: "rule:ai-diffusion") { __typename ... on Rule { id title } ... on Country { code } }
    }
    fragment named on Country { name code }`;
    for (const variables of [{ withTier: true, day: '2025-06-01' }, { withTier: false }]) {
      const { compiled, reference } = await both(query, variables);
      expect(compiled).toEqual(reference);
      expect(compiled.errors).toBeUndefined();
      expect('tierAssignments' in (compiled.data as { sg: object }).sg).toBe(variables.withTier);
    }
  });

  it('for random valid operations from the emitted schema', async () => {
    const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
    let withErrors = 0;
    const details = await fc.check(
      fc.asyncProperty(fc.gen(), async (draw) => {
        const operation = generateOperation(schema, draw, draw(fc.integer, { min: 2, max: 6 }));
        const { compiled, reference } = await both(operation.query, operation.variables);
        if (reference.errors) withErrors += 1;
        expect({ query: operation.query, ...compiled }).toEqual({ query: operation.query, ...reference });
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    if (details.failed) throw new Error(failureReport(details));
    process.stdout.write(`compiled vs graphql-js: ${details.numRuns} of ${RUNS} operations alike, ${withErrors} of them with errors (seed ${SEED})\n`);
    expect(details.numRuns).toBeGreaterThanOrEqual(MIN_RUNS);
  }, 180_000);
});
