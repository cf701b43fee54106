import { Statement } from '../../src/neo4j/graph';
import { createTestApp, TestApp } from '../support/app';

/** What a repeated document reuses (its compiled statements, its price) and what it must not. */
describe('work kept per document', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  async function statementsOf(query: string, variables: Record<string, unknown> = {}) {
    const sent: Statement[] = [];
    app.graph.onRead = (statement, params) => sent.push({ query: statement, params });
    try {
      return { result: await app.execute(query, variables), sent };
    } finally {
      app.graph.onRead = undefined;
    }
  }

  const COUNTRY = 'query ($code: String!) { country(code: $code) { name } again: country(code: "JP") { code } }';

  it('compiles a query root field once: the same document and variables send the very same statement', async () => {
    const first = await statementsOf(COUNTRY, { code: 'SG' });
    const second = await statementsOf(COUNTRY, { code: 'SG' });
    expect(first.result.data).toEqual({ country: { name: 'Singapore' }, again: { code: 'JP' } });
    expect(second.result.data).toEqual(first.result.data);
    expect(second.sent).toHaveLength(2);
    expect(second.sent[0].query).toBe(first.sent[0].query);
    expect(second.sent[1].query).toBe(first.sent[1].query);
  });

  it('compiles anew for other variables, and answers for them', async () => {
    const singapore = await statementsOf(COUNTRY, { code: 'SG' });
    const japan = await statementsOf(COUNTRY, { code: 'JP' });
    expect(japan.result.data).toEqual({ country: { name: 'Japan' }, again: { code: 'JP' } });
    expect(japan.sent[0].query).not.toBe(singapore.sent[0].query);
    expect(japan.sent[0].params).not.toEqual(singapore.sent[0].params);
  });

  it('prices the same document per variables: a larger page costs more each time it is asked', async () => {
    const PAGE = 'query ($first: Int!) { countries(first: $first) { edges { node { code } } } }';
    const costOf = async (first: number) => ((await app.execute(PAGE, { first })).extensions as { cost: { requested: number } }).cost.requested;
    const small = await costOf(2);
    const large = await costOf(40);
    expect(large).toBeGreaterThan(small);
    expect(await costOf(2)).toBe(small);
    expect(await costOf(40)).toBe(large);
  });

  it('refuses bad variables every time, not only the first', async () => {
    const PAGE = 'query ($first: Int!) { countries(first: $first) { edges { node { code } } } }';
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await app.execute(PAGE, { first: 'many' });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.data).toBeUndefined();
    }
  });
});
