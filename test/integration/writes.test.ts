import { ruleIdFromTitle } from '../../src/domain/rule/rule.writes';
import { createTestApp, TestApp } from '../support/app';

const ALICE = 'Bearer s3cret';
const upsert = 'mutation ($input: RuleInput!) { upsertRule(input: $input) { id title } }';
const link = 'mutation ($input: RuleLinkInput!) { linkRules(input: $input) { from { id } to { id } kind } }';
const revoke = 'mutation ($input: RevokeRuleInput!) { revokeRule(input: $input) { id revokedOn } }';
const assign = 'mutation ($input: TierAssignmentInput!) { assignTier(input: $input) { tier { id } validFrom validTo } }';

/** Rules this file makes are named rule:test-w-... (or listed in madeIds); its assignments are Antarctica's from 2033 on. */
const cleanUp = {
  name: 'testWritesCleanUp',
  cypher: `
CALL { MATCH (:Country {code: 'AQ'})-[a:IN_TIER]->() WHERE a.validFrom >= date('2033-01-01') DELETE a }
CALL {
  MATCH (n) WHERE (n:Rule AND (n.id STARTS WITH 'rule:test-w-' OR n.id IN $madeIds))
    OR (n:Change AND any(id IN n.entityIds WHERE id STARTS WITH 'rule:test-w-' OR id IN $madeIds OR id = 'country:AQ'))
  DETACH DELETE n
}`,
};

/** Rules on a lineage cycle, among this file's. */
const rulesOnCycles = {
  name: 'testRulesOnCycles',
  cypher: `
MATCH (r:Rule) WHERE r.id STARTS WITH 'rule:test-w-' AND EXISTS { MATCH (r)-[:REVOKES|AMENDS|SUPERSEDES|IMPLEMENTS*1..]->(r) }
RETURN r.id AS id`,
};

describe('writes that must not corrupt the graph', () => {
  let app: TestApp;
  const madeIds: string[] = [];
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.graph.write((tx) => tx.run(cleanUp, { madeIds }));
    await app.close();
  });

  async function write(query: string, variables: Record<string, unknown>) {
    const result = await app.execute(query, variables, ALICE);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function refused(query: string, variables: Record<string, unknown>, argumentName: string) {
    const result = await app.execute(query, variables, ALICE);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    return result.errors![0].message;
  }

  async function conflict(query: string, variables: Record<string, unknown>, argumentName: string) {
    const result = await app.execute(query, variables, ALICE);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argumentName });
    return result.errors![0].message;
  }

  async function makeRules(...ids: string[]) {
    await app.graph.write((tx) => tx.run({
      name: 'testMakeRules',
      cypher: "UNWIND $ids AS id CREATE (:Rule {id: id, title: 'Test ' + id, kind: 'FINAL_RULE', aliases: []})",
    }, { ids }));
  }

  describe('lineage', () => {
    it('refuses a rule revoking itself, also when it is already revoked on that date', async () => {
      await makeRules('rule:test-w-self');
      await write(revoke, { input: { ruleId: 'rule:test-w-self', on: '2032-01-01' } });
      const message = await refused(revoke, { input: { ruleId: 'rule:test-w-self', revokedByRuleId: 'rule:test-w-self', on: '2032-01-01' } }, 'input.revokedByRuleId');
      expect(message).toMatch(/cannot act on itself/);
      expect(await app.graph.read(rulesOnCycles)).toEqual([]);
    });

    it('refuses a revocation that closes a cycle, also when the rule is already revoked, and repeats a revocation harmlessly', async () => {
      await makeRules('rule:test-w-old', 'rule:test-w-new');
      await write(link, { input: { fromRuleId: 'rule:test-w-old', toRuleId: 'rule:test-w-new', kind: 'AMENDS' } });
      await write(revoke, { input: { ruleId: 'rule:test-w-old', on: '2032-02-01' } });
      const message = await refused(revoke, { input: { ruleId: 'rule:test-w-old', revokedByRuleId: 'rule:test-w-new', on: '2032-02-01' } }, 'input.revokedByRuleId');
      expect(message).toMatch(/own ancestor/);
      expect(await app.graph.read(rulesOnCycles)).toEqual([]);

      // The seed applies its revocations again on every load: the same revocation twice is one link.
      await makeRules('rule:test-w-rescinder');
      const input = { ruleId: 'rule:test-w-new', revokedByRuleId: 'rule:test-w-rescinder', on: '2032-03-01' };
      await write(revoke, { input });
      await write(revoke, { input });
      const [changes] = await app.graph.read<{ count: number }>({
        name: 'testRevokeChanges',
        cypher: "MATCH (c:Change {operation: 'revokeRule'}) WHERE 'rule:test-w-new' IN c.entityIds RETURN count(c) AS count",
      });
      expect(changes.count).toBe(1);
      const [row] = await app.graph.read<{ links: number }>({
        name: 'testRevokesLinks',
        cypher: "MATCH (:Rule {id: 'rule:test-w-rescinder'})-[l:REVOKES]->(:Rule {id: 'rule:test-w-new'}) RETURN count(l) AS links",
      });
      expect(row.links).toBe(1);
    });

    it('never lets two racing lineage writes close a cycle, whichever wins', async () => {
      // Each group: a -> b and c -> d; linking b -> c and, at the same time, d revoking a would close a -> b -> c -> d -> a.
      const rounds = 10;
      const groups = 5;
      let linkWins = 0;
      let revokeWins = 0;
      for (let round = 0; round < rounds; round += 1) {
        const names = Array.from({ length: groups }, (_, g) => `rule:test-w-race-${round}-${g}`);
        await app.graph.write((tx) => tx.run({
          name: 'testRaceFixture',
          cypher: `
UNWIND $names AS name
CREATE (a:Rule {id: name + '-a', title: 'a', kind: 'FINAL_RULE', aliases: []})-[:AMENDS]->(:Rule {id: name + '-b', title: 'b', kind: 'FINAL_RULE', aliases: []})
CREATE (c:Rule {id: name + '-c', title: 'c', kind: 'FINAL_RULE', aliases: []})-[:AMENDS]->(:Rule {id: name + '-d', title: 'd', kind: 'FINAL_RULE', aliases: []})`,
        }, { names }));
        const results = await Promise.all(names.flatMap((name) => [
          app.execute(link, { input: { fromRuleId: `${name}-b`, toRuleId: `${name}-c`, kind: 'SUPERSEDES' } }, ALICE),
          app.execute(revoke, { input: { ruleId: `${name}-a`, revokedByRuleId: `${name}-d`, on: '2032-04-01' } }, ALICE),
        ]));
        for (let g = 0; g < groups; g += 1) {
          const [linked, revoked] = [results[2 * g], results[2 * g + 1]];
          // The first to take the lineage lock lands; the other sees its link and is refused.
          expect([linked, revoked].filter((r) => !r.errors)).toHaveLength(1);
          const loser = linked.errors ? linked : revoked;
          expect(loser.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
          expect(loser.errors![0].message).toMatch(/own ancestor/);
          if (linked.errors) revokeWins += 1;
          else linkWins += 1;
        }
      }
      expect(await app.graph.read(rulesOnCycles)).toEqual([]);
      process.stdout.write(`lineage race: ${rounds * groups} racing pairs, links won ${linkWins}, revocations won ${revokeWins}, no cycle\n`);
    });
  });

  describe('creating a rule without an id', () => {
    it('refuses a title whose id another rule has as a conflict, naming it, and changes nothing', async () => {
      const message = await conflict(upsert, { input: { title: 'AI Diffusion', kind: 'GUIDANCE' } }, 'input.title');
      expect(message).toContain('rule:ai-diffusion');
      const { rule } = await write('{ rule(id: "rule:ai-diffusion") { title kind } }', {});
      expect(rule.title).not.toBe('AI Diffusion');
      expect(rule.kind).not.toBe('GUIDANCE');
    });

    it('gives non-Latin titles ids of their own, transliterated, never rule:untitled', async () => {
      const chinese = await write(upsert, { input: { title: '人工智能芯片出口管制测试', kind: 'GUIDANCE' } });
      const russian = await write(upsert, { input: { title: 'Правило об экспорте чипов (тест)', kind: 'GUIDANCE' } });
      madeIds.push(chinese.upsertRule.id, russian.upsertRule.id);
      expect(chinese.upsertRule.id).toBe('rule:ren-gong-zhi-neng-xin-pian-chu-kou-guan-zhi-ce-shi');
      expect(russian.upsertRule.id).toBe('rule:pravilo-ob-eksporte-chipov-test');
      // The same title again would take the same id: refused, the first rule kept.
      await conflict(upsert, { input: { title: '人工智能芯片出口管制测试', kind: 'FINAL_RULE' } }, 'input.title');
      expect((await write(`{ rule(id: "${chinese.upsertRule.id}") { kind } }`, {})).rule.kind).toBe('GUIDANCE');
      // Nothing to make an id from: the client must give one.
      await refused(upsert, { input: { title: '🙂🙂🙂', kind: 'GUIDANCE' } }, 'input.title');
      expect(ruleIdFromTitle('AI Diffusion')).toBe('rule:ai-diffusion');
    });

    it('lets exactly one of several concurrent creates with one title land', async () => {
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
        app.execute(upsert, { input: { title: 'Test w concurrent title', kind: 'GUIDANCE', summary: `writer ${i}` } }, ALICE)));
      expect(results.filter((r) => !r.errors).map((r) => r.data!.upsertRule.id)).toEqual(['rule:test-w-concurrent-title']);
      for (const result of results.filter((r) => r.errors)) {
        expect(result.errors![0].extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.title' });
      }
      const [row] = await app.graph.read<{ changes: number }>({
        name: 'testCreateChanges',
        cypher: "MATCH (c:Change) WHERE 'rule:test-w-concurrent-title' IN c.entityIds RETURN count(c) AS changes",
      });
      expect(row.changes).toBe(1);
    });
  });

  describe('tier assignments', () => {
    it('treats an open end as open, not as 9999-12-31: an open assignment from that day overlaps a later-starting open one', async () => {
      await write(assign, { input: { countryCode: 'AQ', tierId: 'tier:ai-diffusion-1', validFrom: '9999-12-31' } });
      const message = await refused(assign, { input: { countryCode: 'AQ', tierId: 'tier:ai-diffusion-2', validFrom: '2033-01-01' } }, 'input.validFrom');
      expect(message).toMatch(/overlap Tier 1 from 9999-12-31/);
      // Ending the day before it is no overlap.
      const ended = await write(assign, { input: { countryCode: 'AQ', tierId: 'tier:ai-diffusion-2', validFrom: '2033-01-01', validTo: '9999-12-31' } });
      expect(ended.assignTier).toEqual({ tier: { id: 'tier:ai-diffusion-2' }, validFrom: '2033-01-01', validTo: '9999-12-31' });
    });
  });
});
