import { createTestApp } from '../support/app';

describe('country queries', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('reads a country by code from Neo4j', async () => {
    const result = await app.execute('{ country(code: "JP") { id code name } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.country).toEqual({ id: 'country:JP', code: 'JP', name: 'Japan' });
  });

  it('accepts a lower-case code and answers null for a well-formed code that does not exist', async () => {
    const result = await app.execute('{ sg: country(code: "sg") { name } none: country(code: "ZZ") { name } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ sg: { name: 'Singapore' }, none: null });
  });

  it('refuses a malformed code with BAD_USER_INPUT', async () => {
    const result = await app.execute('{ country(code: "Japan") { name } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toContain('code');
  });

  it('pages through every country exactly once with stable cursors', async () => {
    const query = 'query ($after: String) { countries(first: 100, after: $after) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }';
    const codes: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result = await app.execute(query, { after });
      expect(result.errors).toBeUndefined();
      const page = result.data!.countries;
      expect(page.totalCount).toBeGreaterThanOrEqual(249);
      codes.push(...page.edges.map((e: { node: { code: string } }) => e.node.code));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    const again = await app.execute(query, { after: null });
    expect(again.data!.countries.edges[99].cursor).toBeDefined();
  });

  it('refuses a page size above 100 or below 1 instead of clamping it', async () => {
    for (const first of [101, 0, -5]) {
      const result = await app.execute('query ($first: Int) { countries(first: $first) { totalCount } }', { first });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(/first|Argument Validation Error/);
    }
  });
});
