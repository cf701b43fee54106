import { Editors } from '../../src/domain/editor/editors';
import { createContext } from '../../src/graphql/context';
import { countGraph } from '../../src/seed/loader';
import { createTestApp } from '../support/app';

const ALICE = 'Bearer s3cret';

/** Everything this file writes is dated from 2026-12 on or named test-, and removed afterwards. */
const cleanUp = {
  name: 'testCleanUp',
  cypher: `
CALL { MATCH ()-[a:IN_TIER]->() WHERE a.validFrom >= date('2026-12-01') DELETE a }
CALL { MATCH (n) WHERE n:Change OR ((n:Rule OR n:Tier) AND n.id CONTAINS ':test-') DETACH DELETE n }`,
};

describe('the write API', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.graph.write((tx) => tx.run(cleanUp));
    await app.close();
  });

  async function write(query: string, variables?: Record<string, unknown>, authorization = ALICE) {
    const result = await app.execute(query, variables, authorization);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function refused(query: string, variables: Record<string, unknown> | undefined, authorization: string | undefined, code: string) {
    const before = await countGraph(app.graph);
    const result = await app.execute(query, variables, authorization);
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect(await countGraph(app.graph)).toEqual(before);
    return result.errors![0];
  }

  const upsert = 'mutation ($input: RuleInput!) { upsertRule(input: $input) { id title kind effectiveOn issuedBy { id } sources { id } } }';
  const assign = 'mutation ($input: TierAssignmentInput!) { assignTier(input: $input) { country { code } tier { id } validFrom validTo } }';

  it('refuses writes without a token, with a wrong one, and when none are configured, writing nothing', async () => {
    const input = { title: 'Unauthorised rule', kind: 'GUIDANCE' };
    await refused(upsert, { input }, undefined, 'UNAUTHENTICATED');
    await refused(upsert, { input }, 'Bearer nope', 'FORBIDDEN');
    await refused(upsert, { input }, 'Basic s3cret', 'UNAUTHENTICATED');
    // Bad input without a token is still an authentication failure: no detail leaks to strangers.
    await refused(upsert, { input: { title: 'x', kind: 'GUIDANCE', id: 'bad id' } }, undefined, 'UNAUTHENTICATED');
    const disabled = await app.apollo.executeOperation(
      { query: upsert, variables: { input } },
      { contextValue: createContext(app.graph, 'test', Editors.parse(''), ALICE) },
    );
    const errors = disabled.body.kind === 'single' ? disabled.body.singleResult.errors : undefined;
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/EDITOR_TOKENS/) });
  });

  it('creates a rule, reads it back, and keeps its relationships on update', async () => {
    const created = await write(upsert, {
      input: {
        id: 'rule:test-replacement', title: 'Replacement for the AI Diffusion Rule', kind: 'INTERIM_FINAL_RULE',
        issuedOn: '2026-12-01', effectiveOn: '2026-12-15', issuedByAgencyIds: ['agency:bis'], sourceIds: ['source:gao-b-337935'],
      },
    });
    expect(created.upsertRule).toMatchObject({ id: 'rule:test-replacement', effectiveOn: '2026-12-15', issuedBy: [{ id: 'agency:bis' }] });
    await write(upsert, {
      input: { id: 'rule:test-replacement', title: 'Replacement rule (renamed)', kind: 'FINAL_RULE', aliases: ['Test successor rule'], administration: 'Test', note: 'Test note.' },
    });
    const { rule } = await write('{ rule(id: "rule:test-replacement") { title kind effectiveOn status(asOf: "2026-12-10") issuedBy { id } sources { id } aliases administration note } }');
    expect(rule).toEqual({
      title: 'Replacement rule (renamed)', kind: 'FINAL_RULE', effectiveOn: '2026-12-15', status: 'PENDING',
      issuedBy: [{ id: 'agency:bis' }], sources: [{ id: 'source:gao-b-337935' }], aliases: ['Test successor rule'], administration: 'Test', note: 'Test note.',
    });
    // The agency link cites the rule's sources, as every link does.
    const [issuedBy] = await app.graph.read<{ sourceIds: string[] }>({
      name: 'testIssuedBySources', cypher: "MATCH (:Rule {id: 'rule:test-replacement'})-[l:ISSUED_BY]->(:Agency {id: 'agency:bis'}) RETURN l.sourceIds AS sourceIds",
    });
    expect(issuedBy.sourceIds).toEqual(['source:gao-b-337935']);
    // The new title is a name search finds exactly; the old one is not.
    const named = async (text: string) => (await write('query ($text: String!) { search(text: $text, first: 1) { entity { ... on Node { id } } } }', { text })).search;
    expect(await named('replacement rule (RENAMED)')).toEqual([{ entity: { id: 'rule:test-replacement' } }]);
    expect(await named('Replacement for the AI Diffusion Rule')).not.toEqual([{ entity: { id: 'rule:test-replacement' } }]);
    const made = await write(upsert, { input: { title: 'Test guidance: From a Title!', kind: 'GUIDANCE' } });
    expect(made.upsertRule.id).toBe('rule:test-guidance-from-a-title');
  });

  it('lists every failing field of bad input as BAD_USER_INPUT', async () => {
    const error = await refused(upsert, {
      input: { id: 'country:XX', title: 'ok title', kind: 'GUIDANCE', issuedOn: '2026-12-10', effectiveOn: '2026-12-01', citation: 'ninety FR', issuedByAgencyIds: ['bis'] },
    }, ALICE, 'BAD_USER_INPUT');
    expect(error.extensions?.invalidFields).toEqual(expect.arrayContaining(['id', 'effectiveOn', 'citation', 'issuedByAgencyIds']));
    await refused(upsert, { input: { title: 'ok title', kind: 'NOT_A_KIND' } }, ALICE, 'BAD_USER_INPUT');
    await refused(assign, { input: { countryCode: 'XQ', tierId: 'tier:ai-diffusion-1', validFrom: '2027-01-01' } }, ALICE, 'BAD_USER_INPUT');
    await refused(assign, { input: { countryCode: 'SG', tierId: 'tier:ai-diffusion-1', validFrom: '2027-01-01', validTo: '2027-01-01' } }, ALICE, 'BAD_USER_INPUT');
    await refused(assign, { input: { countryCode: 'SG', tierId: 'tier:nope', validFrom: '2027-01-01' } }, ALICE, 'BAD_USER_INPUT');
    await refused(assign, { input: { countryCode: 'SG', tierId: 'tier:ai-diffusion-1', validFrom: '2027-13-01' } }, ALICE, 'BAD_USER_INPUT');
  });

  it('leaves nothing behind when a write fails inside its transaction', async () => {
    // The rule is MERGEd first; the missing agency is found afterwards and the transaction rolls back.
    const error = await refused(upsert, {
      input: { id: 'rule:test-half-written', title: 'Half written', kind: 'GUIDANCE', issuedByAgencyIds: ['agency:bis', 'agency:missing'] },
    }, ALICE, 'BAD_USER_INPUT');
    expect(error.message).toContain('agency:missing');
    expect((await write('{ rule(id: "rule:test-half-written") { id } }')).rule).toBeNull();
  });

  it('moves Singapore from Tier 2 to Tier 1, visible in tierChanges and on both sides of the date', async () => {
    await write(assign, { input: { countryCode: 'SG', tierId: 'tier:ai-diffusion-2', validFrom: '2027-01-01', sourceIds: ['source:gao-b-337935'] } });
    const moved = await write(assign, { input: { countryCode: 'sg', tierId: 'tier:ai-diffusion-1', validFrom: '2027-03-01' } });
    expect(moved.assignTier).toEqual({ country: { code: 'SG' }, tier: { id: 'tier:ai-diffusion-1' }, validFrom: '2027-03-01', validTo: null });
    const { before, after, changes } = await write(`{
      before: country(code: "SG") { tierAssignments(asOf: "2027-02-28") { tier { level } } }
      after: country(code: "SG") { tierAssignments(asOf: "2027-03-01") { tier { level } } }
      changes: tierChanges(from: "2027-03-01", to: "2027-03-01", fromLevel: 2) { country { code } left { validFrom validTo } entered { tier { level } } }
    }`);
    expect(before.tierAssignments).toEqual([{ tier: { level: 2 } }]);
    expect(after.tierAssignments).toEqual([{ tier: { level: 1 } }]);
    expect(changes).toEqual([{ country: { code: 'SG' }, left: { validFrom: '2027-01-01', validTo: '2027-03-01' }, entered: { tier: { level: 1 } } }]);
    // Repeating the same write (as a driver retry would) changes nothing.
    const counts = await countGraph(app.graph);
    await write(assign, { input: { countryCode: 'SG', tierId: 'tier:ai-diffusion-1', validFrom: '2027-03-01' } });
    expect((await countGraph(app.graph)).relationships.IN_TIER).toBe(counts.relationships.IN_TIER);
    // An assignment reaching into a closed one is refused.
    await refused(assign, { input: { countryCode: 'SG', tierId: 'tier:ai-diffusion-3', validFrom: '2026-12-01', validTo: '2027-02-01' } }, ALICE, 'BAD_USER_INPUT');
  });

  it('links rules, refusing duplicates, self-links and cycles', async () => {
    await write(upsert, { input: { id: 'rule:test-a', title: 'Test rule A', kind: 'FINAL_RULE' } });
    await write(upsert, { input: { id: 'rule:test-b', title: 'Test rule B', kind: 'FINAL_RULE' } });
    const link = 'mutation ($input: RuleLinkInput!) { linkRules(input: $input) { from { id } to { id } kind on } }';
    const { linkRules } = await write(link, { input: { fromRuleId: 'rule:test-b', toRuleId: 'rule:test-a', kind: 'AMENDS', on: '2027-01-01' } });
    expect(linkRules).toEqual({ from: { id: 'rule:test-b' }, to: { id: 'rule:test-a' }, kind: 'AMENDS', on: '2027-01-01' });
    // The same link again is a retry (nothing written); with another date it is a conflict.
    const counts = await countGraph(app.graph);
    expect((await write(link, { input: { fromRuleId: 'rule:test-b', toRuleId: 'rule:test-a', kind: 'AMENDS', on: '2027-01-01' } })).linkRules).toEqual(linkRules);
    expect(await countGraph(app.graph)).toEqual(counts);
    await refused(link, { input: { fromRuleId: 'rule:test-b', toRuleId: 'rule:test-a', kind: 'AMENDS' } }, ALICE, 'CONFLICT');
    const cycle = await refused(link, { input: { fromRuleId: 'rule:test-a', toRuleId: 'rule:test-b', kind: 'SUPERSEDES' } }, ALICE, 'BAD_USER_INPUT');
    expect(cycle.message).toMatch(/own ancestor/);
    await refused(link, { input: { fromRuleId: 'rule:test-a', toRuleId: 'rule:test-a', kind: 'AMENDS' } }, ALICE, 'BAD_USER_INPUT');
    await refused(link, { input: { fromRuleId: 'rule:test-a', toRuleId: 'rule:test-missing', kind: 'AMENDS' } }, ALICE, 'BAD_USER_INPUT');
    const { ruleLineage } = await write('{ ruleLineage(id: "rule:test-a") { edges { kind } } }');
    expect(ruleLineage.edges).toEqual([{ kind: 'AMENDS' }]);
  });

  it('revokes a rule, ending its open assignments and recording the revoking rule as the cause', async () => {
    await app.graph.write((tx) => tx.run({
      name: 'testTierFixture',
      cypher: `
MATCH (r:Rule {id: 'rule:test-a'})
CREATE (t:Tier {id: 'tier:test-a-1', level: 1, name: 'Test tier'})-[:DEFINED_BY]->(r)
WITH t
MATCH (c:Country) WHERE c.code IN ['NZ', 'NO']
CREATE (c)-[:IN_TIER {validFrom: date('2027-01-01'), sourceIds: ['source:fr-2025-00636']}]->(t)`,
    }));
    const revoke = 'mutation ($input: RevokeRuleInput!) { revokeRule(input: $input) { id revokedOn status(asOf: "2027-06-01") revokedBy { id } ending { kind by { id } } } }';
    const { revokeRule } = await write(revoke, { input: { ruleId: 'rule:test-a', revokedByRuleId: 'rule:test-b', on: '2027-06-01' } });
    expect(revokeRule).toEqual({
      id: 'rule:test-a', revokedOn: '2027-06-01', status: 'REVOKED', revokedBy: [{ id: 'rule:test-b' }],
      ending: { kind: 'FORMAL_RESCISSION', by: { id: 'rule:test-b' } },
    });
    const { tierChanges } = await write('{ tierChanges(from: "2027-06-01", to: "2027-06-01", ruleId: "rule:test-a") { country { code } entered { validFrom } cause { id } } }');
    expect(tierChanges).toEqual([
      { country: { code: 'NO' }, entered: null, cause: { id: 'rule:test-b' } },
      { country: { code: 'NZ' }, entered: null, cause: { id: 'rule:test-b' } },
    ]);
    // A rule ends once: another date is a conflict.
    await refused(revoke, { input: { ruleId: 'rule:test-a', on: '2027-07-01' } }, ALICE, 'CONFLICT');
  });

  it('records how a rule ended: non-enforcement with a note (linked as ENDS_ENFORCEMENT), or supersession linked as SUPERSEDES', async () => {
    for (const id of ['rule:test-c', 'rule:test-d']) await write(upsert, { input: { id, title: `Test ${id}`, kind: 'FINAL_RULE', effectiveOn: '2027-01-01' } });
    const revoke = `mutation ($input: RevokeRuleInput!) {
      revokeRule(input: $input) { status(asOf: "2027-09-01") ending { on kind note by { id } } }
    }`;
    const notEnforced = await write(revoke, { input: { ruleId: 'rule:test-c', revokedByRuleId: 'rule:test-b', on: '2027-08-01', kind: 'NON_ENFORCEMENT', note: 'Agency said it would not enforce it.' } });
    expect(notEnforced.revokeRule).toEqual({
      status: 'NOT_ENFORCED',
      ending: { on: '2027-08-01', kind: 'NON_ENFORCEMENT', note: 'Agency said it would not enforce it.', by: { id: 'rule:test-b' } },
    });
    const superseded = await write(revoke, { input: { ruleId: 'rule:test-d', revokedByRuleId: 'rule:test-c', on: '2027-08-01', kind: 'SUPERSEDED' } });
    expect(superseded.revokeRule).toEqual({ status: 'REVOKED', ending: { on: '2027-08-01', kind: 'SUPERSEDED', note: null, by: { id: 'rule:test-c' } } });
    const { ruleLineage } = await write('{ ruleLineage(id: "rule:test-c", direction: BOTH, maxDepth: 1) { edges { from { id } kind to { id } note } } }');
    expect(ruleLineage.edges).toEqual(expect.arrayContaining([
      { from: { id: 'rule:test-b' }, kind: 'ENDS_ENFORCEMENT', to: { id: 'rule:test-c' }, note: 'Agency said it would not enforce it.' },
      { from: { id: 'rule:test-c' }, kind: 'SUPERSEDES', to: { id: 'rule:test-d' }, note: null },
    ]));
  });

  it('lands 50 concurrent moves of different countries', async () => {
    const codes = (await write('{ countries(first: 50) { edges { node { code } } } }')).countries.edges.map((e: any) => e.node.code);
    const results = await Promise.all(codes.map((countryCode: string) =>
      app.execute(assign, { input: { countryCode, tierId: 'tier:ai-diffusion-2', validFrom: '2028-01-01' } }, ALICE)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const [row] = await app.graph.read<{ count: number }>({ name: 'testCount', cypher: "MATCH ()-[a:IN_TIER {validFrom: date('2028-01-01')}]->() RETURN count(a) AS count" });
    expect(row.count).toBe(50);
  });

  it('keeps one open assignment and a consistent history under 20 concurrent moves of one country', async () => {
    const days = Array.from({ length: 20 }, (_, i) => `2029-01-${String(i + 1).padStart(2, '0')}`);
    const tiers = ['tier:ai-diffusion-1', 'tier:ai-diffusion-2', 'tier:ai-diffusion-3'];
    const results = await Promise.all(days.map((validFrom, i) =>
      app.execute(assign, { input: { countryCode: 'FR', tierId: tiers[i % 3], validFrom } }, bobOrAlice(i))));
    const { country } = await write('{ country(code: "FR") { tierAssignments { validFrom validTo } } }');
    const recent = country.tierAssignments.filter((a: any) => a.validFrom >= '2029-01-01');
    expect(recent.filter((a: any) => a.validTo === null)).toHaveLength(1);
    for (let i = 1; i < recent.length; i += 1) expect(recent[i - 1].validTo).toBe(recent[i].validFrom);
    // Writes that came after a later one would overlap it and are refused; none fails for another reason.
    for (const result of results.filter((r) => r.errors)) expect(result.errors![0].message).toMatch(/overlap/);
    expect(recent.length).toBe(results.filter((r) => !r.errors).length);
  });

  it('records who wrote what as a feed, newest first, without tokens', async () => {
    // Bob's only other writes are among the 20 racing moves, and which of those land depends on timing.
    await write('mutation { upsertRule(input: { id: "rule:test-by-bob", title: "Written by Bob", kind: GUIDANCE }) { id } }', undefined, 'Bearer t0ken');
    const { changes } = await write('{ changes(first: 3) { totalCount edges { node { at editor operation entityIds } } } }');
    // 3 rule upserts, 2 moves of Singapore, 2 test rules, 1 link, 1 revocation, 50 concurrent moves, at least one of the 20, Bob's rule.
    expect(changes.totalCount).toBeGreaterThanOrEqual(61);
    const nodes = changes.edges.map((e: any) => e.node);
    expect(nodes[0]).toMatchObject({ editor: 'bob', operation: 'upsertRule', entityIds: ['rule:test-by-bob'] });
    expect(nodes.map((n: any) => n.at)).toEqual([...nodes.map((n: any) => n.at)].sort().reverse());
    expect(JSON.stringify(changes)).not.toMatch(/s3cret|t0ken/);
    const recent = await write('{ changes(first: 100) { edges { node { editor } } } }');
    // The seed's own Changes (editor seed) come first in the feed, so a short suite reaches them.
    const editors = new Set(recent.changes.edges.map((e: any) => e.node.editor));
    expect([...editors].filter((editor) => editor !== 'seed').sort()).toEqual(['alice', 'bob']);
  });

  it('pages newest first with stable cursors and filters by since', async () => {
    const upsert = 'mutation ($input: RuleInput!) { upsertRule(input: $input) { id } }';
    const start = new Date().toISOString();
    for (const n of [1, 2, 3, 4, 5]) {
      await app.execute(upsert, { input: { id: `rule:test-feed-${n}`, title: `Feed test ${n}`, kind: 'GUIDANCE' } }, ALICE);
    }
    const page = 'query ($since: DateTime, $after: String, $first: Int) { changes(since: $since, first: $first, after: $after) { totalCount edges { node { entityIds } } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result = await app.execute(page, { since: start, after, first: 2 });
      expect(result.errors).toBeUndefined();
      const changes = result.data!.changes;
      expect(changes.totalCount).toBe(5);
      seen.push(...changes.edges.map((e: any) => e.node.entityIds[0]));
      if (!changes.pageInfo.hasNextPage) break;
      after = changes.pageInfo.endCursor;
    }
    // Two writes may land in the same millisecond, and then the feed orders them by id, not by
    // which came first: the pages must give what one page gives, each write once.
    const whole = await app.execute(page, { since: start, after: null, first: 5 });
    expect(seen).toEqual(whole.data!.changes.edges.map((e: any) => e.node.entityIds[0]));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5].map((n) => `rule:test-feed-${n}`));
  });
});

function bobOrAlice(i: number): string {
  return i % 2 === 0 ? 'Bearer t0ken' : 'Bearer s3cret';
}
