import { NamedQuery } from '../../src/neo4j/graph';
import { createTestApp, TestApp } from '../support/app';

const ALICE = 'Bearer s3cret';

const IDS = ['chipProduct:test-ef-chip', 'eccn:9E996', 'countryGroup:E98', 'company:test-ef-co', 'listing:test-ef-co-entity-list-2030-01-01', 'rule:test-ef-rule', 'rule:test-ef-ender', 'source:test-ef-src'];

/** Fixtures no seed id can collide with, each fact open from 2030-01-01 (NZ's membership is of the fixture group E:98). */
const setUp: NamedQuery = {
  name: 'testEndFactSetUp',
  cypher: `
CREATE (product:ChipProduct {id: 'chipProduct:test-ef-chip', name: 'Test EF Chip'})-[:CLASSIFIED_AS {validFrom: date('2030-01-01'), confidence: 'STATED', sourceIds: ['source:test-ef-src']}]->(:Eccn {id: 'eccn:9E996', code: '9E996'})
CREATE (group:CountryGroup {id: 'countryGroup:E98', code: 'E:98', name: 'Test group'})
CREATE (company:Company {id: 'company:test-ef-co', name: 'Test EF Co'})
CREATE (company)-[:LISTED]->(:Listing {id: 'listing:test-ef-co-entity-list-2030-01-01', list: 'ENTITY_LIST', validFrom: date('2030-01-01'), sourceIds: ['source:test-ef-src']})
CREATE (rule:Rule {id: 'rule:test-ef-rule', title: 'Test EF rule', kind: 'GUIDANCE'})-[:TARGETS {validFrom: date('2030-01-01'), sourceIds: ['source:test-ef-src']}]->(company)
CREATE (:Rule {id: 'rule:test-ef-ender', title: 'Test EF ender', kind: 'GUIDANCE'})
CREATE (:Source {id: 'source:test-ef-src', title: 'Test EF source', kind: 'ARTICLE'})
WITH group
MATCH (nz:Country {code: 'NZ'})
CREATE (nz)-[:IN_GROUP {validFrom: date('2030-01-01'), countryCode: 'NZ', sourceIds: ['source:test-ef-src']}]->(group)`,
};

const cleanUp: NamedQuery = {
  name: 'testEndFactCleanUp',
  cypher: `
CALL { MATCH (n) WHERE n.id IN $ids DETACH DELETE n }
CALL { MATCH (c:Change) WHERE any(id IN c.entityIds WHERE id IN $ids) DETACH DELETE c }`,
};

/** The end of each fixture fact, and the Changes about the fixtures. */
const state: NamedQuery = {
  name: 'testEndFactState',
  cypher: `
MATCH (:ChipProduct {id: 'chipProduct:test-ef-chip'})-[c:CLASSIFIED_AS]->()
MATCH (:Country {code: 'NZ'})-[m:IN_GROUP]->(:CountryGroup {id: 'countryGroup:E98'})
MATCH (listing:Listing {id: 'listing:test-ef-co-entity-list-2030-01-01'})
MATCH (:Rule {id: 'rule:test-ef-rule'})-[t:TARGETS]->()
RETURN toString(c.validTo) AS classification, toString(m.validTo) AS membership, m.removedBy AS removedBy,
       toString(listing.validTo) AS listing, COUNT { (:Rule)-[:REMOVES_LISTING]->(listing) } AS removes,
       toString(t.validTo) AS touch, t.endedByRuleId AS endedBy,
       COUNT { (ch:Change) WHERE any(id IN ch.entityIds WHERE id IN $ids) } AS changes`,
};

const END = 'mutation ($input: EndFactInput!) { endFact(input: $input) }';

describe('v3 writes: endFact', () => {
  let app: TestApp;

  async function current() {
    const [row] = await app.graph.read<Record<string, unknown>>(state, { ids: IDS });
    return row;
  }

  beforeAll(async () => {
    app = await createTestApp();
    await app.graph.write((tx) => tx.run(cleanUp, { ids: IDS }));
    await app.graph.write((tx) => tx.run(setUp));
  });
  afterAll(async () => {
    await app.graph.write((tx) => tx.run(cleanUp, { ids: IDS }));
    await app.close();
  });

  const classification = { subjectId: 'chipProduct:test-ef-chip', objectId: 'eccn:9E996', relation: 'CLASSIFIED_AS', on: '2031-01-01', sourceIds: ['source:test-ef-src'] };

  it('refuses without a token, a missing source or rule, no open fact, a day before the start and bad ids, writing nothing', async () => {
    const before = await current();
    expect(before).toMatchObject({ classification: null, membership: null, listing: null, touch: null, changes: 0 });
    const cases: [Record<string, unknown>, string | undefined, string, string | undefined][] = [
      [classification, undefined, 'UNAUTHENTICATED', undefined],
      [{ ...classification, sourceIds: ['source:test-ef-missing'] }, ALICE, 'BAD_USER_INPUT', 'input.sourceIds'],
      [{ ...classification, byRuleId: 'rule:test-ef-missing' }, ALICE, 'BAD_USER_INPUT', 'input.byRuleId'],
      [{ ...classification, objectId: 'eccn:9E995' }, ALICE, 'NOT_FOUND', 'input.objectId'],
      [{ ...classification, relation: 'IN_GROUP' }, ALICE, 'NOT_FOUND', 'input.objectId'],
      [{ ...classification, on: '2029-12-31' }, ALICE, 'BAD_USER_INPUT', 'input.on'],
      [{ ...classification, on: '2030-01-01' }, ALICE, 'BAD_USER_INPUT', 'input.on'],
      [{ ...classification, relation: 'LIKES' }, ALICE, 'BAD_USER_INPUT', 'input.relation'],
      [{ ...classification, subjectId: 'product:test-ef-chip' }, ALICE, 'BAD_USER_INPUT', 'input.subjectId'],
      [{ ...classification, objectId: 'list:SOME_LIST' }, ALICE, 'BAD_USER_INPUT', 'input.objectId'],
    ];
    for (const [given, token, code, argumentName] of cases) {
      const result = await app.execute(END, { input: given }, token);
      expect([given, result.errors?.[0].extensions?.code]).toEqual([given, code]);
      if (argumentName) expect((result.errors?.[0].extensions?.argumentName as string | undefined ?? (result.errors?.[0].extensions?.invalidFields as string[] | undefined)?.[0])?.replace(/^input\./, "")).toBe(argumentName.replace(/^input\./, ""));
      expect(result.data ?? null).toBeNull();
    }
    expect(await current()).toEqual(before);
  });

  it('ends a classification on a day, read back through the API, and takes a retry as done (one Change)', async () => {
    const ended = await app.execute(END, { input: classification }, ALICE);
    expect(ended.errors).toBeUndefined();
    expect(ended.data).toEqual({ endFact: true });
    expect((await app.execute(END, { input: classification }, ALICE)).errors).toBeUndefined();
    expect(await current()).toMatchObject({ classification: '2031-01-01', membership: null, changes: 1 });
    const read = await app.execute('{ chipProduct(id: "chipProduct:test-ef-chip") { classifications { validTo } } }');
    expect(read.data!.chipProduct).toEqual({ classifications: [{ validTo: '2031-01-01' }] });
    // Ended, it is no longer open: another day is NOT_FOUND.
    const later = await app.execute(END, { input: { ...classification, on: '2032-01-01' } }, ALICE);
    expect(later.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('ends a membership, a listing and a touch, remembering the rule that ended each as the graph model says', async () => {
    const common = { on: '2031-06-01', byRuleId: 'rule:test-ef-ender', sourceIds: ['source:test-ef-src'] };
    for (const fact of [
      { subjectId: 'country:NZ', objectId: 'countryGroup:E98', relation: 'IN_GROUP' },
      { subjectId: 'company:test-ef-co', objectId: 'list:ENTITY_LIST', relation: 'LISTED' },
      { subjectId: 'rule:test-ef-rule', objectId: 'company:test-ef-co', relation: 'TARGETS' },
    ]) {
      const result = await app.execute(END, { input: { ...fact, ...common } }, ALICE);
      expect([fact, result.errors]).toEqual([fact, undefined]);
    }
    expect(await current()).toEqual({
      classification: '2031-01-01', membership: '2031-06-01', removedBy: 'rule:test-ef-ender', listing: '2031-06-01', removes: 1,
      touch: '2031-06-01', endedBy: 'rule:test-ef-ender', changes: 4,
    });
  });
});
