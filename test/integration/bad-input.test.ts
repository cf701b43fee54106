import { dataOf, useTestApp } from '../support/app';

/** Issue 11, item 4: input a client gets wrong is BAD_USER_INPUT naming it, or the default answer; never an internal error. */
describe('bad input that once reached an internal error', () => {
  const app = useTestApp();

  async function badInput(query: string, argumentName: string, variables?: Record<string, unknown>) {
    const before = app.graph.statementCount;
    const result = await app.execute(query, variables);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(result.errors![0].message).toContain(`"${argumentName}"`);
    expect(app.graph.statementCount).toBe(before);
  }

  it('takes no inherited object key for an id prefix', async () => {
    for (const id of ['constructor:x', 'toString:x', '__proto__:x', 'hasOwnProperty:x']) {
      expect(await dataOf(app, 'query ($id: ID!) { node(id: $id) { id } }', { id })).toEqual({ node: null });
    }
  });

  it('answers null for an argument with a default as the default', async () => {
    const lineage = '{ ruleLineage(id: "rule:ai-diffusion", maxDepth: $) { rules { id } } }';
    expect(await dataOf(app, lineage.replace('$', 'null'))).toEqual(await dataOf(app, lineage.replace('$', '10')));
    const direction = '{ ruleLineage(id: "rule:ai-diffusion", direction: $) { rules { id } } }';
    expect(await dataOf(app, direction.replace('$', 'null'))).toEqual(await dataOf(app, direction.replace('$', 'BOTH')));
    const search = 'query ($n: Int) { search(text: "huawei", first: $n) { score } }';
    expect(await dataOf(app, search, { n: null })).toEqual(await dataOf(app, search, { n: 20 }));
    const pages = [
      '{ countries(first: $) { edges { node { code } } } }',
      '{ rules(first: $) { edges { node { id } } } }',
      '{ changes(first: $) { totalCount } }',
      '{ tier(id: "tier:ai-diffusion-2") { countries(first: $) { edges { node { code } } } } }',
    ];
    for (const page of pages) expect(await dataOf(app, page.replace('$', 'null'))).toEqual(await dataOf(app, page.replace('$', '50')));
  });

  it('refuses a forged cursor before any Cypher runs', async () => {
    await badInput('{ changes(after: "Y3Vyc29yOnh8eQ") { totalCount } }', 'after');
    const ruleCursor = (await dataOf(app, '{ rules(first: 1) { pageInfo { endCursor } } }')).rules.pageInfo.endCursor;
    await badInput('query ($c: String) { changes(after: $c) { totalCount } }', 'after', { c: ruleCursor });
    await badInput('query ($c: String) { countries(after: $c) { totalCount } }', 'after', { c: ruleCursor });
  });

  it('validates the fields of a nested input', async () => {
    await badInput('{ rules(filter: { text: "" }) { totalCount } }', 'filter.text');
    await badInput('query ($f: RuleFilter) { rules(filter: $f) { totalCount } }', 'filter.text', { f: { text: 'x'.repeat(201) } });
  });

  it('refuses inherited keys in a variable\'s input object, naming the variable, and pollutes nothing (round 3, item 10)', async () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const f = JSON.parse(`{"text": "huawei", "${key}": {"polluted": true}}`);
      const before = app.graph.statementCount;
      const result = await app.execute('query ($f: RuleFilter) { rules(filter: $f) { totalCount } }', { f });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', variableName: 'f' });
      expect(result.errors![0].message).toContain(`Field "${key}" is not defined by type "RuleFilter"`);
      expect(app.graph.statementCount).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});
