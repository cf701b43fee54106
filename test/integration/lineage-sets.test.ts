import { LINEAGE_TYPES } from '../../src/domain/lineage/lineage.kinds';
import { lineageCycleCheck } from '../../src/domain/rule/rule.writes';
import { NamedQuery } from '../../src/neo4j/graph';
import { createTestApp, TestApp } from '../support/app';

const ALICE = 'Bearer s3cret';
const RUNGS = 25;
const rung = (i: number) => `rule:test-ladder-${String(i).padStart(2, '0')}`;
const APART = 'rule:test-ladder-apart';
/** Rules plus links of the ladder: what polynomial work is measured against. */
const SIZE = RUNGS + (RUNGS - 1) * LINEAGE_TYPES.length;
/** db hits allowed per rule or link: the set walk needs a handful; the path walk needs one per path (7^24 on this ladder). */
const HITS_PER_ELEMENT = 20;

const cleanUp: NamedQuery = {
  name: 'testLadderCleanUp',
  cypher: `
CALL { MATCH (r:Rule) WHERE r.id STARTS WITH 'rule:test-ladder-' DETACH DELETE r }
CALL { MATCH (c:Change) WHERE any(id IN c.entityIds WHERE id STARTS WITH 'rule:test-ladder-') DETACH DELETE c }`,
};

/**
 * The lineage statement before reachable sets: every path up to maxDepth collected, then its links.
 * Kept here only to show that the bound below separates the two: at depth 5 it already exceeds it.
 */
const pathWalk = (maxDepth: number): NamedQuery => ({
  name: 'testPathWalk',
  cypher: `
MATCH (root:Rule {id: $id})
CALL (root) { OPTIONAL MATCH p = (root)-[:${LINEAGE_TYPES.join('|')}*1..${maxDepth}]->(:Rule) RETURN collect(p) AS paths }
CALL (paths) { UNWIND paths AS p UNWIND relationships(p) AS l RETURN collect(DISTINCT l) AS links }
RETURN size(links) AS links`,
});

describe('lineage as reachable sets, on a ladder of 25 rules linked by every kind', () => {
  let app: TestApp;

  /** Neo4j's count of the work a statement did (db hits summed over its plan), and its rows. */
  async function profile(query: NamedQuery | string, params: Record<string, unknown>): Promise<{ dbHits: number; rows: Record<string, unknown>[] }> {
    const session = app.graph.driver.session({ database: 'neo4j' });
    try {
      const result = await session.run(`PROFILE ${typeof query === 'string' ? query : query.cypher}`, params);
      let dbHits = 0;
      const walk = (step: { dbHits: number; children: unknown[] }) => {
        dbHits += step.dbHits;
        for (const child of step.children) walk(child as typeof step);
      };
      walk(result.summary.profile as unknown as { dbHits: number; children: unknown[] });
      return { dbHits, rows: result.records.map((record) => record.toObject()) };
    } finally {
      await session.close();
    }
  }

  /** Runs ruleLineage through the API and returns its answer with the statement it sent. */
  async function lineage(args: string, selection: string) {
    let sent: { cypher: string; params: Record<string, unknown> } | undefined;
    app.graph.onRead = (query, params) => {
      sent = { cypher: query.cypher, params };
    };
    try {
      const result = await app.execute(`{ ruleLineage(${args}) { ${selection} } }`);
      expect(result.errors).toBeUndefined();
      return { lineage: result.data!.ruleLineage, sent: sent! };
    } finally {
      app.graph.onRead = undefined;
    }
  }

  beforeAll(async () => {
    app = await createTestApp();
    await app.graph.write((tx) => tx.run(cleanUp));
    await app.graph.write((tx) => tx.run({
      name: 'testLadder',
      cypher: `
UNWIND $ids AS id
CREATE (:Rule {id: id, title: 'Ladder ' + id, kind: 'FINAL_RULE', aliases: []})
WITH collect(id) AS ids
UNWIND range(0, size(ids) - 2) AS i
MATCH (a:Rule {id: ids[i]}), (b:Rule {id: ids[i + 1]})
UNWIND $kinds AS kind
CREATE (a)-[:$(kind) {on: date('2030-01-01')}]->(b)`,
    }, { ids: Array.from({ length: RUNGS }, (_, i) => rung(i)), kinds: LINEAGE_TYPES }));
    await app.graph.write((tx) => tx.run({ name: 'testApart', cypher: "CREATE (:Rule {id: $id, title: 'Apart', kind: 'FINAL_RULE', aliases: []})" }, { id: APART }));
  });
  afterAll(async () => {
    await app.graph.write((tx) => tx.run(cleanUp));
    await app.close();
  });

  it('reads every rule and link of the ladder, in one statement whose work is bounded by rules plus links', async () => {
    const { lineage: whole, sent } = await lineage(`id: "${rung(0)}", direction: BOTH, maxDepth: 25`, 'rules { id } edges { from { id } kind to { id } } mermaid');
    expect(whole.rules.map((rule: { id: string }) => rule.id)).toEqual(Array.from({ length: RUNGS }, (_, i) => rung(i)));
    expect(whole.edges).toHaveLength((RUNGS - 1) * LINEAGE_TYPES.length);
    expect(new Set(whole.edges.map((edge: { kind: string }) => edge.kind))).toEqual(new Set(LINEAGE_TYPES));
    expect(whole.mermaid.split('\n').filter((line: string) => line.includes('-->'))).toHaveLength((RUNGS - 1) * LINEAGE_TYPES.length);

    const measured = await profile(sent.cypher, sent.params);
    expect(measured.dbHits).toBeLessThan(HITS_PER_ELEMENT * SIZE);
    // The same bound on the path walk, five hops deep (7 + 49 + ... + 7^5 paths), is already exceeded.
    const paths = await profile(pathWalk(5), { id: rung(0) });
    expect(paths.rows).toEqual([{ links: 5 * LINEAGE_TYPES.length }]);
    expect(paths.dbHits).toBeGreaterThan(HITS_PER_ELEMENT * SIZE);
    process.stdout.write(`lineage of a ${RUNGS}-rule ladder: ${measured.dbHits} db hits as sets, ${paths.dbHits} as paths 5 hops deep\n`);
  });

  it('reads from the middle, both ways, and stops at maxDepth', async () => {
    const middle = await lineage(`id: "${rung(12)}", direction: BOTH, maxDepth: 25`, 'root { id } rules { id } edges { kind }');
    expect(middle.lineage.root).toEqual({ id: rung(12) });
    expect(middle.lineage.rules[0]).toEqual({ id: rung(12) });
    expect(middle.lineage.rules).toHaveLength(RUNGS);
    expect((await profile(middle.sent.cypher, middle.sent.params)).dbHits).toBeLessThan(HITS_PER_ELEMENT * SIZE);

    const near = await lineage(`id: "${rung(12)}", direction: ANCESTORS, maxDepth: 3`, 'rules { id } edges { from { id } to { id } }');
    expect(near.lineage.rules.map((rule: { id: string }) => rule.id)).toEqual([12, 13, 14, 15].map(rung));
    expect(near.lineage.edges).toHaveLength(3 * LINEAGE_TYPES.length);
    const below = await lineage(`id: "${rung(12)}", direction: DESCENDANTS, maxDepth: 2`, 'rules { id }');
    expect(below.lineage.rules.map((rule: { id: string }) => rule.id)).toEqual([12, 10, 11].map(rung));
  });

  it('checks a new link for cycles with work bounded by rules plus links, holding the lineage lock briefly', async () => {
    // Nothing below the ladder's top reaches APART: the check must visit the whole ladder to say so.
    const check = await profile(lineageCycleCheck, { fromId: APART, toId: rung(0) });
    expect(check.rows).toEqual([{ cycle: false }]);
    expect(check.dbHits).toBeLessThan(HITS_PER_ELEMENT * SIZE);
    const cycle = await profile(lineageCycleCheck, { fromId: rung(RUNGS - 1), toId: rung(0) });
    expect(cycle.rows).toEqual([{ cycle: true }]);
    expect(cycle.dbHits).toBeLessThan(HITS_PER_ELEMENT * SIZE);

    const link = 'mutation ($input: RuleLinkInput!) { linkRules(input: $input) { from { id } kind to { id } } }';
    const linked = await app.execute(link, { input: { fromRuleId: APART, toRuleId: rung(0), kind: 'CORRECTS', on: '2030-02-01' } }, ALICE);
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkRules).toEqual({ from: { id: APART }, kind: 'CORRECTS', to: { id: rung(0) } });
    const refused = await app.execute(link, { input: { fromRuleId: rung(RUNGS - 1), toRuleId: APART, kind: 'AMENDS' } }, ALICE);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.toRuleId' });
    expect(refused.errors?.[0].message).toMatch(/own ancestor/);
  });
});
