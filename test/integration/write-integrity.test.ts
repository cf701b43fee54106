import { MAX_SLUG_LENGTH } from '../../src/domain/entities';
import { encodeCursor } from '../../src/read/cursor';
import { NamedQuery } from '../../src/neo4j/graph';
import { createTestApp, TestApp } from '../support/app';

const ALICE = 'Bearer s3cret';
const BOB = 'Bearer t0ken';

/** This file's rules are rule:test-i-..., plus the grammar's edge cases listed in EDGE_IDS. */
const cleanUp: NamedQuery = {
  name: 'testIntegrityCleanUp',
  cypher: `
CALL { MATCH (r:Rule) WHERE r.id STARTS WITH 'rule:test-i' OR r.id IN $edgeIds DETACH DELETE r }
CALL { MATCH (c:Change) WHERE any(id IN c.entityIds WHERE id STARTS WITH 'rule:test-i' OR id IN $edgeIds) DETACH DELETE c }`,
};

/** Ids at each edge of the grammar (src/domain/entities.ts) that must be accepted everywhere. */
const LONGEST = `rule:test-i${'x'.repeat(MAX_SLUG_LENGTH - 'test-i'.length)}`;
const EDGE_IDS = ['rule:0', LONGEST, 'rule:test-i.1-2.b', 'rule:test-i-9.0'];
/** Ids just outside it, refused everywhere. */
const REFUSED_IDS = [`${LONGEST}x`, 'rule:ABC-x', 'rule:Test-i', 'rule:-test-i', 'rule:test-i-', 'rule:test-i.', 'rule:.test-i', 'rule:test--i', 'rule:test..i', 'rule:test_i', 'rule:', 'rule:test i'];

describe('writes land whole and are followed in commit order', () => {
  let app: TestApp;

  async function data(query: string, variables: Record<string, unknown> = {}, authorization?: string) {
    const result = await app.execute(query, variables, authorization);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function changesAbout(id: string): Promise<{ operation: string; position: number }[]> {
    return app.graph.read({
      name: 'testChangesAbout',
      cypher: 'MATCH (c:Change) WHERE $id IN c.entityIds RETURN c.operation AS operation, c.position AS position ORDER BY c.position',
    }, { id });
  }

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.graph.write((tx) => tx.run(cleanUp, { edgeIds: EDGE_IDS }));
    await app.close();
  });

  describe('a failed mutation wrote nothing', () => {
    it('refuses a selection it cannot read before writing: no rule, no Change', async () => {
      const result = await app.execute(
        'mutation { upsertRule(input: { id: "rule:test-i-unread", title: "Unread answer", kind: GUIDANCE }) { id tiers { countries(first: 0) { totalCount } } } }',
        {}, ALICE,
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
      expect(result.data).toBeNull();
      expect((await data('{ rule(id: "rule:test-i-unread") { id } }')).rule).toBeNull();
      expect(await changesAbout('rule:test-i-unread')).toEqual([]);

      // The retry with a readable selection writes once.
      await data('mutation { upsertRule(input: { id: "rule:test-i-unread", title: "Unread answer", kind: GUIDANCE }) { id } }', {}, ALICE);
      expect(await changesAbout('rule:test-i-unread')).toEqual([{ operation: 'upsertRule', position: expect.any(Number) }]);
    });

    it('leaves a rule unrevoked when the answer to revokeRule cannot be read, so the revocation can be made again', async () => {
      await data('mutation { upsertRule(input: { id: "rule:test-i-kept", title: "Kept in force", kind: FINAL_RULE }) { id } }', {}, ALICE);
      const failed = await app.execute(
        'mutation { revokeRule(input: { ruleId: "rule:test-i-kept", on: "2031-01-01" }) { id tiers { countries(first: 0) { totalCount } } } }',
        {}, ALICE,
      );
      expect(failed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await data('{ rule(id: "rule:test-i-kept") { revokedOn } }')).rule).toEqual({ revokedOn: null });
      const done = await data('mutation { revokeRule(input: { ruleId: "rule:test-i-kept", on: "2031-01-01" }) { revokedOn } }', {}, ALICE);
      expect(done.revokeRule).toEqual({ revokedOn: '2031-01-01' });
      expect((await changesAbout('rule:test-i-kept')).map((change) => change.operation)).toEqual(['upsertRule', 'revokeRule']);
    });
  });

  describe('a write repeated is idempotent or a CONFLICT', () => {
    it('records one Change for an update repeated with the same input, and refuses a create repeated without an id', async () => {
      const update = 'mutation { upsertRule(input: { id: "rule:test-i-same", title: "Same twice", kind: GUIDANCE, effectiveOn: "2031-02-01", issuedByAgencyIds: ["agency:bis"] }) { id title } }';
      await data(update, {}, ALICE);
      await data(update, {}, ALICE);
      expect(await changesAbout('rule:test-i-same')).toHaveLength(1);
      await data('mutation { upsertRule(input: { id: "rule:test-i-same", title: "Same, renamed", kind: GUIDANCE }) { id } }', {}, ALICE);
      expect(await changesAbout('rule:test-i-same')).toHaveLength(2);

      const create = 'mutation { upsertRule(input: { title: "Test i created once", kind: GUIDANCE }) { id } }';
      expect((await data(create, {}, ALICE)).upsertRule).toEqual({ id: 'rule:test-i-created-once' });
      const again = await app.execute(create, {}, ALICE);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.title' });
      expect(await changesAbout('rule:test-i-created-once')).toHaveLength(1);
    });

    it('links once: the same link again changes nothing, with another date it is a CONFLICT', async () => {
      for (const id of ['rule:test-i-l1', 'rule:test-i-l2']) await data(`mutation { upsertRule(input: { id: "${id}", title: "Link ${id}", kind: FINAL_RULE }) { id } }`, {}, ALICE);
      const link = 'mutation ($on: Date) { linkRules(input: { fromRuleId: "rule:test-i-l2", toRuleId: "rule:test-i-l1", kind: CORRECTS, on: $on }) { kind on } }';
      expect((await data(link, { on: '2031-03-01' }, ALICE)).linkRules).toEqual({ kind: 'CORRECTS', on: '2031-03-01' });
      expect((await data(link, { on: '2031-03-01' }, ALICE)).linkRules).toEqual({ kind: 'CORRECTS', on: '2031-03-01' });
      const other = await app.execute(link, { on: '2031-03-02' }, ALICE);
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.on' });
      expect((await changesAbout('rule:test-i-l2')).map((change) => change.operation)).toEqual(['upsertRule', 'linkRules']);
      const suspends = await app.execute('mutation { linkRules(input: { fromRuleId: "rule:test-i-l2", toRuleId: "rule:test-i-l1", kind: SUSPENDS }) { kind } }', {}, ALICE);
      expect(suspends.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.kind' });
    });

    it('ends a rule once: the same ending again changes nothing, any other ending is a CONFLICT that keeps the first', async () => {
      const ending = `{ revokedOn status(asOf: "2031-06-01") ending { on kind note by { id } sources { id } } }`;
      const { rule: seeded } = await data(`{ rule(id: "rule:ai-diffusion") ${ending} }`);
      expect(seeded.ending.kind).toBe('NON_ENFORCEMENT');
      expect(seeded.ending.sources.length).toBeGreaterThan(0);
      const links = async () => (await app.graph.read<{ links: number }>({
        name: 'testEndingLinks',
        cypher: "MATCH (:Rule {id: 'rule:ai-diffusion'})<-[l]-(:Rule {id: 'rule:ai-diffusion-rescission'}) RETURN count(l) AS links",
      }))[0].links;
      const linksBefore = await links();
      // The seed's own Changes name the rule; the refused endings add none.
      const changesBefore = await changesAbout('rule:ai-diffusion');
      for (const input of [
        { ruleId: 'rule:ai-diffusion', revokedByRuleId: 'rule:ai-diffusion-rescission', on: '2025-05-13', kind: 'FORMAL_RESCISSION' },
        { ruleId: 'rule:ai-diffusion', revokedByRuleId: 'rule:ai-diffusion-rescission', on: '2025-05-13', kind: 'NON_ENFORCEMENT' },
        { ruleId: 'rule:ai-diffusion', on: '2025-05-14' },
      ]) {
        const result = await app.execute('mutation ($input: RevokeRuleInput!) { revokeRule(input: $input) { id } }', { input }, ALICE);
        expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
      }
      expect((await data(`{ rule(id: "rule:ai-diffusion") ${ending} }`)).rule).toEqual(seeded);
      expect(await links()).toBe(linksBefore);
      expect(await changesAbout('rule:ai-diffusion')).toEqual(changesBefore);
    });

    it('lets exactly one of several concurrent revocations of one rule win', async () => {
      await data('mutation { upsertRule(input: { id: "rule:test-i-raced", title: "Raced", kind: FINAL_RULE }) { id } }', {}, ALICE);
      const revoke = 'mutation ($input: RevokeRuleInput!) { revokeRule(input: $input) { ending { on kind } } }';
      const inputs = [
        { ruleId: 'rule:test-i-raced', on: '2031-07-01', kind: 'FORMAL_RESCISSION' },
        { ruleId: 'rule:test-i-raced', on: '2031-07-01', kind: 'EXPIRED' },
        { ruleId: 'rule:test-i-raced', on: '2031-07-02', kind: 'VACATED' },
        { ruleId: 'rule:test-i-raced', on: '2031-07-03', kind: 'NON_ENFORCEMENT', note: 'Not enforced.' },
      ];
      const results = await Promise.all(inputs.map((input, i) => app.execute(revoke, { input }, i % 2 ? BOB : ALICE)));
      const wins = results.filter((result) => !result.errors);
      expect(wins).toHaveLength(1);
      for (const result of results.filter((r) => r.errors)) expect(result.errors![0].extensions?.code).toBe('CONFLICT');
      const winner = inputs[results.indexOf(wins[0])];
      expect(wins[0].data!.revokeRule.ending).toEqual({ on: winner.on, kind: winner.kind });
      expect((await data('{ rule(id: "rule:test-i-raced") { ending { on kind } } }')).rule.ending).toEqual({ on: winner.on, kind: winner.kind });
      expect((await changesAbout('rule:test-i-raced')).map((change) => change.operation)).toEqual(['upsertRule', 'revokeRule']);
      // The winner's input again: idempotent, no second Change.
      await data(revoke, { input: winner }, ALICE);
      expect(await changesAbout('rule:test-i-raced')).toHaveLength(2);
    });
  });

  describe('the changes feed in commit order', () => {
    it('gives a follower polling changesSince every change of 8 concurrent writers, each once, in position order', async () => {
      const [latest] = await app.graph.read<{ position: number | null }>({ name: 'testLatestPosition', cypher: 'MATCH (c:Change) RETURN max(c.position) AS position' });
      const start = latest.position ?? 0;
      const writers = 8;
      const each = 10;
      const written = Array.from({ length: writers }, (_, w) => Array.from({ length: each }, (_, n) => `rule:test-i-feed-${w}-${n}`));
      const upsert = 'mutation ($id: ID!) { upsertRule(input: { id: $id, title: "Feed", kind: GUIDANCE }) { id } }';

      let writing = true;
      const seen: { position: string; entityIds: string[] }[] = [];
      const follow = async () => {
        let position: string | null = String(start);
        for (;;) {
          const done = !writing; // read before polling: a poll after the last write finished sees it
          const page: { changesSince: { position: string; entityIds: string[] }[] } = await data(
            'query ($position: String) { changesSince(position: $position, first: 7) { position entityIds } }', { position },
          ) as never;
          seen.push(...page.changesSince);
          if (page.changesSince.length > 0) position = page.changesSince[page.changesSince.length - 1].position;
          else if (done) return;
        }
      };
      const follower = follow();
      await Promise.all(written.map(async (ids, w) => {
        for (const id of ids) await data(upsert, { id }, w % 2 ? BOB : ALICE);
      }));
      writing = false;
      await follower;

      const positions = seen.map((change) => Number(change.position));
      expect(positions).toEqual(Array.from({ length: writers * each }, (_, i) => start + i + 1));
      expect(new Set(seen.flatMap((change) => change.entityIds))).toEqual(new Set(written.flat()));

      // changes, newest first, agrees with the commit order.
      const { changes } = await data('{ changes(first: 5) { edges { node { position } } } }');
      expect(changes.edges.map((edge: { node: { position: string } }) => Number(edge.node.position))).toEqual([0, 1, 2, 3, 4].map((i) => start + writers * each - i));
    });

    it('refuses a position that is not one', async () => {
      for (const position of ['-1', 'abc', '01', '1.5', '99999999999999999']) {
        const result = await app.execute('query ($position: String) { changesSince(position: $position) { id } }', { position });
        expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
      const result = await app.execute('{ changesSince(first: 1001) { id } }');
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('one id grammar', () => {
    it('writes and reads back an id at each edge of the grammar: by rule(id), node(id), and as a page cursor', async () => {
      for (const id of EDGE_IDS) {
        const written = await data('mutation ($id: ID!) { upsertRule(input: { id: $id, title: "Edge of the grammar", kind: GUIDANCE }) { id } }', { id }, ALICE);
        expect(written.upsertRule).toEqual({ id });
        const read = await data('query ($id: ID!, $after: String) { rule(id: $id) { id } node(id: $id) { id } rules(first: 1, after: $after) { edges { node { id } } } }', { id, after: encodeCursor(id) });
        expect(read.rule).toEqual({ id });
        expect(read.node).toEqual({ id });
        // A page that ends on the rule has its cursor as endCursor: paging continues past it.
        expect(read.rules.edges.every((edge: { node: { id: string } }) => edge.node.id > id)).toBe(true);
      }
      expect(LONGEST.length - 'rule:'.length).toBe(MAX_SLUG_LENGTH);
    });

    it('refuses an id just outside the grammar in inputs, reads and cursors alike', async () => {
      for (const id of REFUSED_IDS) {
        const written = await app.execute('mutation ($id: ID!) { upsertRule(input: { id: $id, title: "Outside the grammar", kind: GUIDANCE }) { id } }', { id }, ALICE);
        expect(written.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', invalidFields: ['id'] });
        const read = await app.execute('query ($id: ID!) { rule(id: $id) { id } }', { id });
        expect(read.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
        const lineage = await app.execute('query ($id: ID!) { ruleLineage(id: $id) { mermaid } }', { id });
        expect(lineage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
        const paged = await app.execute('query ($after: String) { rules(first: 1, after: $after) { totalCount } }', { after: encodeCursor(id) });
        expect(paged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
        expect((await app.execute('query ($id: ID!) { node(id: $id) { id } }', { id })).data).toEqual({ node: null });
      }
      const [row] = await app.graph.read<{ count: number }>({ name: 'testRefusedIds', cypher: 'MATCH (r:Rule) WHERE r.id IN $ids RETURN count(r) AS count' }, { ids: REFUSED_IDS });
      expect(row.count).toBe(0);
    });
  });
});
