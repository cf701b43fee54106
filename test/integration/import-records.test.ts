import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseRecords, RecordsFileError } from '../../src/import/records/records-file';
import { recordsJsonSchema } from '../../src/import/records/records-schema';
import { importRecords, ImportReport } from '../../src/import/records/records-import';
import { parseArgs } from '../../src/import/records-cli';
import { Graph, NamedQuery } from '../../src/neo4j/graph';
import { createTestApp, TestApp } from '../support/app';

const ALICE = 'Bearer s3cret';

/** Everything this file writes has 'test-ir' in its id (or names a test-ir rule); seeded nodes are only linked to. */
const cleanUp: NamedQuery = {
  name: 'testImportRecordsCleanUp',
  cypher: `
CALL { MATCH (c:Change) WHERE c.editor = 'import' OR any(id IN c.entityIds WHERE id CONTAINS 'test-ir') DETACH DELETE c }
CALL { MATCH (n) WHERE n.id CONTAINS 'test-ir' DETACH DELETE n }
CALL { MATCH (:Country)-[m:IN_GROUP]->(:CountryGroup) WHERE 'source:test-ir-src' IN m.sourceIds DELETE m }`,
};

const state: NamedQuery = {
  name: 'testImportRecordsState',
  cypher: `
RETURN COUNT { (n) WHERE n.id CONTAINS 'test-ir' } AS nodes,
       COUNT { (c:Change {editor: 'import', operation: 'importRecords'}) } AS changes,
       COUNT { (:Rule {id: 'rule:test-ir-rule'})-[:RESTRICTS]->(:ChipProduct {id: 'chipProduct:test-ir-chip'}) } AS touches,
       COUNT { (:ChipProduct {id: 'chipProduct:test-ir-chip'})-[:CLASSIFIED_AS]->(:Eccn {id: 'eccn:3A090'}) } AS classifications,
       [(:Company {id: 'company:test-ir-maker'})-[:LISTED]->(l:Listing) | [l.licensePolicy, l.confidence]] AS policies,
       [(:Country {code: 'TV'})-[m:IN_GROUP]->(:CountryGroup {id: 'countryGroup:D5'}) WHERE 'source:test-ir-src' IN m.sourceIds | [m.confidence, m.removedBy]] AS memberships,
       [(o:Official {id: 'official:test-ir-official'})-[h:HOLDS_OFFICE]->(:Agency) | h.title] AS offices,
       [(:Company {id: 'company:test-ir-unit'})-[p:SUBSIDIARY_OF]->(:Company {id: 'company:test-ir-maker'}) | [toString(p.validFrom), p.confidence, p.note, p.sourceIds]] AS parents,
       COLLECT { MATCH (p:ChipProduct {id: 'chipProduct:test-ir-chip'}) RETURN [p.tpp, p.performanceSourceIds] } AS figures,
       COLLECT { MATCH (r:Rule {id: 'rule:test-ir-rule'}) RETURN [r.aliases, r.administration, r.note] } AS ruleExtras,
       [(:Agency {id: 'agency:test-ir-office'})-[l:PART_OF]->(p:Agency) | [p.id, l.sourceIds]] AS agencyParents,
       [(:ChipProduct {id: 'chipProduct:test-ir-chip'})-[f:FABRICATED_BY]->(c:Company) | [c.id, f.unconfirmed]] AS foundries,
       [(:Country {code: 'TV'})-[a:IN_TIER]->(:Tier {id: 'tier:test-ir-tier'})-[:DEFINED_BY]->(:Rule {id: 'rule:test-ir-rule'}) | [toString(a.validFrom), toString(a.validTo), a.endedByRuleId]] AS tierPeriods,
       [(:Rule {id: 'rule:test-ir-rule'})-[l:AMENDS]->(:Rule {id: 'rule:ai-diffusion'}) | [l.confidence, l.sourceIds]] AS amends`,
};

/** A file in the seed's shapes: every importable kind, each record naming what comes before it or what the seed holds. */
const FILE = `
sources:
  - id: source:test-ir-src
    title: Test IR source
    publisher: Test publisher
    url: https://example.org/test-ir
    kind: PRESS_RELEASE
  - id: source:test-ir-figures
    title: Test IR datasheet
    publisher: Test publisher
    url: https://example.org/test-ir-figures
    kind: DATASHEET
companies:
  - id: company:test-ir-maker
    name: Test IR Maker
    countryCode: CN
    sourceIds: [source:test-ir-src]
  - id: company:test-ir-unit
    name: Test IR Unit
    countryCode: CN
    parentId: company:test-ir-maker
    parentValidFrom: 2099-01-01
    parentConfidence: INFERRED
    parentNote: Test IR ownership inferred from a listing.
    parentSourceIds: [source:test-ir-figures]
    sourceIds: [source:test-ir-src]
chipProducts:
  - id: chipProduct:test-ir-chip
    name: Test IR Chip
    makerId: company:test-ir-maker
    family: TestIR
    tpp: 4800
    performanceSourceIds: [source:test-ir-figures]
    sourceIds: [source:test-ir-src]
officials:
  - id: official:test-ir-official
    name: Test IR Official
    sourceIds: [source:test-ir-src]
    offices:
      - agencyId: agency:bis
        title: Test IR Under Secretary
        validFrom: 2099-01-01
        sourceIds: [source:test-ir-src]
rules:
  - id: rule:test-ir-rule
    title: Test IR rule on chips
    kind: GUIDANCE
    aliases: [Test IR alias]
    administration: Test
    note: Test IR note on the rule.
    issuedOn: 2099-01-02
    issuedByAgencyIds: [agency:bis]
    cfrParts: [15 CFR 744]
    sourceIds: [source:test-ir-src]
actions:
  - officialId: official:test-ir-official
    ruleId: rule:test-ir-rule
    kind: SIGNED
    on: 2099-01-02
    sourceIds: [source:test-ir-src]
touches:
  - ruleId: rule:test-ir-rule
    targetId: chipProduct:test-ir-chip
    relation: RESTRICTS
    validFrom: 2099-01-02
    confidence: INFERRED
    note: Test IR inferred from the rule's scope.
    sourceIds: [source:test-ir-src]
classifications:
  - productId: chipProduct:test-ir-chip
    eccn: 3A090
    validFrom: 2099-01-02
    sourceIds: [source:test-ir-src]
listings:
  - partyId: company:test-ir-maker
    list: ENTITY_LIST
    licenseRequirement: All items subject to the EAR
    licensePolicy: Presumption of denial
    validFrom: 2099-01-03
    addedByRuleId: rule:test-ir-rule
    confidence: INFERRED
    note: Test IR inferred from the rule's annex.
    sourceIds: [source:test-ir-src]
agencies:
  - id: agency:test-ir-office
    name: Test IR Office
    parentId: agency:bis
    sourceIds: [source:test-ir-src]
fabrication:
  - productId: chipProduct:test-ir-chip
    foundryId: company:test-ir-unit
    unconfirmed: true
    note: Test IR foundry, no filing names it.
    sourceIds: [source:test-ir-src]
tiers:
  - id: tier:test-ir-tier
    ruleId: rule:test-ir-rule
    level: 1
    name: Test IR tier
    sourceIds: [source:test-ir-src]
tierAssignments:
  - code: TV
    tierId: tier:test-ir-tier
    validFrom: 2099-01-05
    sourceIds: [source:test-ir-src]
lineage:
  - fromId: rule:test-ir-rule
    toId: rule:ai-diffusion
    kind: AMENDS
    on: 2099-01-02
    confidence: INFERRED
    note: Test IR link inferred from the rule's preamble.
    sourceIds: [source:test-ir-src]
revocations:
  - ruleId: rule:test-ir-rule
    on: 2099-06-01
    kind: EXPIRED
    sourceIds: [source:test-ir-src]
groupMemberships:
  - group: D:5
    countries: [TV]
    validFrom: 2099-01-04
    validTo: 2099-02-01
    removedByRuleId: rule:test-ir-rule
    confidence: UNCONFIRMED
    note: Test IR membership, no source lists it.
    sourceIds: [source:test-ir-src]
`;
const STEPS = { agencies: 1, fabrication: 1, tiers: 1, tierAssignments: 1, lineage: 1, revocations: 1, sources: 2, companies: 2, chipProducts: 1, officials: 2, rules: 1, actions: 1, touches: 1, classifications: 1, groupMemberships: 1, listings: 1 };

const counts = (report: ImportReport, status: 'created' | 'changed' | 'unchanged') =>
  Object.fromEntries(Object.entries(report.kinds).map(([kind, c]) => [kind, c[status]]));

describe('npm run import: records in the seed shapes through the write services', () => {
  let app: TestApp;
  let graph: Graph;
  const run = (text: string, dryRun: boolean, fileName = 'test.yaml') =>
    importRecords(graph, parseRecords(text, fileName), { dryRun, editor: 'import', batchSize: 3 });
  const now = async () => (await graph.read<Record<string, unknown>>(state))[0];

  beforeAll(async () => {
    app = await createTestApp();
    graph = app.graph;
    await graph.write((tx) => tx.run(cleanUp));
  });
  afterAll(async () => {
    await graph.write((tx) => tx.run(cleanUp));
    await app.close();
  });

  it('a dry run reports what it would create and writes nothing', async () => {
    const report = await run(FILE, true);
    expect(counts(report, 'created')).toEqual(STEPS);
    expect(report.changes).toBe(0);
    expect(await now()).toMatchObject({ nodes: 0, changes: 0, touches: 0, offices: [], memberships: [] });
  });

  it('applies in batches, recording one Change per step; the same file again changes nothing', async () => {
    const report = await run(FILE, false);
    expect(counts(report, 'created')).toEqual(STEPS);
    const steps = Object.values(STEPS).reduce((a, b) => a + b, 0);
    expect(report.changes).toBe(steps);
    expect(await now()).toEqual({
      nodes: 10, changes: steps, touches: 1, classifications: 1, policies: [['Presumption of denial', 'INFERRED']],
      memberships: [['UNCONFIRMED', 'rule:test-ir-rule']], offices: ['Test IR Under Secretary'],
      // What the write services once could not store: a dated, sourced ownership, the figures' own sources, a rule's aliases and note.
      parents: [['2099-01-01', 'INFERRED', 'Test IR ownership inferred from a listing.', ['source:test-ir-figures']]],
      figures: [[4800, ['source:test-ir-figures']]],
      ruleExtras: [[['Test IR alias'], 'Test', 'Test IR note on the rule.']],
      agencyParents: [['agency:bis', ['source:test-ir-src']]],
      foundries: [['company:test-ir-unit', true]],
      // The ending, imported last, closed the assignment under the rule's tier; the file again changes nothing.
      tierPeriods: [['2099-01-05', '2099-06-01', 'rule:test-ir-rule']],
      amends: [['INFERRED', ['source:test-ir-src']]],
    });
    const again = await run(FILE, false);
    expect(counts(again, 'unchanged')).toEqual(STEPS);
    expect(again.changes).toBe(0);
    expect((await now()).changes).toBe(steps);
  });

  it('reports a changed field as changed, and records its before and after', async () => {
    const edited = FILE.replace('name: Test IR Maker', 'name: Test IR Maker Ltd');
    const dry = await run(edited, true);
    expect(dry.kinds.companies).toEqual({ created: 0, changed: 1, unchanged: 1 });
    const report = await run(edited, false);
    expect(counts(report, 'changed')).toEqual({ ...Object.fromEntries(Object.keys(STEPS).map((kind) => [kind, 0])), companies: 1 });
    expect(report.changes).toBe(1);
    const [change] = await graph.read<{ before: string; after: string }>({
      name: 'testImportRecordsLastChange',
      cypher: "MATCH (c:Change {editor: 'import'}) WHERE 'company:test-ir-maker' IN c.entityIds RETURN c.before AS before, c.after AS after ORDER BY c.position DESC LIMIT 1",
    });
    expect(JSON.parse(change.before)['company:test-ir-maker'].name).toBe('Test IR Maker');
    expect(JSON.parse(change.after)['company:test-ir-maker'].name).toBe('Test IR Maker Ltd');
  });

  it('refuses a bad file whole, naming file, line, record and field for every problem', () => {
    const bad = [
      'sources:',
      '  - id: source:test-ir-bad',
      '    title: T',
      '    publisher: Test',
      '    kind: PRESS_RELEASE',
      'assignments:',
      '  - code: CN',
      'rules:',
      '  - id: rule:test-ir-other',
      '    title: Test IR other rule',
      '    kind: GUIDANCE',
      '    administration: Test',
      '    issuedOn: yesterday',
      '    issuedByAgencyIds: []',
      '    sourceIds: [source:test-ir-src]',
      'widgets: []',
    ].join('\n');
    let problems: string[] = [];
    try {
      parseRecords(bad, 'bad.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(RecordsFileError);
      problems = (error as RecordsFileError).problems;
    }
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^bad\.yaml:2: sources\[0\] \(source:test-ir-bad\) field "title": /),
      expect.stringMatching(/^bad\.yaml:2: sources\[0\] .*url or a publishedOn/),
      expect.stringMatching(/^bad\.yaml:6: "assignments" is the seed's shape for tier members: import tierAssignments/),
      expect.stringMatching(/^bad\.yaml:9: rules\[0\] \(rule:test-ir-other\) field "issuedOn": /),
      expect.stringMatching(/^bad\.yaml:16: "widgets" is not a kind of record/),
    ]));
    expect(() => parseRecords('sources: [', 'broken.yaml')).toThrow(/broken\.yaml:1/);
  });

  it('reads JSON too, and refuses what the services refuse in the plan, all problems at once, writing nothing', async () => {
    const json = JSON.stringify({
      chipProducts: [
        { id: 'chipProduct:test-ir-orphan', name: 'Test IR Orphan', makerId: 'company:test-ir-nobody', sourceIds: ['source:test-ir-src'] },
        { id: 'chipProduct:test-ir-chip', name: 'Test IR Chip', makerId: 'company:test-ir-maker', tpp: 5000, performanceSourceIds: ['source:test-ir-nosheet'], sourceIds: ['source:test-ir-src'] },
      ],
      companies: [
        { id: 'company:test-ir-unit', name: 'Test IR Unit', countryCode: 'CN', parentId: 'company:test-ir-maker', parentSourceIds: ['source:test-ir-nofiling'], sourceIds: ['source:test-ir-src'] },
      ],
      agencies: [{ id: 'agency:test-ir-orphan', name: 'Test IR orphan office', parentId: 'agency:test-ir-nowhere', sourceIds: ['source:test-ir-src'] }],
      tiers: [{ id: 'tier:test-ir-loose', ruleId: 'rule:test-ir-unwritten', level: 2, name: 'Test IR loose tier', sourceIds: ['source:test-ir-src'] }],
      eccnControls: [{ ruleId: 'rule:test-ir-rule', eccn: '9E999', sourceIds: ['source:test-ir-src'] }],
      touches: [
        { ruleId: 'rule:test-ir-rule', targetId: 'country:CN', relation: 'TARGETS', validFrom: '2099-01-02', sourceIds: ['source:test-ir-missing'] },
      ],
    }, null, 2);
    const before = await now();
    await expect(run(json, false, 'more.json')).rejects.toMatchObject({
      problems: [
        expect.stringMatching(/^more\.json:\d+: agencies\[0\] .*agency:test-ir-nowhere.*\(input\.parentId\)/),
        expect.stringMatching(/^more\.json:\d+: companies\[0\] .*source:test-ir-nofiling.*\(input\.parentSourceIds\)/),
        expect.stringMatching(/^more\.json:3: chipProducts\[0\] \(chipProduct:test-ir-orphan\): No company has id company:test-ir-nobody\. \(input\.makerId\)/),
        expect.stringMatching(/^more\.json:\d+: chipProducts\[1\] .*source:test-ir-nosheet.*\(input\.performanceSourceIds\)/),
        expect.stringMatching(/^more\.json:\d+: eccnControls\[0\] .*eccn:9E999.*\(input\.eccn\)/),
        expect.stringMatching(/^more\.json:\d+: tiers\[0\] .*rule:test-ir-unwritten.*\(input\.ruleId\)/),
        expect.stringMatching(/^more\.json:\d+: touches\[0\] .*source:test-ir-missing.*\(input\.sourceIds\)/),
      ],
    });
    expect(await now()).toEqual(before);
  });

  it('the JSON Schema accepts the file and refuses what the import refuses that a schema can say', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(recordsJsonSchema());
    expect(validate(parse(FILE))).toBe(true);
    expect(validate({ listings: [{ partyId: 'company:x', list: 'SOME_LIST', validFrom: '2099-01-01', sourceIds: [] }], widgets: [] })).toBe(false);
    expect(validate.errors!.map((error) => `${error.instancePath} ${error.message}`)).toEqual(expect.arrayContaining([
      '/listings/0/list must be equal to one of the allowed values',
      '/listings/0/sourceIds must NOT have fewer than 1 items',
      ' must NOT have additional properties',
    ]));
  });

  it('the command line takes one file and --dry-run', () => {
    expect(parseArgs(['seed.yaml', '--dry-run'])).toEqual({ file: 'seed.yaml', dryRun: true });
    expect(parseArgs(['a.json'])).toEqual({ file: 'a.json', dryRun: false });
    expect(() => parseArgs(['a.json', '--force'])).toThrow(/unknown option --force/);
    expect(() => parseArgs([])).toThrow(/usage/);
  });

  describe('over HTTP: importRecords', () => {
    const IMPORT = 'mutation ($records: JSONObject!, $dryRun: Boolean) { importRecords(records: $records, dryRun: $dryRun) { dryRun changes kinds { kind created changed unchanged } } }';
    const newSource = { sources: [{ id: 'source:test-ir-http', title: 'Test IR HTTP source', publisher: 'Test', publishedOn: '2099-03-01', kind: 'PRESS_RELEASE' }] };

    it('is a dry run unless told otherwise, then writes and records a Change by the editor', async () => {
      const dry = await app.execute(IMPORT, { records: newSource }, ALICE);
      expect(dry.errors).toBeUndefined();
      expect(dry.data!.importRecords).toEqual({ dryRun: true, changes: 0, kinds: [{ kind: 'sources', created: 1, changed: 0, unchanged: 0 }] });
      expect((await now()).nodes).toBe(10);
      const wet = await app.execute(IMPORT, { records: newSource, dryRun: false }, ALICE);
      expect(wet.data!.importRecords).toEqual({ dryRun: false, changes: 1, kinds: [{ kind: 'sources', created: 1, changed: 0, unchanged: 0 }] });
      expect((await now()).nodes).toBe(11);
      const [change] = await graph.read<{ editor: string; operation: string }>({
        name: 'testImportRecordsHttpChange',
        cypher: "MATCH (c:Change) WHERE 'source:test-ir-http' IN c.entityIds RETURN c.editor AS editor, c.operation AS operation",
      });
      expect(change).toEqual({ editor: 'alice', operation: 'importRecords' });
    });

    it('refuses every problem at once as BAD_USER_INPUT with extensions.problems, an anonymous caller, and too many records', async () => {
      const bad = await app.execute(IMPORT, { records: { sources: [{ id: 'source:test-ir-x', title: 'T' }], assignments: [] }, dryRun: false }, ALICE);
      expect(bad.data).toBeNull();
      expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'records' });
      const problems = bad.errors![0].extensions!.problems as string[];
      expect(problems).toEqual(expect.arrayContaining([
        expect.stringMatching(/^records: sources\[0\] \(source:test-ir-x\) field "title"/),
        expect.stringMatching(/^records: "assignments" is the seed's shape/),
      ]));
      const anonymous = await app.execute(IMPORT, { records: newSource });
      expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      const many = { sources: Array.from({ length: 501 }, (_, i) => ({ ...newSource.sources[0], id: `source:test-ir-many-${i}` })) };
      const tooMany = await app.execute(IMPORT, { records: many }, ALICE);
      expect(tooMany.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'records' });
      expect((await now()).nodes).toBe(11);
    });
  });

  it('writes a batch of companies in the statements one takes, and refuses a batch per company, writing none of it', async () => {
    const company = (i: number, more: object = {}) => ({ id: `company:test-ir-batch-${i}`, name: `Test IR batch ${i}`, countryCode: 'CN', sourceIds: ['source:test-ir-src'], ...more });
    const file = (...companies: object[]) => JSON.stringify({ companies }, null, 2);
    const statementsFor = async (text: string) => {
      const before = graph.statementCount;
      const report = await importRecords(graph, parseRecords(text, 'batch.json'), { dryRun: false, editor: 'import' });
      return { statements: graph.statementCount - before, created: report.kinds.companies.created };
    };
    const few = await statementsFor(file(...Array.from({ length: 2 }, (_, i) => company(i))));
    const many = await statementsFor(file(...Array.from({ length: 40 }, (_, i) => company(100 + i))));
    expect(many).toEqual({ statements: few.statements, created: 40 });

    const before = await now();
    await expect(run(file(company(200), company(201, { countryCode: 'ZZ' }), company(202, { parentId: 'company:test-ir-nobody', parentSourceIds: ['source:test-ir-src'] }), company(203)), false, 'batch.json'))
      .rejects.toMatchObject({
        problems: [
          expect.stringMatching(/^batch\.json:\d+: companies\[1\] \(company:test-ir-batch-201\): No country has code ZZ\. \(input\.countryCode\)/),
          expect.stringMatching(/^batch\.json:\d+: companies\[2\] \(company:test-ir-batch-202\): No company has id company:test-ir-nobody\. \(input\.parentId\)/),
        ],
      });
    // A subsidiary before its parent is refused as it is one record at a time: the parent is not written yet.
    await expect(run(file(company(300, { parentId: 'company:test-ir-batch-301', parentSourceIds: ['source:test-ir-src'] }), company(301)), false, 'batch.json')).rejects.toMatchObject({
      problems: [expect.stringMatching(/companies\[0\] \(company:test-ir-batch-300\): No company has id company:test-ir-batch-301\. \(input\.parentId\)/)],
    });
    expect(await now()).toEqual(before);
  });
});
