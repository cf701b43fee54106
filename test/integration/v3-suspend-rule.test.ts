import { NamedQuery } from '../../src/neo4j/graph';
import { createTestApp, TestApp } from '../support/app';

const ALICE = 'Bearer s3cret';
const IDS = ['rule:test-su-rule', 'rule:test-su-by', 'source:test-su-src'];

const setUp: NamedQuery = {
  name: 'testSuspendSetUp',
  cypher: `
CREATE (:Rule {id: 'rule:test-su-rule', title: 'Test SU rule', kind: 'FINAL_RULE', effectiveOn: date('2030-01-01')})
CREATE (:Rule {id: 'rule:test-su-by', title: 'Test SU instrument', kind: 'GUIDANCE'})
CREATE (:Source {id: 'source:test-su-src', title: 'Test SU source', kind: 'ARTICLE'})`,
};

const cleanUp: NamedQuery = {
  name: 'testSuspendCleanUp',
  cypher: `
CALL { MATCH (n) WHERE n.id IN $ids DETACH DELETE n }
CALL { MATCH (c:Change) WHERE any(id IN c.entityIds WHERE id IN $ids) DETACH DELETE c }`,
};

const written: NamedQuery = {
  name: 'testSuspendWritten',
  cypher: `RETURN COUNT { (:Rule {id: 'rule:test-su-by'})-[:SUSPENDS]->(:Rule {id: 'rule:test-su-rule'}) } AS links,
                  COUNT { (c:Change) WHERE 'rule:test-su-rule' IN c.entityIds } AS changes`,
};

const SUSPEND = 'mutation ($input: RuleSuspensionInput!) { suspendRule(input: $input) { id status(asOf: "2030-06-01") } }';

describe('v3 writes: suspendRule', () => {
  let app: TestApp;
  const counts = async () => (await app.graph.read<{ links: number; changes: number }>(written))[0];

  beforeAll(async () => {
    app = await createTestApp();
    await app.graph.write((tx) => tx.run(cleanUp, { ids: IDS }));
    await app.graph.write((tx) => tx.run(setUp));
  });
  afterAll(async () => {
    await app.graph.write((tx) => tx.run(cleanUp, { ids: IDS }));
    await app.close();
  });

  const input = { ruleId: 'rule:test-su-rule', byRuleId: 'rule:test-su-by', from: '2030-05-01', until: '2030-09-01', sourceIds: ['source:test-su-src'] };

  it('refuses without a token, unknown rules or sources, an until not after from and a self-suspension, writing nothing', async () => {
    const cases: [Record<string, unknown>, string | undefined, string, string | undefined][] = [
      [input, undefined, 'UNAUTHENTICATED', undefined],
      [{ ...input, byRuleId: 'rule:test-su-missing' }, ALICE, 'BAD_USER_INPUT', 'input.byRuleId'],
      [{ ...input, ruleId: 'rule:test-su-missing' }, ALICE, 'BAD_USER_INPUT', 'input.ruleId'],
      [{ ...input, sourceIds: ['source:test-su-missing'] }, ALICE, 'BAD_USER_INPUT', 'input.sourceIds'],
      [{ ...input, until: '2030-05-01' }, ALICE, 'BAD_USER_INPUT', 'input.until'],
      [{ ...input, byRuleId: 'rule:test-su-rule' }, ALICE, 'BAD_USER_INPUT', 'input.byRuleId'],
    ];
    for (const [given, token, code, argumentName] of cases) {
      const result = await app.execute(SUSPEND, { input: given }, token);
      expect([given, result.errors?.[0].extensions?.code]).toEqual([given, code]);
      const named = (result.errors?.[0].extensions?.argumentName as string | undefined) ?? (result.errors?.[0].extensions?.invalidFields as string[] | undefined)?.[0];
      if (argumentName) expect(named?.replace(/^input\./, '')).toBe(argumentName.replace(/^input\./, ''));
      expect(result.data ?? null).toBeNull();
    }
    expect(await counts()).toEqual({ links: 0, changes: 0 });
  });

  it('suspends the rule for the period, read back as SUSPENDED; a retry records no second Change; another period is a CONFLICT', async () => {
    const first = await app.execute(SUSPEND, { input }, ALICE);
    expect(first.errors).toBeUndefined();
    expect(first.data!.suspendRule).toEqual({ id: 'rule:test-su-rule', status: 'SUSPENDED' });
    expect((await app.execute(SUSPEND, { input }, ALICE)).errors).toBeUndefined();
    expect(await counts()).toEqual({ links: 1, changes: 1 });
    const other = await app.execute(SUSPEND, { input: { ...input, until: null } }, ALICE);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.from' });
    expect(await counts()).toEqual({ links: 1, changes: 1 });
    const after = await app.execute('{ rule(id: "rule:test-su-rule") { status(asOf: "2030-10-01") } }');
    expect(after.data!.rule).toEqual({ status: 'IN_FORCE' });
  });
});
