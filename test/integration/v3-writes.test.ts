import { NamedQuery } from '../../src/neo4j/graph';
import { createTestApp, TestApp } from '../support/app';

const ALICE = 'Bearer s3cret';

/**
 * Fixtures no seed id can collide with: a product chipProduct:test-w-..., ECCN 9E999, country group E:99
 * and source:test-w-...; the memberships are of seeded countries in the fixture group only.
 */
const setUp: NamedQuery = {
  name: 'testV3WritesSetUp',
  cypher: `
CREATE (:ChipProduct {id: 'chipProduct:test-w-chip', name: 'Test W Chip'})
CREATE (:Eccn {id: 'eccn:9E999', code: '9E999', title: 'Test entry'})
CREATE (:Eccn {id: 'eccn:9E998', code: '9E998', title: 'Another test entry'})
CREATE (:CountryGroup {id: 'countryGroup:E99', code: 'E:99', name: 'Test group'})
CREATE (:Source {id: 'source:test-w-src', title: 'Test W source', kind: 'PRESS_RELEASE'})
CREATE (:Rule {id: 'rule:test-w-rule', title: 'Test W rule', kind: 'GUIDANCE'})`,
};

const cleanUp: NamedQuery = {
  name: 'testV3WritesCleanUp',
  cypher: `
CALL { MATCH (n) WHERE n.id IN ['chipProduct:test-w-chip', 'eccn:9E999', 'eccn:9E998', 'countryGroup:E99', 'source:test-w-src', 'rule:test-w-rule'] DETACH DELETE n }
CALL { MATCH (c:Change) WHERE any(id IN c.entityIds WHERE id IN ['chipProduct:test-w-chip', 'countryGroup:E99']) DETACH DELETE c }`,
};

/** Every classification of the fixture product and membership of the fixture group, and their Changes. */
const written: NamedQuery = {
  name: 'testV3WritesWritten',
  cypher: `
RETURN COUNT { (:ChipProduct {id: 'chipProduct:test-w-chip'})-[:CLASSIFIED_AS]->() } AS classifications,
       COUNT { ()-[:IN_GROUP]->(:CountryGroup {id: 'countryGroup:E99'}) } AS memberships,
       COUNT { (c:Change) WHERE 'chipProduct:test-w-chip' IN c.entityIds } AS productChanges,
       COUNT { (c:Change) WHERE 'countryGroup:E99' IN c.entityIds } AS groupChanges`,
};

const CLASSIFY = `mutation ($input: ClassificationInput!) {
  classify(input: $input) { product { id } eccn { code } validFrom validTo confidence note sources { id } }
}`;
const ASSIGN = `mutation ($input: CountryGroupMembershipInput!) {
  assignCountryGroup(input: $input) { country { code } group { code } validFrom validTo addedBy { id } confidence sources { id } }
}`;

describe('v3 writes: classify and assignCountryGroup', () => {
  let app: TestApp;

  async function counts() {
    const [row] = await app.graph.read<Record<string, number>>(written);
    return row;
  }

  beforeAll(async () => {
    app = await createTestApp();
    await app.graph.write((tx) => tx.run(cleanUp));
    await app.graph.write((tx) => tx.run(setUp));
  });
  afterAll(async () => {
    await app.graph.write((tx) => tx.run(cleanUp));
    await app.close();
  });

  describe('classify', () => {
    const input = { productId: 'chipProduct:test-w-chip', eccn: '9e999', validFrom: '2030-01-01', validTo: '2031-01-01', note: 'Test.', sourceIds: ['source:test-w-src'] };

    it('refuses without a token, a missing source, an unknown product or ECCN and bad dates, writing nothing', async () => {
      const before = await counts();
      const cases: [Record<string, unknown>, string | undefined, string, string | undefined][] = [
        [input, undefined, 'UNAUTHENTICATED', undefined],
        [{ ...input, sourceIds: ['source:test-w-missing'] }, ALICE, 'BAD_USER_INPUT', 'input.sourceIds'],
        [{ ...input, productId: 'chipProduct:test-w-missing' }, ALICE, 'BAD_USER_INPUT', 'input.productId'],
        [{ ...input, eccn: '9E997' }, ALICE, 'BAD_USER_INPUT', 'input.eccn'],
        [{ ...input, eccn: 'not an eccn' }, ALICE, 'BAD_USER_INPUT', 'input.eccn'],
        [{ ...input, validTo: '2029-01-01' }, ALICE, 'BAD_USER_INPUT', 'input.validTo'],
        [{ ...input, productId: 'product:test-w-chip' }, ALICE, 'BAD_USER_INPUT', 'input.productId'],
      ];
      for (const [given, token, code, argumentName] of cases) {
        const result = await app.execute(CLASSIFY, { input: given }, token);
        expect(result.errors?.[0].extensions?.code).toBe(code);
        if (argumentName) expect((result.errors?.[0].extensions?.argumentName as string | undefined ?? (result.errors?.[0].extensions?.invalidFields as string[] | undefined)?.[0])?.replace(/^input\./, "")).toBe(argumentName.replace(/^input\./, ""));
        expect(result.data ?? null).toBeNull();
      }
      expect(await counts()).toEqual(before);
      expect(before.classifications).toBe(0);
    });

    it('classifies, reads it back, records one Change, and takes a retry as done', async () => {
      const first = await app.execute(CLASSIFY, { input }, ALICE);
      expect(first.errors).toBeUndefined();
      expect(first.data!.classify).toEqual({
        product: { id: 'chipProduct:test-w-chip' }, eccn: { code: '9E999' }, validFrom: '2030-01-01', validTo: '2031-01-01',
        confidence: 'STATED', note: 'Test.', sources: [{ id: 'source:test-w-src' }],
      });
      expect(await counts()).toMatchObject({ classifications: 1, productChanges: 1 });
      const again = await app.execute(CLASSIFY, { input }, ALICE);
      expect(again.errors).toBeUndefined();
      expect(await counts()).toMatchObject({ classifications: 1, productChanges: 1 });

      const read = await app.execute('{ chipProduct(id: "chipProduct:test-w-chip") { classifications(asOf: "2030-06-01") { eccn { code } } } }');
      expect(read.data!.chipProduct).toEqual({ classifications: [{ eccn: { code: '9E999' } }] });
    });

    it('refuses an overlapping classification under the same ECCN as a CONFLICT, writing nothing, and accepts the next period or another ECCN', async () => {
      const overlap = await app.execute(CLASSIFY, { input: { ...input, validFrom: '2030-06-01', validTo: null } }, ALICE);
      expect(overlap.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.validFrom' });
      const changed = await app.execute(CLASSIFY, { input: { ...input, confidence: 'INFERRED' } }, ALICE);
      expect(changed.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await counts()).toMatchObject({ classifications: 1, productChanges: 1 });

      const next = await app.execute(CLASSIFY, { input: { ...input, validFrom: '2031-01-01', validTo: null } }, ALICE);
      expect(next.errors).toBeUndefined();
      const other = await app.execute(CLASSIFY, { input: { ...input, eccn: '9E998', validFrom: null, validTo: null, confidence: 'INFERRED' } }, ALICE);
      expect(other.errors).toBeUndefined();
      expect(other.data!.classify).toMatchObject({ eccn: { code: '9E998' }, validFrom: null, confidence: 'INFERRED' });
      expect(await counts()).toMatchObject({ classifications: 3, productChanges: 3 });
    });
  });

  describe('assignCountryGroup', () => {
    const input = { countryCode: 'nz', group: 'e99', validFrom: '2030-01-01', addedByRuleId: 'rule:test-w-rule', sourceIds: ['source:test-w-src'] };

    it('refuses without a token, a missing source, unknown country, group or rule and bad dates, writing nothing', async () => {
      const before = await counts();
      const cases: [Record<string, unknown>, string | undefined, string, string | undefined][] = [
        [input, undefined, 'UNAUTHENTICATED', undefined],
        [{ ...input, sourceIds: ['source:test-w-missing'] }, ALICE, 'BAD_USER_INPUT', 'input.sourceIds'],
        [{ ...input, countryCode: 'ZZ' }, ALICE, 'BAD_USER_INPUT', 'input.countryCode'],
        [{ ...input, group: 'E:98' }, ALICE, 'BAD_USER_INPUT', 'input.group'],
        [{ ...input, group: 'F:1' }, ALICE, 'BAD_USER_INPUT', 'input.group'],
        [{ ...input, addedByRuleId: 'rule:test-w-missing' }, ALICE, 'BAD_USER_INPUT', 'input.addedByRuleId'],
        [{ ...input, validTo: '2030-01-01' }, ALICE, 'BAD_USER_INPUT', 'input.validTo'],
      ];
      for (const [given, token, code, argumentName] of cases) {
        const result = await app.execute(ASSIGN, { input: given }, token);
        expect(result.errors?.[0].extensions?.code).toBe(code);
        if (argumentName) expect((result.errors?.[0].extensions?.argumentName as string | undefined ?? (result.errors?.[0].extensions?.invalidFields as string[] | undefined)?.[0])?.replace(/^input\./, "")).toBe(argumentName.replace(/^input\./, ""));
        expect(result.data ?? null).toBeNull();
      }
      expect(await counts()).toEqual(before);
      expect(before.memberships).toBe(0);
    });

    it('records the membership shaped as the seed writes it, reads it back, and takes a retry as done', async () => {
      const first = await app.execute(ASSIGN, { input }, ALICE);
      expect(first.errors).toBeUndefined();
      expect(first.data!.assignCountryGroup).toEqual({
        country: { code: 'NZ' }, group: { code: 'E:99' }, validFrom: '2030-01-01', validTo: null,
        addedBy: { id: 'rule:test-w-rule' }, confidence: 'STATED', sources: [{ id: 'source:test-w-src' }],
      });
      const [stored] = await app.graph.read<{ countryCode: string }>({
        name: 'testV3WritesMembership',
        cypher: "MATCH (:Country {code: 'NZ'})-[m:IN_GROUP]->(:CountryGroup {id: 'countryGroup:E99'}) RETURN m.countryCode AS countryCode",
      });
      expect(stored).toEqual({ countryCode: 'NZ' });
      expect(await counts()).toMatchObject({ memberships: 1, groupChanges: 1 });
      expect((await app.execute(ASSIGN, { input }, ALICE)).errors).toBeUndefined();
      expect(await counts()).toMatchObject({ memberships: 1, groupChanges: 1 });

      const read = await app.execute('{ countryGroup(code: "E:99") { members(asOf: "2035-01-01") { country { code } } } }');
      expect(read.data!.countryGroup).toEqual({ members: [{ country: { code: 'NZ' } }] });
    });

    it('refuses an overlapping membership of the same group as a CONFLICT, writing nothing', async () => {
      const overlap = await app.execute(ASSIGN, { input: { ...input, validFrom: '2032-01-01', addedByRuleId: null } }, ALICE);
      expect(overlap.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.validFrom' });
      const earlier = await app.execute(ASSIGN, { input: { ...input, validFrom: '2029-01-01', validTo: '2030-02-01' } }, ALICE);
      expect(earlier.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await counts()).toMatchObject({ memberships: 1, groupChanges: 1 });
      const before = await app.execute(ASSIGN, { input: { ...input, validFrom: '2029-01-01', validTo: '2030-01-01' } }, ALICE);
      expect(before.errors).toBeUndefined();
      expect(await counts()).toMatchObject({ memberships: 2, groupChanges: 2 });
    });
  });
});
