import { dataOf, useTestApp } from '../support/app';

describe('the read API', () => {
  const app = useTestApp();
  const data = (query: string, variables?: Record<string, unknown>) => dataOf(app, query, variables);

  async function badInput(query: string, argument: string, variables?: Record<string, unknown>) {
    const result = await app.execute(query, variables);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain(`"${argument}"`);
  }

  it('gives a rule its status on a day by the half-open interval rule', async () => {
    const statuses = await data(`{
      rule(id: "rule:ai-diffusion") {
        before: status(asOf: "2025-01-12") first: status(asOf: "2025-01-13") during: status(asOf: "2025-05-12")
        revokedDay: status(asOf: "2025-05-13") now: status
      }
    }`);
    // BIS stopped enforcing it on 2025-05-13 without publishing a rescission.
    expect(statuses.rule).toEqual({ before: 'PENDING', first: 'IN_FORCE', during: 'IN_FORCE', revokedDay: 'NOT_ENFORCED', now: 'NOT_ENFORCED' });
  });

  it('resolves node(id) for every type and null for an id nothing has', async () => {
    const ids = ['country:SG', 'tier:ai-diffusion-2', 'rule:ai-diffusion', 'agency:bis', 'official:jeffrey-kessler',
      'chipProduct:nvidia-h100', 'company:huawei', 'source:fr-2025-00636'];
    for (const id of ids) {
      const { node } = await data('query ($id: ID!) { node(id: $id) { __typename id } }', { id });
      expect(node.id).toBe(id);
    }
    const missing = await data('{ a: node(id: "rule:none") { id } b: node(id: "nonsense") { id } c: rule(id: "rule:none") { id } d: company(id: "company:none") { id } }');
    expect(missing).toEqual({ a: null, b: null, c: null, d: null });
  });

  it('reads every type of the contract with its relationships', async () => {
    const { chipProduct, company, tier } = await data(`{
      chipProduct(id: "chipProduct:nvidia-h100") { name family tpp eccn maker { name country { code } products { name } } }
      company(id: "company:huawei") { country { code companies { id } } products { name } }
      tier(id: "tier:ai-diffusion-2") { level computeCapTpp rule { shortName tiers { level } issuedBy { acronym parent { acronym } rules { id } } } }
    }`);
    // No source states the H100's family; its TPP is worked out from Nvidia's published figures and its
    // ECCN is the classification in force today (both INFERRED in the seed, with the reasoning in their notes).
    expect(chipProduct).toEqual({ name: 'Nvidia H100', family: null, tpp: 15831, eccn: '3A090', maker: expect.objectContaining({ name: 'Nvidia', country: { code: 'US' } }) });
    expect(chipProduct.maker.products).toHaveLength(6);
    expect(company.country.code).toBe('CN');
    expect(company.country.companies.map((c: any) => c.id)).toEqual(expect.arrayContaining(['company:huawei', 'company:smic']));
    expect(company.products.map((p: any) => p.name)).toEqual(['Huawei Ascend 910B', 'Huawei Ascend 910C', 'Huawei Ascend 910D']);
    expect(tier).toMatchObject({ level: 2, computeCapTpp: 790000000, rule: { shortName: 'AI Diffusion Rule', tiers: [{ level: 1 }, { level: 2 }, { level: 3 }] } });
    expect(tier.rule.issuedBy[0]).toMatchObject({ acronym: 'BIS', parent: { acronym: 'DOC' } });
    expect(tier.rule.issuedBy[0].rules.length).toBe(29);
  });

  it('pages tier members and rules with cursors, and filters rules', async () => {
    const first = await data('{ tier(id: "tier:ai-diffusion-1") { countries(asOf: "2025-03-01", first: 20) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } } }');
    const page = first.tier.countries;
    expect(page.totalCount).toBe(25);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await data('query ($after: String) { tier(id: "tier:ai-diffusion-1") { countries(asOf: "2025-03-01", first: 20, after: $after) { edges { node { code } } pageInfo { hasNextPage } } } }', { after: page.pageInfo.endCursor });
    expect(rest.tier.countries.edges).toHaveLength(5);
    expect(rest.tier.countries.pageInfo.hasNextPage).toBe(false);
    const after = await data('{ tier(id: "tier:ai-diffusion-1") { countries(asOf: "2025-06-01") { totalCount } } }');
    expect(after.tier.countries.totalCount).toBe(0);

    const guidance = await data('{ rules(filter: { kinds: [GUIDANCE] }) { totalCount edges { node { id } } } }');
    expect(guidance.rules.totalCount).toBe(3);
    const inForce = await data('{ rules(filter: { inForceOn: "2025-03-01", text: "diffusion" }) { edges { node { id } } } }');
    expect(inForce.rules.edges.map((e: any) => e.node.id)).toEqual(['rule:ai-diffusion']);
    const byAgency = await data('{ rules(filter: { issuedByAgencyId: "agency:bis" }, first: 5) { totalCount edges { cursor } pageInfo { hasNextPage } } }');
    expect(byAgency.rules).toMatchObject({ totalCount: 29, pageInfo: { hasNextPage: true } });
  });

  it('searches names, aliases, citations and document numbers, tolerating typos, best first', async () => {
    const top = async (text: string) => (await data('query ($text: String!) { search(text: $text, first: 5) { score entity { ... on Node { id } } } }', { text })).search;
    expect((await top('Ascnd')).map((h: any) => h.entity.id)).toEqual(expect.arrayContaining(['chipProduct:huawei-ascend-910b']));
    expect((await top('Kesler'))[0].entity.id).toBe('official:jeffrey-kessler');
    expect((await top('Singapor'))[0].entity.id).toBe('country:SG');
    expect((await top('Burma'))[0].entity.id).toBe('country:MM');
    expect((await top('UAE'))[0].entity.id).toBe('country:AE');
    expect((await top('90 FR 4544'))[0].entity.id).toBe('rule:ai-diffusion');
    expect((await top('2025-00711'))[0].entity.id).toBe('rule:foundry-due-diligence-2025');
    const hits = await top('Huawei');
    expect(hits.map((h: any) => h.score)).toEqual([...hits.map((h: any) => h.score)].sort((a, b) => b - a));
    expect(await top('+-&&||!(){}[]^"~*?:\\/')).toEqual([]);
  });

  it('orders search hits: exact names first, then words and prefixes, and typos only when nothing closer matches', async () => {
    const ids = async (text: string, first = 5) =>
      (await data('query ($text: String!, $first: Int) { search(text: $text, first: $first) { score entity { ... on Node { id } } } }', { text, first })).search
        .map((hit: any) => hit.entity.id);
    // Lucene's scores of word and typo hits move with the index's history (a re-seed deletes and re-adds
    // documents), so beyond the best hit these checks name the set, not the order.
    // A name, case-insensitively, first; then what mentions its words.
    const huawei = await ids('huawei');
    expect(huawei[0]).toBe('company:huawei');
    expect(huawei).toHaveLength(5);
    for (const id of huawei) expect(id).toContain('huawei');
    // A product family, with or without its maker, names each of its chips (ties in id order).
    const ascend = ['chipProduct:huawei-ascend-910b', 'chipProduct:huawei-ascend-910c', 'chipProduct:huawei-ascend-910d'];
    expect((await ids('Huawei  Ascend')).slice(0, 3)).toEqual(ascend);
    // Words and prefixes: the chip with both words first; no typo matching, since the words matched.
    const ascnd910c = await ids('Ascnd 910C');
    expect(ascnd910c[0]).toBe('chipProduct:huawei-ascend-910c');
    expect(ascnd910c).toContain('rule:gp10-huawei-ascend-guidance');
    expect(await ids('Singapor')).toEqual(['country:SG']);
    // Nothing matches as typed: one edit per word.
    expect((await ids('Kesler'))[0]).toBe('official:jeffrey-kessler');
    expect(await ids('Ascnd')).toEqual(expect.arrayContaining(['rule:gp10-huawei-ascend-guidance', ...ascend]));
    expect((await ids('Kesslerr Kesler'))[0]).toBe('official:jeffrey-kessler');
    expect(await ids('Xqzvw')).toEqual([]);
    // first bounds the page, exact names included.
    expect(await ids('Ascend', 2)).toEqual(ascend.slice(0, 2));
  });

  it('refuses bad arguments with BAD_USER_INPUT naming the argument', async () => {
    await badInput('{ rule(id: "rule:ai-diffusion") { status(asOf: "2025-13-45") } }', 'asOf');
    await badInput('query ($day: Date) { country(code: "SG") { tierAssignments(asOf: $day) { validFrom } } }', '$day', { day: 'yesterday' });
    await badInput('{ ruleLineage(id: "rule:ai-diffusion", direction: SIDEWAYS) { mermaid } }', 'direction');
    await badInput('{ ruleLineage(id: "rule:ai-diffusion", maxDepth: 26) { mermaid } }', 'maxDepth');
    await badInput('{ ruleLineage(id: "rule:ai-diffusion", maxDepth: 0) { mermaid } }', 'maxDepth');
    await badInput('{ country(code: "S1") { name } }', 'code');
    await badInput('{ countries(first: 101) { totalCount } }', 'first');
    await badInput('{ rules(filter: { inForceOn: "soon" }) { totalCount } }', 'filter.inForceOn');
    await badInput('{ tierChanges(from: "2025-06-01", to: "2025-05-01") { on } }', 'to');
    await badInput('{ rule(id: "country:SG") { id } }', 'id');
    await badInput('{ countries(after: "bogus") { totalCount } }', 'after');
  });

  it('answers a nested list four levels deep with one statement', async () => {
    const before = app.graph.statementCount;
    const result = await data(`{
      countries(first: 50) { edges { node { code tierAssignments { tier { rule { issuedBy { name } } } sources { id } } } } }
    }`);
    const sent = app.graph.statementCount - before;
    expect(result.countries.edges).toHaveLength(50);
    expect(result.countries.edges[0].node.tierAssignments[0].tier.rule.issuedBy[0].name).toBe('Bureau of Industry and Security');
    // The whole tree, four levels deep, in the root field's one statement.
    expect(sent).toBe(1);
  });

  it("answers a country and its tier assignments, aliased twice, with one statement", async () => {
    const sent = async (query: string, variables?: Record<string, unknown>) => {
      const before = app.graph.statementCount;
      const result = await data(query, variables);
      return { result, statements: app.graph.statementCount - before };
    };
    const nested = await sent('{ country(code: "SG") { code a: tierAssignments(asOf: "2025-03-01") { tier { name } validFrom validTo } } }');
    expect(nested.statements).toBe(1);
    // Asked twice with different arguments, each alias is its own subquery of the same statement.
    const twice = await sent('{ country(code: "SG") { code a: tierAssignments(asOf: "2025-03-01") { tier { name } validFrom validTo } b: tierAssignments { validFrom } } }');
    expect(twice.statements).toBe(1);
    expect(twice.result.country.a).toEqual(nested.result.country.a);
    expect(nested.result.country.a).toEqual([{ tier: { name: 'Tier 2' }, validFrom: '2025-01-13', validTo: '2025-05-13' }]);
    expect(twice.result.country.b.length).toBeGreaterThanOrEqual(1);

    const viaFragment = await sent(`query ($asOf: Date) { countries(first: 3) { edges { node { ...F } } } }
      fragment F on Country { code tierAssignments(asOf: $asOf) { tier { level } } }`, { asOf: '2025-03-01' });
    expect(viaFragment.statements).toBe(1);
    expect(viaFragment.result.countries.edges.map((e: any) => [e.node.code, e.node.tierAssignments.map((a: any) => a.tier.level)]))
      .toEqual([['AD', [2]], ['AE', [2]], ['AF', [3]]]);
  });
});
