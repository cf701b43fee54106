import { dataOf, useTestApp } from '../support/app';

/** The questions of the seed story, answered through GraphQL from the real graph. */
describe('questions analysts ask', () => {
  const app = useTestApp();
  const data = (query: string, variables?: Record<string, unknown>) => dataOf(app, query, variables);

  it('which rules touch Huawei Ascend chips, directly or through Huawei', async () => {
    const { rulesTouching } = await data(`{
      rulesTouching(entity: "Huawei Ascend") {
        rule { id } relation target { ... on ChipProduct { id } ... on Company { id } }
        path { ... on Rule { id } ... on Company { id } ... on ChipProduct { id } }
      }
    }`);
    const pairs = rulesTouching.map((t: any) => `${t.rule.id} ${t.relation} ${t.path.map((p: any) => p.id).join('>')}`);
    for (const chip of ['910b', '910c', '910d']) {
      expect(pairs).toContain(`rule:gp10-huawei-ascend-guidance PROHIBITS_USE rule:gp10-huawei-ascend-guidance>chipProduct:huawei-ascend-${chip}`);
      expect(pairs).toContain(`rule:huawei-entity-list-2019 TARGETS rule:huawei-entity-list-2019>company:huawei>chipProduct:huawei-ascend-${chip}`);
    }
    expect(pairs).toContain('rule:huawei-entity-list-2019 TARGETS rule:huawei-entity-list-2019>company:huawei');
    expect(pairs.every((p: string) => !p.includes('nvidia'))).toBe(true);
  });

  it('resolves a name exactly and case-insensitively, a typo only when nothing closer matches, and a company to itself', async () => {
    const rules = async (entity: string) => {
      const { rulesTouching } = await data('query ($entity: String!) { rulesTouching(entity: $entity) { rule { id } target { ... on Node { id } } } }', { entity });
      return rulesTouching.map((t: any) => `${t.rule.id} ${t.target.id}`).sort();
    };
    const ascend = await rules('Huawei Ascend');
    expect(await rules('huawei ascend')).toEqual(ascend);
    expect(await rules('Ascend')).toEqual(ascend);
    expect(await rules('Ascnd')).toEqual(ascend);
    expect(await rules('Huawei')).toEqual(await rules('company:huawei'));
    // A product by name brings its maker along, as ids do not.
    expect(await rules('Ascend 910C')).toEqual([...await rules('chipProduct:huawei-ascend-910c'), ...await rules('company:huawei')].sort());
    // A name that names nothing is an error, not an empty answer (test/integration/impact-paths.test.ts).
    expect((await app.execute('{ rulesTouching(entity: "Xqzvw") { rule { id } } }')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('finds the same touches by id, keeps only those in force with asOf, and NOT_FOUND for an unknown id', async () => {
    const result = await data(`{
      byId: rulesTouching(entity: "chipProduct:huawei-ascend-910c") { rule { id } }
      before: rulesTouching(entity: "chipProduct:huawei-ascend-910c", asOf: "2025-01-01") { rule { id } }
      h100Now: rulesTouching(entity: "chipProduct:nvidia-h100", asOf: "2025-06-01") { rule { id } relation }
      h100Then: rulesTouching(entity: "chipProduct:nvidia-h100", asOf: "2025-03-01") { rule { id } }
    }`);
    // Directly and through Huawei, and (on any date) through ECCN 3A090, which the chip is classified under
    // (INFERRED) and which the advanced-computing rules, their corrections and the AI Diffusion Rule created or changed.
    expect(new Set(result.byId.map((t: any) => t.rule.id))).toEqual(
      new Set([
        'rule:gp10-huawei-ascend-guidance', 'rule:huawei-entity-list-2019', 'rule:huawei-fdp-2020', 'rule:huawei-fdp-2020-08',
        'rule:advanced-computing-2022', 'rule:advanced-computing-2023', 'rule:advanced-computing-corrections-2024', 'rule:ai-diffusion',
        'rule:foundry-due-diligence-2025', 'rule:foundry-due-diligence-correction-2025',
      ]),
    );
    expect(new Set(result.before.map((t: any) => t.rule.id))).toEqual(
      new Set(['rule:huawei-entity-list-2019', 'rule:huawei-fdp-2020', 'rule:huawei-fdp-2020-08']),
    );
    expect(result.h100Then.map((t: any) => t.rule.id)).toContain('rule:ai-diffusion');
    // The AI Diffusion Rule's RESTRICTS touch ended on 2025-05-13; it still reaches the chip through ECCN 3A090,
    // which it changed (CONTROLS is not dated).
    expect(result.h100Now).not.toContainEqual({ rule: { id: 'rule:ai-diffusion' }, relation: 'RESTRICTS' });
    expect(result.h100Now).toContainEqual({ rule: { id: 'rule:ai-diffusion' }, relation: 'CONTROLS' });
    const unknown = await app.execute('{ rulesTouching(entity: "chipProduct:no-such-chip") { rule { id } } }');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'entity' });
  });

  it('which countries moved out of tier two in May 2025, and why', async () => {
    const { tierChanges } = await data(`{
      tierChanges(from: "2025-05-01", to: "2025-05-31", fromLevel: 2) {
        country { code } left { tier { level } validFrom validTo } entered { tier { id } } on cause { id }
      }
    }`);
    const codes = tierChanges.map((c: any) => c.country.code);
    expect(codes).toHaveLength(200);
    expect(codes).toEqual(expect.arrayContaining(['SG', 'IN', 'IL', 'AE', 'PT', 'GF']));
    expect(codes).not.toContain('ES');
    expect(tierChanges[0]).toMatchObject({
      left: { tier: { level: 2 }, validFrom: '2025-01-13', validTo: '2025-05-13' },
      entered: null,
      on: '2025-05-13',
      cause: { id: 'rule:ai-diffusion-rescission' },
    });
    const none = await data('{ tierChanges(from: "2025-06-01", to: "2025-12-31", fromLevel: 2) { country { code } } }');
    expect(none.tierChanges).toEqual([]);
  });

  it('what tier Singapore, Spain and Macau were in on 2025-03-01 and on 2025-06-01', async () => {
    const query = `query ($day: Date) {
      sg: country(code: "SG") { tierAssignments(asOf: $day) { tier { level name rule { id } } sources { id } } }
      es: country(code: "ES") { tierAssignments(asOf: $day) { tier { level } } }
      mo: country(code: "MO") { tierAssignments(asOf: $day) { tier { level } } }
    }`;
    const march = await data(query, { day: '2025-03-01' });
    expect(march.sg.tierAssignments).toEqual([
      {
        tier: { level: 2, name: 'Tier 2', rule: { id: 'rule:ai-diffusion' } },
        // The rule places it; the other two state that only enforcement stopped on 2025-05-13.
        sources: [{ id: 'source:fr-2025-00636' }, { id: 'source:bis-pr-2025-05-13' }, { id: 'source:pillsbury-2026-05-28' }],
      },
    ]);
    expect(march.es.tierAssignments).toEqual([{ tier: { level: 1 } }]);
    expect(march.mo.tierAssignments).toEqual([{ tier: { level: 3 } }]);
    const june = await data(query, { day: '2025-06-01' });
    expect([june.sg, june.es, june.mo].map((c: any) => c.tierAssignments)).toEqual([[], [], []]);
    const history = await data('{ country(code: "SG") { tierAssignments { validFrom validTo } } }');
    expect(history.country.tierAssignments).toEqual([{ validFrom: '2025-01-13', validTo: '2025-05-13' }]);
  });

  it('who instructed BIS not to enforce the rule, and what post they held', async () => {
    const { rule } = await data(`{
      rule(id: "rule:ai-diffusion") {
        officialActions { kind on text official { name offices { title agency { acronym } } } sources { publisher } }
      }
    }`);
    const instructed = rule.officialActions.filter((a: any) => a.kind === 'INSTRUCTED');
    expect(instructed).toHaveLength(1);
    expect(instructed[0]).toMatchObject({
      on: '2025-05-13',
      official: { name: 'Jeffrey Kessler', offices: [{ title: 'Under Secretary of Commerce for Industry and Security', agency: { acronym: 'BIS' } }] },
    });
    expect(instructed[0].text).toMatch(/not to enforce/);
    expect(instructed[0].sources.map((s: any) => s.publisher)).toContain('Bureau of Industry and Security');
    const { agency } = await data('{ agency(id: "agency:bis") { officials(asOf: "2025-01-13") { official { name } } } }');
    expect(agency.officials.map((o: any) => o.official.name).sort()).toEqual(['Alan F. Estevez', 'Thea D. Rozman Kendler']);
    const { agency: later } = await data('{ agency(id: "agency:bis") { officials(asOf: "2025-05-13") { official { name } } } }');
    expect(later.officials.map((o: any) => o.official.name)).toContain('Jeffrey Kessler');
  });

  it('the lineage of the AI Diffusion Rule, with a Mermaid drawing that parses back to the same graph', async () => {
    const { ruleLineage } = await data(`{
      ruleLineage(id: "rule:ai-diffusion", direction: BOTH, maxDepth: 5) {
        root { id } rules { id shortName title } edges { from { id } to { id } kind on } mermaid
      }
    }`);
    const edges = ruleLineage.edges.map((e: any) => `${e.from.id} ${e.kind} ${e.to.id}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'rule:ai-diffusion-rescission ENDS_ENFORCEMENT rule:ai-diffusion',
        'rule:ai-diffusion AMENDS rule:advanced-computing-2023',
        'rule:advanced-computing-2023 AMENDS rule:advanced-computing-2022',
      ]),
    );
    const lines: string[] = ruleLineage.mermaid.split('\n');
    expect(lines[0]).toBe('flowchart LR');
    const nodes = new Map(lines.map((l) => /^\s+(r\d+)\["([^"]*)"\]$/.exec(l)).filter(Boolean).map((m) => [m![1], m![2]]));
    const arrows = lines.map((l) => /^\s+(r\d+) -->\|(\w+)\| (r\d+)$/.exec(l)).filter(Boolean);
    expect(nodes.size).toBe(ruleLineage.rules.length);
    expect(arrows).toHaveLength(ruleLineage.edges.length);
    for (const arrow of arrows) expect(nodes.has(arrow![1]) && nodes.has(arrow![3])).toBe(true);
    const names = ruleLineage.rules.map((r: any) => r.shortName ?? r.title).sort();
    expect([...nodes.values()].sort()).toEqual(names);

    const shallow = await data('{ ruleLineage(id: "rule:ai-diffusion", direction: ANCESTORS, maxDepth: 1) { rules { id } } }');
    expect(new Set(shallow.ruleLineage.rules.map((r: any) => r.id))).toEqual(
      new Set(['rule:ai-diffusion', 'rule:advanced-computing-2023', 'rule:data-center-veu-2024']),
    );
  });

  it('what the 2025-05-13 announcement did: non-enforcement, not a published revocation', async () => {
    const { rule, lineage, ended } = await data(`{
      rule(id: "rule:ai-diffusion-rescission") { kind status(asOf: "2025-06-01") revokes { id } }
      lineage: ruleLineage(id: "rule:ai-diffusion-rescission", direction: ANCESTORS, maxDepth: 1) { edges { kind to { id } } }
      ended: rule(id: "rule:ai-diffusion") {
        revokedOn status(asOf: "2025-06-01") before: status(asOf: "2025-05-12") revokedBy { id } supersededBy { id }
        ending { on kind by { id } note sources { id } }
      }
    }`);
    // It rescinded nothing: the link is ENDS_ENFORCEMENT, not REVOKES.
    expect(rule).toEqual({ kind: 'ANNOUNCEMENT', status: 'IN_FORCE', revokes: [] });
    expect(lineage.edges).toEqual([{ kind: 'ENDS_ENFORCEMENT', to: { id: 'rule:ai-diffusion' } }]);
    expect(ended).toMatchObject({
      revokedOn: '2025-05-13', status: 'NOT_ENFORCED', before: 'IN_FORCE', revokedBy: [], supersededBy: [],
      ending: { on: '2025-05-13', kind: 'NON_ENFORCEMENT', by: { id: 'rule:ai-diffusion-rescission' } },
    });
    expect(ended.ending.note).toMatch(/No rescission was published/);
    expect(ended.ending.sources.map((s: any) => s.id)).toEqual(['source:bis-pr-2025-05-13', 'source:gao-b-337935', 'source:pillsbury-2026-05-28']);
    const { rule: inForce } = await data('{ rule(id: "rule:h200-license-review-2026") { ending { kind } } }');
    expect(inForce.ending).toBeNull();
  });
});
