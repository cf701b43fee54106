import { NamedQuery } from '../../src/neo4j/graph';
import { createTestApp, TestApp } from '../support/app';

const ALICE = 'Bearer s3cret';

/** Everything this file writes has an id with 'test-wg' in it; seeded agencies, countries and rules are only linked to. */
const cleanUp: NamedQuery = {
  name: 'testV3WritesGraphCleanUp',
  cypher: `
CALL { MATCH (n) WHERE n.id CONTAINS 'test-wg' DETACH DELETE n }
CALL { MATCH (c:Change) WHERE any(id IN c.entityIds WHERE id CONTAINS 'test-wg') DETACH DELETE c }
CALL { MATCH (:Official)-[o:HOLDS_OFFICE]->() WHERE o.title STARTS WITH 'Test WG' DELETE o }`,
};

const setUp: NamedQuery = {
  name: 'testV3WritesGraphSetUp',
  cypher: `
CREATE (:Source {id: 'source:test-wg-src', title: 'Test WG source', kind: 'PRESS_RELEASE'})
CREATE (:Rule {id: 'rule:test-wg-rule', title: 'Test WG rule', kind: 'GUIDANCE', aliases: []})`,
};

const changesOf: NamedQuery = {
  name: 'testV3WritesGraphChanges',
  cypher: 'RETURN COUNT { (c:Change) WHERE $id IN c.entityIds } AS changes, COUNT { (n) WHERE n.id = $id } AS nodes',
};

const SRC = ['source:test-wg-src'];

const UPSERT_COMPANY = `mutation ($input: CompanyInput!) {
  upsertCompany(input: $input) { id name aliases country { code } parent { id } }
}`;
const UPSERT_PRODUCT = `mutation ($input: ChipProductInput!) {
  upsertChipProduct(input: $input) { id name family aliases maker { id } performance { tpp memoryBandwidthGBs announcedOn sources { id } } }
}`;
const UPSERT_OFFICIAL = `mutation ($input: OfficialInput!) { upsertOfficial(input: $input) { id name aliases } }`;
const RECORD_OFFICE = `mutation ($input: OfficeInput!) {
  recordOffice(input: $input) { official { id } agency { id } title validFrom validTo }
}`;
const RECORD_ACTION = `mutation ($input: OfficialActionInput!) {
  recordOfficialAction(input: $input) { official { id } rule { id } kind on text sources { id } }
}`;
const RECORD_TOUCH = `mutation ($input: TouchInput!) {
  recordTouch(input: $input) { rule { id } target { ... on ChipProduct { id } ... on Country { id } } relation validFrom validTo confidence note sources { id } }
}`;
const RECORD_LISTING = `mutation ($input: ListingInput!) {
  recordListing(input: $input) { party { id } list licensePolicy validFrom validTo addedBy { id } confidence sources { id } }
}`;

describe('v3 writes: products, companies, officials, touches and listings', () => {
  let app: TestApp;

  async function counts(id: string): Promise<{ changes: number; nodes: number }> {
    const [row] = await app.graph.read<{ changes: number; nodes: number }>(changesOf, { id });
    return row;
  }

  /** The first error's code and the field it names. */
  async function refusal(query: string, input: object, token: string | null = ALICE) {
    const result = await app.execute(query, { input }, token ?? undefined);
    expect(result.data ?? null).toBeNull();
    const extensions = result.errors?.[0].extensions ?? {};
    return { code: extensions.code, field: extensions.argumentName ?? (extensions.invalidFields as string[] | undefined)?.[0] };
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

  it('creates a company with its country and parent, and records one Change for a repeat', async () => {
    const parent = await app.execute(UPSERT_COMPANY, { input: { name: 'Test WG Holdings', countryCode: 'sg', sourceIds: SRC } }, ALICE);
    expect(parent.errors).toBeUndefined();
    expect(parent.data!.upsertCompany).toEqual({ id: 'company:test-wg-holdings', name: 'Test WG Holdings', aliases: [], country: { code: 'SG' }, parent: null });
    const input = { name: 'Test WG Fab', countryCode: 'SG', parentId: 'company:test-wg-holdings', aliases: ['TWGF'], sourceIds: SRC };
    const child = await app.execute(UPSERT_COMPANY, { input }, ALICE);
    expect(child.errors).toBeUndefined();
    expect(child.data!.upsertCompany).toEqual({ id: 'company:test-wg-fab', name: 'Test WG Fab', aliases: ['TWGF'], country: { code: 'SG' }, parent: { id: 'company:test-wg-holdings' } });
    expect((await app.execute(UPSERT_COMPANY, { input }, ALICE)).errors).toBeUndefined();
    expect(await counts('company:test-wg-fab')).toEqual({ changes: 1, nodes: 1 });
    const read = await app.execute('{ node(id: "company:test-wg-holdings") { ... on Company { subsidiaries { id } } } }');
    expect(read.data!.node).toEqual({ subsidiaries: [{ id: 'company:test-wg-fab' }] });
  });

  it('refuses a company input naming what is missing, an ownership cycle, or another company\'s id, writing nothing', async () => {
    expect(await refusal(UPSERT_COMPANY, { name: 'Test WG X', sourceIds: SRC }, null)).toEqual({ code: 'UNAUTHENTICATED', field: undefined });
    expect(await refusal(UPSERT_COMPANY, { name: 'Test WG X', countryCode: 'XX', sourceIds: SRC })).toEqual({ code: 'BAD_USER_INPUT', field: 'countryCode' });
    expect(await refusal(UPSERT_COMPANY, { name: 'Test WG X', parentId: 'company:test-wg-none', sourceIds: SRC })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    expect(await refusal(UPSERT_COMPANY, { name: 'Test WG X', sourceIds: ['source:test-wg-none'] })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.sourceIds' });
    expect(await counts('company:test-wg-x')).toEqual({ changes: 0, nodes: 0 });
    const cycle = { id: 'company:test-wg-holdings', name: 'Test WG Holdings', parentId: 'company:test-wg-fab', sourceIds: SRC };
    expect(await refusal(UPSERT_COMPANY, cycle)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    const itself = { id: 'company:test-wg-holdings', name: 'Test WG Holdings', parentId: 'company:test-wg-holdings', sourceIds: SRC };
    expect(await refusal(UPSERT_COMPANY, itself)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    expect(await refusal(UPSERT_COMPANY, { name: 'Test-WG fab!', sourceIds: SRC })).toEqual({ code: 'CONFLICT', field: 'input.name' });
    // Its creation, and its subsidiary's (a Change names both ends of the link it writes).
    expect(await counts('company:test-wg-holdings')).toEqual({ changes: 2, nodes: 1 });
  });

  it('creates a chip product with its maker and figures, findable by name, and updates only what is given', async () => {
    const input = { name: 'Test WG 900', family: 'WG', makerId: 'company:test-wg-fab', tpp: 4800, memoryBandwidthGBs: 3200, announcedOn: '2030-01-02', sourceIds: SRC };
    const created = await app.execute(UPSERT_PRODUCT, { input }, ALICE);
    expect(created.errors).toBeUndefined();
    expect(created.data!.upsertChipProduct).toEqual({
      id: 'chipProduct:test-wg-900', name: 'Test WG 900', family: 'WG', aliases: [], maker: { id: 'company:test-wg-fab' },
      performance: { tpp: 4800, memoryBandwidthGBs: 3200, announcedOn: '2030-01-02', sources: [{ id: 'source:test-wg-src' }] },
    });
    // The name keys are written with the product: the maker's name before the family finds it.
    const found = await app.execute('{ chipProducts(filter: { text: "Test WG 900" }) { edges { node { id } } } }');
    expect(found.data!.chipProducts.edges).toEqual([{ node: { id: 'chipProduct:test-wg-900' } }]);
    const updated = await app.execute(UPSERT_PRODUCT, { input: { id: 'chipProduct:test-wg-900', name: 'Test WG 900', aliases: ['WG-900'], sourceIds: SRC } }, ALICE);
    expect(updated.data!.upsertChipProduct).toMatchObject({ family: 'WG', aliases: ['WG-900'], maker: { id: 'company:test-wg-fab' }, performance: { tpp: 4800 } });
    expect(await counts('chipProduct:test-wg-900')).toEqual({ changes: 2, nodes: 1 });
    // The update's Change keeps what it changed, before and after, and nothing else.
    const feed = await app.execute('{ changes(first: 1) { edges { node { operation entityIds before after } } } }');
    expect(feed.data!.changes.edges[0].node).toEqual({
      operation: 'upsertChipProduct',
      entityIds: ['chipProduct:test-wg-900'],
      before: { 'chipProduct:test-wg-900': { aliases: [], version: 1 } },
      after: { 'chipProduct:test-wg-900': { aliases: ['WG-900'], version: 2 } },
    });
    expect(await refusal(UPSERT_PRODUCT, { name: 'Test WG 901', makerId: 'company:test-wg-none', sourceIds: SRC })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.makerId' });
    expect(await refusal(UPSERT_PRODUCT, { name: 'Test WG 901', tpp: -1, sourceIds: SRC })).toEqual({ code: 'BAD_USER_INPUT', field: 'tpp' });
    expect(await counts('chipProduct:test-wg-901')).toEqual({ changes: 0, nodes: 0 });
  });

  it('records an official, an office (overlap is a CONFLICT) and an action (a repeat changes nothing)', async () => {
    const official = await app.execute(UPSERT_OFFICIAL, { input: { name: 'Test WG Official', sourceIds: SRC } }, ALICE);
    expect(official.data!.upsertOfficial).toEqual({ id: 'official:test-wg-official', name: 'Test WG Official', aliases: [] });
    const office = { officialId: 'official:test-wg-official', agencyId: 'agency:bis', title: 'Test WG Under Secretary', validFrom: '2030-01-01', validTo: '2031-01-01', sourceIds: SRC };
    const recorded = await app.execute(RECORD_OFFICE, { input: office }, ALICE);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordOffice).toEqual({ official: { id: 'official:test-wg-official' }, agency: { id: 'agency:bis' }, title: office.title, validFrom: '2030-01-01', validTo: '2031-01-01' });
    expect((await app.execute(RECORD_OFFICE, { input: office }, ALICE)).errors).toBeUndefined();
    expect(await refusal(RECORD_OFFICE, { ...office, validFrom: '2030-06-01', validTo: null })).toEqual({ code: 'CONFLICT', field: 'input.validFrom' });
    expect(await refusal(RECORD_OFFICE, { ...office, agencyId: 'agency:test-wg-none' })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.agencyId' });
    expect(await refusal(RECORD_OFFICE, { ...office, validTo: '2029-01-01' })).toEqual({ code: 'BAD_USER_INPUT', field: 'validTo' });

    const action = { officialId: 'official:test-wg-official', ruleId: 'rule:test-wg-rule', kind: 'SIGNED', on: '2030-02-01', text: 'Signed it.', sourceIds: SRC };
    const acted = await app.execute(RECORD_ACTION, { input: action }, ALICE);
    expect(acted.errors).toBeUndefined();
    expect(acted.data!.recordOfficialAction).toEqual({ official: { id: action.officialId }, rule: { id: action.ruleId }, kind: 'SIGNED', on: '2030-02-01', text: 'Signed it.', sources: [{ id: 'source:test-wg-src' }] });
    expect((await app.execute(RECORD_ACTION, { input: action }, ALICE)).errors).toBeUndefined();
    expect(await refusal(RECORD_ACTION, { ...action, ruleId: 'rule:test-wg-none' })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.ruleId' });
    // The official's creation, the office and the action: the repeats recorded nothing.
    expect(await counts('official:test-wg-official')).toEqual({ changes: 3, nodes: 1 });
  });

  it('records a touch that rulesTouching then finds along the product\'s path, and refuses an overlap or an untouchable target', async () => {
    const touch = { ruleId: 'rule:test-wg-rule', targetId: 'company:test-wg-fab', relation: 'RESTRICTS', validFrom: '2030-03-01', note: 'Test WG touch.', sourceIds: SRC };
    const recorded = await app.execute(RECORD_TOUCH.replace('... on Country { id }', '... on Company { id }'), { input: touch }, ALICE);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordTouch).toEqual({
      rule: { id: 'rule:test-wg-rule' }, target: { id: 'company:test-wg-fab' }, relation: 'RESTRICTS', validFrom: '2030-03-01', validTo: null,
      confidence: 'STATED', note: 'Test WG touch.', sources: [{ id: 'source:test-wg-src' }],
    });
    const touching = await app.execute('{ rulesTouching(entity: "chipProduct:test-wg-900", asOf: "2030-04-01") { rule { id } path { ... on Company { id } } } }');
    expect(touching.errors).toBeUndefined();
    expect(touching.data!.rulesTouching).toEqual([{ rule: { id: 'rule:test-wg-rule' }, path: [{}, { id: 'company:test-wg-fab' }, {}] }]);
    expect(await refusal(RECORD_TOUCH, { ...touch, validFrom: '2030-05-01' })).toEqual({ code: 'CONFLICT', field: 'input.validFrom' });
    expect(await refusal(RECORD_TOUCH, { ...touch, targetId: 'tier:ai-diffusion-tier-2' })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.targetId' });
    expect(await refusal(RECORD_TOUCH, { ...touch, relation: 'LIKES' })).toEqual({ code: 'BAD_USER_INPUT', field: 'relation' });
    expect(await refusal(RECORD_TOUCH, { ...touch, targetId: 'chipProduct:test-wg-none' })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.targetId' });
    const country = await app.execute(RECORD_TOUCH, { input: { ...touch, targetId: 'country:SG', relation: 'TARGETS' } }, ALICE);
    expect(country.data!.recordTouch).toMatchObject({ target: { id: 'country:SG' }, relation: 'TARGETS' });
    // Ending it: the Change shows the touch's validTo going from null to the day.
    const ended = await app.execute(
      'mutation ($input: EndFactInput!) { endFact(input: $input) }',
      { input: { subjectId: 'rule:test-wg-rule', objectId: 'country:SG', relation: 'TARGETS', on: '2030-09-01', sourceIds: SRC } }, ALICE,
    );
    expect(ended.errors).toBeUndefined();
    const feed = await app.execute('{ changes(first: 1) { edges { node { operation before after } } } }');
    const link = 'link: TARGETS -> country:SG, validFrom 2030-03-01';
    const change = feed.data!.changes.edges[0].node;
    expect(change.operation).toBe('endFact');
    expect(change.before['rule:test-wg-rule'][link]).toMatchObject({ validFrom: '2030-03-01' });
    expect(change.before['rule:test-wg-rule'][link].validTo).toBeUndefined();
    expect(change.after['rule:test-wg-rule'][link]).toMatchObject({ validTo: '2030-09-01' });
  });

  it('records a listing the company then shows, with the rule that added it; an overlapping one is a CONFLICT', async () => {
    const listing = { partyId: 'company:test-wg-fab', list: 'ENTITY_LIST', licensePolicy: 'Presumption of denial', validFrom: '2030-06-01', addedByRuleId: 'rule:test-wg-rule', sourceIds: SRC };
    const recorded = await app.execute(RECORD_LISTING, { input: listing }, ALICE);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordListing).toEqual({
      party: { id: 'company:test-wg-fab' }, list: 'ENTITY_LIST', licensePolicy: 'Presumption of denial', validFrom: '2030-06-01', validTo: null,
      addedBy: { id: 'rule:test-wg-rule' }, confidence: 'STATED', sources: [{ id: 'source:test-wg-src' }],
    });
    const listed = await app.execute('{ companies(filter: { listed: ENTITY_LIST, listedOn: "2030-07-01", text: "Test WG" }) { edges { node { id } } } }');
    expect(listed.data!.companies.edges).toEqual([{ node: { id: 'company:test-wg-fab' } }]);
    expect(await refusal(RECORD_LISTING, { ...listing, validFrom: '2031-01-01' })).toEqual({ code: 'CONFLICT', field: 'input.validFrom' });
    expect(await refusal(RECORD_LISTING, { ...listing, addedByRuleId: 'rule:test-wg-none', list: 'UNVERIFIED_LIST' })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.addedByRuleId' });
  });

  it('refuses an update made against a stale version (CONFLICT, nothing written) and counts versions per change', async () => {
    const read = await app.execute('{ node(id: "company:test-wg-fab") { ... on Company { version aliases } } }');
    const { version } = read.data!.node as { version: number };
    expect(version).toBe(1);
    const update = { id: 'company:test-wg-fab', name: 'Test WG Fab', aliases: ['TWGF', 'WG Fab'], sourceIds: SRC };
    const first = await app.execute(UPSERT_COMPANY.replace('aliases country', 'version aliases country'), { input: { ...update, expectedVersion: version } }, ALICE);
    expect(first.errors).toBeUndefined();
    expect(first.data!.upsertCompany).toMatchObject({ version: 2, aliases: ['TWGF', 'WG Fab'] });
    // A second editor who read version 1 too: refused, and the first editor's aliases stand.
    expect(await refusal(UPSERT_COMPANY, { ...update, aliases: ['Other'], expectedVersion: version })).toEqual({ code: 'CONFLICT', field: 'input.expectedVersion' });
    expect(await refusal(UPSERT_COMPANY, { ...update, id: 'company:test-wg-none', expectedVersion: 0 })).toEqual({ code: 'CONFLICT', field: 'input.expectedVersion' });
    const after = await app.execute('{ node(id: "company:test-wg-fab") { ... on Company { version aliases } } }');
    expect(after.data!.node).toEqual({ version: 2, aliases: ['TWGF', 'WG Fab'] });
    expect(await counts('company:test-wg-none')).toEqual({ changes: 0, nodes: 0 });
    // The same holds for rules and sources; a repeat that changes nothing keeps the version.
    const rule = 'mutation ($v: Int) { upsertRule(input: { id: "rule:test-wg-rule", title: "Test WG rule", kind: GUIDANCE, summary: "Test WG.", expectedVersion: $v }) { version } }';
    expect((await app.execute(rule, { v: 0 }, ALICE)).data!.upsertRule).toEqual({ version: 1 });
    expect((await app.execute(rule, { v: 1 }, ALICE)).data!.upsertRule).toEqual({ version: 1 });
    expect((await app.execute(rule, { v: 0 }, ALICE)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.expectedVersion' });
    const source = 'mutation ($v: Int) { upsertSource(input: { id: "source:test-wg-src", title: "Test WG source", kind: "PRESS_RELEASE", note: "Checked.", expectedVersion: $v }) { version note } }';
    expect((await app.execute(source, { v: 0 }, ALICE)).data!.upsertSource).toEqual({ version: 1, note: 'Checked.' });
    expect((await app.execute(source, { v: 0 }, ALICE)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.expectedVersion' });
  });

  it('writes a rule\'s RIN and CFR parts, which the cfrPart filter finds', async () => {
    const upsert = await app.execute(
      'mutation { upsertRule(input: { id: "rule:test-wg-rule", title: "Test WG rule", kind: GUIDANCE, rin: "0694-ZZ99", cfrParts: ["15 CFR 999"] }) { rin cfrParts } }',
      {}, ALICE,
    );
    expect(upsert.data!.upsertRule).toEqual({ rin: '0694-ZZ99', cfrParts: ['15 CFR 999'] });
    const found = await app.execute('{ rules(filter: { cfrPart: "15 CFR 999" }) { edges { node { id } } } }');
    expect(found.data!.rules.edges).toEqual([{ node: { id: 'rule:test-wg-rule' } }]);
    const bad = await app.execute('mutation { upsertRule(input: { title: "Test WG other", kind: GUIDANCE, cfrParts: ["part 744"] }) { id } }', {}, ALICE);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('moves the exact-name index with each rename: a product\'s own name and its maker\'s name before its family', async () => {
    const keys = async (id: string) => {
      const [row] = await app.graph.read<{ stored: string[]; linked: string[] }>({
        name: 'testNameKeyLinks',
        cypher: 'MATCH (n {id: $id}) RETURN n.nameKeys AS stored, COLLECT { MATCH (k:NameKey)-[:NAMES]->(n) RETURN k.key ORDER BY k.key } AS linked',
      }, { id });
      return row;
    };
    const touchedVia = async (name: string) => {
      const result = await app.execute('query ($name: String!) { rulesTouching(entity: $name, via: [MAKER], asOf: "2030-04-01") { rule { id } } }', { name });
      return result.errors?.[0].extensions?.code ?? result.data!.rulesTouching.map((touch: { rule: { id: string } }) => touch.rule.id);
    };
    expect(await touchedVia('Test WG Fab WG')).toEqual(['rule:test-wg-rule']);
    expect((await app.execute(UPSERT_PRODUCT, { input: { id: 'chipProduct:test-wg-900', name: 'Test WG 950', sourceIds: SRC } }, ALICE)).errors).toBeUndefined();
    expect((await app.execute(UPSERT_COMPANY, { input: { id: 'company:test-wg-fab', name: 'Test WG Foundry', sourceIds: SRC } }, ALICE)).errors).toBeUndefined();
    const product = await keys('chipProduct:test-wg-900');
    // One link per key the product stores now, none left from the names it had.
    expect(product.linked).toEqual([...new Set(product.stored)].sort());
    expect(product.linked).toEqual(expect.arrayContaining(['test wg 950', 'test wg foundry wg']));
    expect(product.linked).not.toContain('test wg 900');
    expect(product.linked).not.toContain('test wg fab wg');
    expect(await touchedVia('test wg foundry wg')).toEqual(['rule:test-wg-rule']);
    expect(await touchedVia('Test WG 950')).toEqual(['rule:test-wg-rule']);
  });
});
