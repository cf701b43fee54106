import { Graph } from '../../src/neo4j/graph';
import { connectTestGraph, dataOf, useTestApp } from '../support/app';

// Each new statement shape is planned once; on a loaded machine planning the window statement takes a while.
jest.setTimeout(300_000);

/**
 * v3 rule-and-time reads over fixture rules written with raw Cypher (ids rule:fixture-..., which the seed
 * never uses), removed again afterwards: a rule of each history shape, a suspension, a listing and a touch.
 */
const FIXTURE = `
CREATE (never:Rule {id: 'rule:fixture-never-ended', title: 'Fixture rule never ended', kind: 'FINAL_RULE', aliases: [],
                    issuedOn: date('2025-02-20'), effectiveOn: date('2025-03-01'), rin: '0694-ZZ01', cfrParts: ['15 CFR 744']})
CREATE (announcement:Rule {id: 'rule:fixture-announcement', title: 'Fixture announcement', kind: 'ANNOUNCEMENT', aliases: [], issuedOn: date('2025-05-13')})
CREATE (notEnforced:Rule {id: 'rule:fixture-not-enforced', title: 'Fixture rule not enforced', kind: 'INTERIM_FINAL_RULE', aliases: [],
                          issuedOn: date('2025-01-10'), effectiveOn: date('2025-01-15'), revokedOn: date('2025-05-13'),
                          endingKind: 'NON_ENFORCEMENT', endedById: 'rule:fixture-announcement', endingSourceIds: ['source:fixture-notice']})
CREATE (suspended:Rule {id: 'rule:fixture-suspended', title: 'Fixture rule suspended for a year', kind: 'INTERIM_FINAL_RULE', aliases: [],
                        publishedOn: date('2025-09-29'), effectiveOn: date('2025-09-29'), cfrParts: ['15 CFR 734', '15 CFR 744']})
CREATE (suspension:Rule {id: 'rule:fixture-suspension', title: 'Fixture suspension', kind: 'FINAL_RULE', aliases: [], issuedOn: date('2025-11-10'), effectiveOn: date('2025-11-10')})
CREATE (suspension)-[:SUSPENDS {on: date('2025-11-10'), from: date('2025-11-10'), until: date('2026-11-10'), sourceIds: ['source:fixture-notice']}]->(suspended)
CREATE (open:Rule {id: 'rule:fixture-suspended-open', title: 'Fixture rule suspended without end', kind: 'FINAL_RULE', aliases: [], issuedOn: date('2025-06-01')})
CREATE (openSuspension:Rule {id: 'rule:fixture-open-suspension', title: 'Fixture open suspension', kind: 'ANNOUNCEMENT', aliases: [], issuedOn: date('2025-08-01')})
CREATE (openSuspension)-[:SUSPENDS {on: date('2025-08-01'), from: date('2025-08-01')}]->(open)
CREATE (notice:Source {id: 'source:fixture-notice', title: 'Fixture notice', kind: 'PRESS_RELEASE'})
CREATE (never)-[:CITES]->(notice)
CREATE (acme:Company {id: 'company:fixture-acme', name: 'Fixture Acmeworks', aliases: [], nameKeys: ['fixture acmeworks']})
CREATE (listing:Listing {id: 'listing:fixture-acme-entity-list-2025-03-01', list: 'ENTITY_LIST', validFrom: date('2025-03-01'), validTo: date('2025-10-01'),
                         confidence: 'STATED', sourceIds: ['source:fixture-notice']})
CREATE (acme)-[:LISTED]->(listing)
CREATE (never)-[:ADDS_LISTING {sourceIds: []}]->(listing)
CREATE (suspension)-[:REMOVES_LISTING {sourceIds: []}]->(listing)
CREATE (never)-[:RESTRICTS {validFrom: date('2025-03-01'), confidence: 'INFERRED', note: 'Fixture: inferred from the product class.', sourceIds: ['source:fixture-notice']}]->(acme)
CREATE (suspended)-[:TARGETS {validFrom: date('2025-09-29'), sourceIds: []}]->(acme)`;

const CLEANUP = `
MATCH (n) WHERE n.id STARTS WITH 'rule:fixture-' OR n.id IN ['source:fixture-notice', 'company:fixture-acme'] OR n.id STARTS WITH 'listing:fixture-'
DETACH DELETE n`;

const HISTORY = '{ status validFrom validTo by { id } sources { id } }';

describe('rule status history, rules filters and orders, factChanges', () => {
  const app = useTestApp();
  const data = (query: string, variables?: Record<string, unknown>) => dataOf(app, query, variables);

  async function refused(query: string, argumentName: string, message?: RegExp) {
    const result = await app.execute(query);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const named = result.errors![0].extensions!.argumentName ?? (result.errors![0].extensions!.invalidFields as string[] | undefined)?.[0];
    expect(named).toBe(argumentName);
    if (message) expect(result.errors![0].message).toMatch(message);
  }

  let fixtures: Graph;
  beforeAll(async () => {
    fixtures = connectTestGraph();
    await fixtures.write((tx) => tx.run({ name: 'fixtureCleanup', cypher: CLEANUP }));
    await fixtures.write((tx) => tx.run({ name: 'fixtureRules', cypher: FIXTURE }));
  });
  afterAll(async () => {
    await fixtures.write((tx) => tx.run({ name: 'fixtureCleanup', cypher: CLEANUP }));
    await fixtures.close();
  });

  describe('Rule.statusHistory', () => {
    const history = async (id: string) => (await data(`{ rule(id: "${id}") { statusHistory ${HISTORY} } }`)).rule.statusHistory;

    it('never ended: one open IN_FORCE period from its effective date, cited by its own sources', async () => {
      expect(await history('rule:fixture-never-ended')).toEqual([
        { status: 'IN_FORCE', validFrom: '2025-03-01', validTo: null, by: null, sources: [{ id: 'source:fixture-notice' }] },
      ]);
    });

    it('ended by NON_ENFORCEMENT: IN_FORCE, then NOT_ENFORCED by the announcement', async () => {
      expect(await history('rule:fixture-not-enforced')).toEqual([
        { status: 'IN_FORCE', validFrom: '2025-01-15', validTo: '2025-05-13', by: null, sources: [] },
        { status: 'NOT_ENFORCED', validFrom: '2025-05-13', validTo: null, by: { id: 'rule:fixture-announcement' }, sources: [{ id: 'source:fixture-notice' }] },
      ]);
    });

    it('suspended then resumed: IN_FORCE, SUSPENDED by the suspension for its period, IN_FORCE again', async () => {
      expect(await history('rule:fixture-suspended')).toEqual([
        { status: 'IN_FORCE', validFrom: '2025-09-29', validTo: '2025-11-10', by: null, sources: [] },
        { status: 'SUSPENDED', validFrom: '2025-11-10', validTo: '2026-11-10', by: { id: 'rule:fixture-suspension' }, sources: [{ id: 'source:fixture-notice' }] },
        { status: 'IN_FORCE', validFrom: '2026-11-10', validTo: null, by: null, sources: [{ id: 'source:fixture-notice' }] },
      ]);
    });

    it('suspended open-ended: starts on its issue date (no effective date), SUSPENDED with no end', async () => {
      expect(await history('rule:fixture-suspended-open')).toEqual([
        { status: 'IN_FORCE', validFrom: '2025-06-01', validTo: '2025-08-01', by: null, sources: [] },
        { status: 'SUSPENDED', validFrom: '2025-08-01', validTo: null, by: { id: 'rule:fixture-open-suspension' }, sources: [] },
      ]);
    });

    it('agrees with Rule.status on every day around each change, PENDING before the first period', async () => {
      const days = ['2025-01-14', '2025-01-15', '2025-03-01', '2025-05-12', '2025-05-13', '2025-07-31', '2025-08-01', '2025-09-28', '2025-09-29', '2025-11-09', '2025-11-10', '2026-11-09', '2026-11-10', '2030-01-01'];
      const ids = ['rule:fixture-never-ended', 'rule:fixture-not-enforced', 'rule:fixture-suspended', 'rule:fixture-suspended-open'];
      const asked = `{ ${ids.map((id, i) => `r${i}: rule(id: "${id}") { statusHistory { status validFrom validTo } ${days.map((day, j) => `d${j}: status(asOf: "${day}")`).join(' ')} }`).join(' ')} }`;
      const answer = await data(asked);
      let suspendedDays = 0;
      ids.forEach((_id, i) => {
        const rule = answer[`r${i}`];
        days.forEach((day, j) => {
          const period = rule.statusHistory.find((p: any) => p.validFrom <= day && (p.validTo === null || day < p.validTo));
          expect([day, rule[`d${j}`]]).toEqual([day, period ? period.status : 'PENDING']);
          if (rule[`d${j}`] === 'SUSPENDED') suspendedDays += 1;
        });
      });
      expect(suspendedDays).toBeGreaterThan(3);
    });
  });

  it('reads rin, cfrParts ([] when absent) and the confidence of touches (STATED when absent) and tier assignments', async () => {
    const answer = await data(`{ never: rule(id: "rule:fixture-never-ended") { rin cfrParts touches { relation confidence note } }
      open: rule(id: "rule:fixture-suspended-open") { rin cfrParts }
      suspended: rule(id: "rule:fixture-suspended") { touches { relation confidence note } }
      country(code: "SG") { tierAssignments { confidence } } }`);
    expect(answer.never).toEqual({ rin: '0694-ZZ01', cfrParts: ['15 CFR 744'], touches: [{ relation: 'RESTRICTS', confidence: 'INFERRED', note: 'Fixture: inferred from the product class.' }] });
    expect(answer.open).toEqual({ rin: null, cfrParts: [] });
    expect(answer.suspended.touches).toEqual([{ relation: 'TARGETS', confidence: 'STATED', note: null }]);
    expect(answer.country.tierAssignments.length).toBeGreaterThan(0);
    for (const assignment of answer.country.tierAssignments) expect(['STATED', 'INFERRED', 'UNCONFIRMED']).toContain(assignment.confidence);
  });

  describe('rules filters', () => {
    const ids = async (filter: string) => (await data(`{ rules(filter: ${filter}, first: 100) { edges { node { id } } } }`)).rules.edges.map((e: any) => e.node.id);

    it('filters by status on a day, SUSPENDED included, in agreement with Rule.status', async () => {
      const suspended = await ids('{ status: SUSPENDED, statusOn: "2026-01-01" }');
      expect(suspended).toEqual(expect.arrayContaining(['rule:fixture-suspended', 'rule:fixture-suspended-open']));
      expect(suspended).not.toContain('rule:fixture-never-ended');
      expect(await ids('{ status: NOT_ENFORCED, statusOn: "2025-06-01" }')).toContain('rule:fixture-not-enforced');
      expect(await ids('{ status: IN_FORCE, statusOn: "2026-11-10" }')).toContain('rule:fixture-suspended');
      // Without statusOn: today, the same day Rule.status answers for without asOf.
      for (const status of ['IN_FORCE', 'SUSPENDED', 'NOT_ENFORCED', 'REVOKED', 'PENDING']) {
        const page = (await data(`{ rules(filter: { status: ${status} }, first: 100) { edges { node { id status } } } }`)).rules.edges;
        for (const { node } of page) expect([node.id, node.status]).toEqual([node.id, status]);
      }
    });

    it('filters by issue dates (inclusive) and by CFR part', async () => {
      const answer = await data('{ rules(filter: { issuedFrom: "2025-11-10", issuedTo: "2025-11-10" }, first: 100) { edges { node { id issuedOn } } } }');
      expect(answer.rules.edges.map((e: any) => e.node.id)).toContain('rule:fixture-suspension');
      for (const { node } of answer.rules.edges) expect(node.issuedOn).toBe('2025-11-10');
      expect(await ids('{ cfrPart: "15 CFR 734" }')).toContain('rule:fixture-suspended');
      expect(await ids('{ cfrPart: "15 CFR 734" }')).not.toContain('rule:fixture-never-ended');
      await refused('{ rules(filter: { issuedFrom: "2025-02-01", issuedTo: "2025-01-01" }) { totalCount } }', 'filter.issuedTo');
    });
  });

  describe('rules orders', () => {
    async function everyPage(order: string, first: number) {
      const seen: any[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page += 1) {
        const answer: any = await data(`query ($after: String) { rules(orderBy: ${order}, first: ${first}, after: $after) { edges { cursor node { id issuedOn effectiveOn } } pageInfo { hasNextPage endCursor } } }`, { after });
        seen.push(...answer.rules.edges.map((e: any) => e.node));
        if (!answer.rules.pageInfo.hasNextPage) return seen;
        after = answer.rules.pageInfo.endCursor;
      }
      throw new Error('too many pages');
    }

    it.each([
      ['ISSUED_ON_ASC', 'issuedOn', 1],
      ['ISSUED_ON_DESC', 'issuedOn', -1],
      ['EFFECTIVE_ON_ASC', 'effectiveOn', 1],
      ['EFFECTIVE_ON_DESC', 'effectiveOn', -1],
    ] as const)('pages through %s with keyset cursors, rules without the date last, ties by id', async (order, key, sign) => {
      const all = await everyPage('ID', 100);
      const expected = [...all].sort((a, b) => {
        if ((a[key] === null) !== (b[key] === null)) return a[key] === null ? 1 : -1;
        if (a[key] !== b[key]) return sign * (a[key] < b[key] ? -1 : 1);
        return a.id < b.id ? -1 : 1;
      });
      expect(expected.some((rule) => rule[key] === null)).toBe(true);
      expect((await everyPage(order, 3)).map((r) => r.id)).toEqual(expected.map((r) => r.id));
    });

    it("refuses a cursor another order issued, naming after", async () => {
      const cursor = (await data('{ rules(orderBy: ISSUED_ON_ASC, first: 1) { pageInfo { endCursor } } }')).rules.pageInfo.endCursor;
      await refused(`{ rules(orderBy: EFFECTIVE_ON_ASC, after: "${cursor}") { totalCount } }`, 'after', /another order/);
      await refused(`{ rules(after: "${cursor}") { totalCount } }`, 'after');
      const idCursor = (await data('{ rules(first: 1) { pageInfo { endCursor } } }')).rules.pageInfo.endCursor;
      await refused(`{ rules(orderBy: ISSUED_ON_DESC, after: "${idCursor}") { totalCount } }`, 'after');
    });
  });

  describe('factChanges', () => {
    const FIELDS = '{ on change relation status subject { ... on Node { id } } object { ... on Node { id } } cause { id } sources { id } }';
    const changes = async (args: string) => (await data(`{ factChanges(${args}) ${FIELDS} }`)).factChanges;
    const brief = (c: any) => [c.on, c.change, c.relation, c.subject.id, c.object?.id ?? null, c.status, c.cause?.id ?? null];

    it('reports status periods with their cause: a suspension begins, a rule stops being enforced', async () => {
      const suspension = (await changes('from: "2025-11-10", to: "2025-11-10", relations: ["STATUS"]')).map(brief);
      expect(suspension).toEqual(expect.arrayContaining([
        ['2025-11-10', 'ENDED', 'STATUS', 'rule:fixture-suspended', null, 'IN_FORCE', 'rule:fixture-suspension'],
        ['2025-11-10', 'STARTED', 'STATUS', 'rule:fixture-suspended', null, 'SUSPENDED', 'rule:fixture-suspension'],
        ['2025-11-10', 'STARTED', 'STATUS', 'rule:fixture-suspension', null, 'IN_FORCE', 'rule:fixture-suspension'],
      ]));
      const resumed = (await changes('from: "2026-11-01", to: "2026-11-30", entity: "rule:fixture-suspended"')).map(brief);
      expect(resumed).toEqual([
        ['2026-11-10', 'ENDED', 'STATUS', 'rule:fixture-suspended', null, 'SUSPENDED', 'rule:fixture-suspension'],
        ['2026-11-10', 'STARTED', 'STATUS', 'rule:fixture-suspended', null, 'IN_FORCE', 'rule:fixture-suspension'],
      ]);
      const may13 = await changes('from: "2025-05-13", to: "2025-05-13"');
      expect(may13.map(brief)).toEqual(expect.arrayContaining([
        ['2025-05-13', 'STARTED', 'STATUS', 'rule:fixture-not-enforced', null, 'NOT_ENFORCED', 'rule:fixture-announcement'],
      ]));
      expect(may13.find((c: any) => c.status === 'NOT_ENFORCED' && c.subject.id === 'rule:fixture-not-enforced').sources).toEqual([{ id: 'source:fixture-notice' }]);
      // The seed's tier memberships that ended that day, with the rule that ended them.
      const leftTiers = may13.filter((c: any) => c.relation === 'IN_TIER');
      expect(leftTiers.length).toBeGreaterThan(10);
      for (const c of leftTiers) expect([c.change, c.cause]).toEqual(['ENDED', expect.objectContaining({ id: expect.stringMatching(/^rule:/) })]);
    });

    it('reports listings as the party LISTED_ON with the rules that added and removed them, and touches with their rule', async () => {
      const acme = (await changes('from: "2025-01-01", to: "2025-12-31", entity: "company:fixture-acme"')).map(brief);
      expect(acme).toEqual([
        ['2025-03-01', 'STARTED', 'LISTED_ON', 'company:fixture-acme', null, null, 'rule:fixture-never-ended'],
        ['2025-03-01', 'STARTED', 'RESTRICTS', 'rule:fixture-never-ended', 'company:fixture-acme', null, 'rule:fixture-never-ended'],
        ['2025-09-29', 'STARTED', 'TARGETS', 'rule:fixture-suspended', 'company:fixture-acme', null, 'rule:fixture-suspended'],
        ['2025-10-01', 'ENDED', 'LISTED_ON', 'company:fixture-acme', null, null, 'rule:fixture-suspension'],
      ]);
      // By name, through the name lookup, the same facts; narrowed by relation.
      expect((await changes('from: "2025-01-01", to: "2025-12-31", entity: "Fixture Acmeworks"')).map(brief)).toEqual(acme);
      expect((await changes('from: "2025-01-01", to: "2025-12-31", entity: "fixture acmeworks", relations: ["LISTED_ON"]')).map(brief)).toEqual(acme.filter((c: any) => c[2] === 'LISTED_ON'));
      // The window finds the same facts without the entity.
      const window = (await changes('from: "2025-01-01", to: "2025-12-31", relations: ["LISTED_ON", "RESTRICTS", "TARGETS"], first: 3000')).map(brief);
      expect(window.filter((c: any) => c[3] === 'company:fixture-acme' || c[4] === 'company:fixture-acme')).toEqual(acme);
    });

    it('answers oldest first, and `first` cuts the same list wherever it falls', async () => {
      const all = (await changes('from: "2019-01-01", to: "2027-12-31", first: 3000')).map(brief);
      expect(all.length).toBeGreaterThan(100);
      expect(all.length).toBeLessThan(3000);
      const keys = all.map((c: any) => [c[0], c[1], c[2], c[3]].join('|'));
      expect(keys).toEqual([...keys].sort());
      for (const first of [1, 7, 40, 99]) {
        expect((await changes(`from: "2019-01-01", to: "2027-12-31", first: ${first}`)).map(brief)).toEqual(all.slice(0, first));
      }
      expect([...new Set(all.map((c: any) => c[2]))]).toEqual(expect.arrayContaining(['IN_TIER', 'STATUS', 'LISTED_ON', 'RESTRICTS', 'TARGETS']));
    });

    it('narrows to facts about a country given by id, as the window holds them', async () => {
      const sg = (await changes('from: "2025-01-01", to: "2025-12-31", entity: "country:SG"')).map(brief);
      expect(sg.length).toBeGreaterThan(0);
      const window = (await changes('from: "2025-01-01", to: "2025-12-31", first: 3000')).map(brief);
      expect(window.filter((c: any) => c[3] === 'country:SG' || c[4] === 'country:SG')).toEqual(sg);
    });

    it('refuses what it cannot answer, naming the argument', async () => {
      await refused('{ factChanges(from: "2025-02-01", to: "2025-01-01") { on } }', 'to');
      await refused('{ factChanges(from: "2025-01-01", to: "2025-02-01", relations: ["IN_TIER", "OWNS"]) { on } }', 'relations', /takes IN_TIER, IN_COUNTRY_GROUP, .*LISTED_ON, STATUS; not "OWNS"/);
      // A long value is quoted cut short, and only the first three of many.
      const long = `"${'x'.repeat(50_000)}"`;
      await refused(`{ factChanges(from: "2025-01-01", to: "2025-02-01", relations: [${long}]) { on } }`, 'relations', /; not "x{100}…"\.$/);
      await refused('{ factChanges(from: "2025-01-01", to: "2025-02-01", relations: ["A", "B", "C", "D", "E"]) { on } }', 'relations', /; not "A", "B", "C" and 2 more\.$/);
      await refused('{ factChanges(from: "2025-01-01", to: "2025-02-01", entity: "Zzyzx Quuxlandia") { on } }', 'entity', /nothing in the graph/);
      await refused('{ factChanges(from: "2025-01-01", to: "2025-02-01", entity: "company:no-such-company") { on } }', 'entity');
      await refused('{ factChanges(from: "2025-01-01", to: "2025-02-01", first: 5001) { on } }', 'first');
      await refused('{ factChanges(from: "2025-01-01", to: "2025-02-01", first: 0) { on } }', 'first');
    });
  });
});
