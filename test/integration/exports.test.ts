import { parse } from 'csv-parse/sync';
import { DUMP_PAGE_SIZE, INTERNAL_LABELS, manifestStatement, nodePageStatement, relationshipPageStatement } from '../../src/export/graph-dump';
import { csvOf } from '../../src/http/exports';
import { Graph, NamedQuery } from '../../src/neo4j/graph';
import { connectTestGraph } from '../support/app';
import { post, useTestServer } from '../support/server';

/** This file's fixture: a source whose title and note hold a quote, a comma and line breaks. */
const FIXTURE_ID = 'source:test-export-csv';
const FIXTURE_TITLE = 'Test export: "quoted", with a comma,\nand a second line';
const FIXTURE_NOTE = 'line one\r\nline two, "three"; =SUM(A1)';
const cleanUp: NamedQuery = { name: 'testExportsCleanUp', cypher: 'MATCH (s:Source {id: $id}) DETACH DELETE s' };

function exportUrl(server: { url: string }, path: string, params: Record<string, string | string[]> = {}): URL {
  const url = new URL(server.url.replace(/\/graphql$/, `/export/${path}`));
  for (const [key, value] of Object.entries(params)) for (const item of [value].flat()) url.searchParams.append(key, item);
  return url;
}

async function api(server: { url: string }, query: string, variables: Record<string, unknown> = {}) {
  const { status, json } = await post(server.url, { query, variables });
  expect(status).toBe(200);
  return json as { data?: any; errors?: any[] };
}

/** A JSON answer, read loosely as tests do. */
async function bodyOf(response: Response): Promise<any> {
  return response.json();
}

function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
}

function jsonLines(text: string): any[] {
  expect(text.endsWith('\n') || text === '').toBe(true);
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line));
}

// Each export reads every page of its list; on a loaded machine a test takes tens of seconds.
jest.setTimeout(180_000);

describe('exports (issue 21)', () => {
  const env = useTestServer();
  // The fixture's own driver: the server's is closed by its own hooks, which may run first.
  let fixtures: Graph;

  beforeAll(async () => {
    fixtures = connectTestGraph();
    await fixtures.write((tx) => tx.run(cleanUp, { id: FIXTURE_ID }));
    await fixtures.write((tx) => tx.run({
      name: 'testExportsFixture',
      cypher: "CREATE (:Source {id: $id, title: $title, note: $note, kind: 'NEWS_REPORT', publishedOn: date('2030-01-02')})",
    }, { id: FIXTURE_ID, title: FIXTURE_TITLE, note: FIXTURE_NOTE }));
  });
  afterAll(async () => {
    await fixtures.write((tx) => tx.run(cleanUp, { id: FIXTURE_ID }));
    await fixtures.close();
  });

  it('exports the countries as CSV with each tier on asOf, as the API answers it', async () => {
    const response = await fetch(exportUrl(env.server, 'countries.csv', { asOf: '2025-03-01' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="countries-asof-2025-03-01.csv"');
    const text = await response.text();
    expect(text.startsWith('id,code,name,tier,tierId,tierLevel,ruleId,rule\r\n')).toBe(true);
    const rows = csvRows(text);
    const { data } = await api(env.server, `{
      countries(first: 1) { totalCount }
      sg: country(code: "SG") { tierAssignments(asOf: "2025-03-01") { tier { id name level rule { id } } } }
      es: country(code: "ES") { tierAssignments(asOf: "2025-03-01") { tier { id name level rule { id } } } }
      mo: country(code: "MO") { tierAssignments(asOf: "2025-03-01") { tier { id name level rule { id } } } }
    }`);
    expect(rows).toHaveLength(data.countries.totalCount);
    expect(Number(response.headers.get('x-total-count'))).toBe(data.countries.totalCount);
    for (const [code, answer] of [['SG', data.sg], ['ES', data.es], ['MO', data.mo]] as const) {
      const row = rows.find((candidate) => candidate.code === code)!;
      const tiers = answer.tierAssignments.map((assignment: any) => assignment.tier);
      expect(tiers.length).toBeGreaterThan(0);
      expect(row.tier).toBe(tiers.map((tier: any) => tier.name).join('; '));
      expect(row.tierId).toBe(tiers.map((tier: any) => tier.id).join('; '));
      expect(row.ruleId).toBe(tiers.map((tier: any) => tier.rule.id).join('; '));
    }
    // HEAD answers the same head after reading one page (one statement), not the whole list.
    const before = env.graph.statementCount;
    const head = await fetch(exportUrl(env.server, 'countries.csv', { asOf: '2025-03-01' }), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-total-count')).toBe(String(data.countries.totalCount));
    expect(head.headers.get('content-disposition')).toBe('attachment; filename="countries-asof-2025-03-01.csv"');
    expect(env.graph.statementCount - before).toBe(1);
    // Singapore was in a different tier from Spain on that date (the API says which).
    expect(rows.find((row) => row.code === 'SG')!.tierId).not.toBe(rows.find((row) => row.code === 'ES')!.tierId);
  });

  it('exports the countries of one tier, on a date or ever, as Tier.countries answers them, with their periods in that tier', async () => {
    const query = `query($asOf: Date) { tier(id: "tier:ai-diffusion-2") { countries(first: 100, asOf: $asOf) { totalCount edges { node { code } } } } }`;
    for (const asOf of ['2025-03-01', undefined]) {
      const response = await fetch(exportUrl(env.server, 'tierCountries.csv', { tier: 'tier:ai-diffusion-2', ...(asOf ? { asOf } : {}) }));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="tierCountries-ai-diffusion-2${asOf ? `-asof-${asOf}` : ''}.csv"`);
      const rows = csvRows(await response.text());
      const { data } = await api(env.server, query, { asOf });
      expect(data.tier.countries.totalCount).toBeGreaterThan(100);
      expect(rows).toHaveLength(data.tier.countries.totalCount);
      // The API's first page, in the API's order.
      expect(rows.slice(0, 100).map((row) => row.code)).toEqual(data.tier.countries.edges.map((edge: any) => edge.node.code));
      const sg = rows.find((row) => row.code === 'SG')!;
      expect(sg).toMatchObject({ tierId: 'tier:ai-diffusion-2', inTierFrom: '2025-01-13', inTierUntil: '2025-05-13' });
    }
    // China was never in tier 2: not in the list ever.
    const ever = csvRows(await (await fetch(exportUrl(env.server, 'tierCountries.csv', { tier: 'tier:ai-diffusion-2' }))).text());
    expect(ever.some((row) => row.code === 'CN')).toBe(false);
  });

  it('refuses a tier export without a tier, for a tier the graph does not have, or for an id of another kind, before any row', async () => {
    const refusal = async (params: Record<string, string>) => {
      const response = await fetch(exportUrl(env.server, 'tierCountries.jsonl', params));
      return { status: response.status, extensions: (await bodyOf(response)).errors[0].extensions };
    };
    expect(await refusal({})).toMatchObject({ status: 400, extensions: { code: 'BAD_USER_INPUT', parameter: 'tier' } });
    expect(await refusal({ tier: 'tier:no-such-tier' })).toMatchObject({ status: 400, extensions: { code: 'NOT_FOUND', argumentName: 'id', parameter: 'tier' } });
    expect(await refusal({ tier: 'country:SG' })).toMatchObject({ status: 400, extensions: { code: 'BAD_USER_INPUT', argumentName: 'id', parameter: 'tier' } });
    expect(await refusal({ tier: 'tier:ai-diffusion-2', asOf: '2025-02-30' })).toMatchObject({ status: 400, extensions: { code: 'BAD_USER_INPUT', parameter: 'asOf' } });
  });

  it("exports a country group's memberships, a plain list read in one statement, as CountryGroup.members answers them", async () => {
    const query = `query($asOf: Date) { countryGroup(code: "D:5") { members(asOf: $asOf) { country { code } validFrom validTo confidence addedBy { id } sources { id } } } }`;
    for (const asOf of [undefined, '2025-03-01']) {
      const before = env.graph.statementCount;
      const response = await fetch(exportUrl(env.server, 'countryGroupMembers.jsonl', { group: 'D:5', ...(asOf ? { asOf } : {}) }));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="countryGroupMembers-D_5${asOf ? `-asof-${asOf}` : ''}.jsonl"`);
      const lines = jsonLines(await response.text());
      expect(env.graph.statementCount - before).toBe(1);
      const { data } = await api(env.server, query, { asOf });
      expect(data.countryGroup.members.length).toBeGreaterThan(3);
      expect(lines.map((line) => [line.countryCode, line.group, line.validFrom, line.validTo, line.confidence, line.addedById, line.sources])).toEqual(
        data.countryGroup.members.map((member: any) => [member.country.code, 'D:5', member.validFrom, member.validTo, member.confidence, member.addedBy?.id ?? null, member.sources.map((source: any) => source.id)]),
      );
    }
    const unknown = await fetch(exportUrl(env.server, 'countryGroupMembers.csv', { group: 'D:9' }));
    expect(unknown.status).toBe(400);
    expect((await bodyOf(unknown)).errors[0]).toMatchObject({ message: 'No countryGroup answers to group="D:9".', extensions: { code: 'NOT_FOUND', argumentName: 'code', parameter: 'group' } });
    const malformed = await fetch(exportUrl(env.server, 'countryGroupMembers.csv', { group: 'Z:9' }));
    expect(malformed.status).toBe(400);
    expect((await bodyOf(malformed)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'code', parameter: 'group' });
  });

  it('exports rules with the filters and order of rules(filter:, orderBy:), as CSV and JSON Lines', async () => {
    const params = { kinds: ['FINAL_RULE', 'INTERIM_FINAL_RULE'], issuedFrom: '2022-01-01', orderBy: 'ISSUED_ON_DESC', statusOn: '2025-06-01' };
    const csv = await fetch(exportUrl(env.server, 'rules.csv', { ...params, kinds: params.kinds.join(',') }));
    expect(csv.status).toBe(200);
    const rows = csvRows(await csv.text());
    const jsonl = await fetch(exportUrl(env.server, 'rules.jsonl', params));
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get('content-type')).toBe('application/jsonl; charset=utf-8');
    expect(jsonl.headers.get('content-disposition')).toMatch(/^attachment; filename="rules-\d{4}-\d{2}-\d{2}\.jsonl"$/);
    const lines = jsonLines(await jsonl.text());
    const { data } = await api(env.server, `query ($kinds: [RuleKind!]) {
      rules(first: 100, orderBy: ISSUED_ON_DESC, filter: { kinds: $kinds, issuedFrom: "2022-01-01", statusOn: "2025-06-01" }) {
        totalCount edges { node { id kind issuedOn cfrParts status(asOf: "2025-06-01") } }
      }
    }`, { kinds: params.kinds });
    const nodes = data.rules.edges.map((edge: any) => edge.node);
    expect(nodes.length).toBeGreaterThan(1);
    expect(data.rules.totalCount).toBe(nodes.length);
    expect(rows.map((row) => row.id)).toEqual(nodes.map((node: any) => node.id));
    expect(lines.map((line) => line.id)).toEqual(nodes.map((node: any) => node.id));
    expect(lines.map((line) => [line.kind, line.issuedOn, line.cfrParts, line.status])).toEqual(nodes.map((node: any) => [node.kind, node.issuedOn, node.cfrParts, node.status]));
    expect(rows.map((row) => row.cfrParts)).toEqual(nodes.map((node: any) => node.cfrParts.join('; ')));
  });

  it('writes one JSON line per item of each list: as many as the API\'s totalCount', async () => {
    const { data } = await api(env.server, `{
      countries(first: 1) { totalCount } rules(first: 1) { totalCount } chipProducts(first: 1) { totalCount }
      companies(first: 1) { totalCount } sources(first: 1) { totalCount }
      cn: companies(first: 1, filter: { countryCode: "CN" }) { totalCount }
      ascend: chipProducts(first: 1, filter: { family: "Ascend" }) { totalCount }
    }`);
    const cases: [string, Record<string, string>, number][] = [
      ['countries', {}, data.countries.totalCount],
      ['rules', {}, data.rules.totalCount],
      ['chipProducts', {}, data.chipProducts.totalCount],
      ['companies', {}, data.companies.totalCount],
      ['sources', {}, data.sources.totalCount],
      ['companies', { countryCode: 'cn' }, data.cn.totalCount],
      ['chipProducts', { family: 'Ascend' }, data.ascend.totalCount],
    ];
    for (const [list, params, totalCount] of cases) {
      const response = await fetch(exportUrl(env.server, `${list}.jsonl`, params));
      expect(response.status).toBe(200);
      const lines = jsonLines(await response.text());
      expect({ list, params, lines: lines.length }).toEqual({ list, params, lines: totalCount });
      expect(new Set(lines.map((line) => line.id)).size).toBe(totalCount);
    }
    // Countries and rules are more than one page of 100: the cursors were followed.
    expect(data.countries.totalCount).toBeGreaterThan(100);
  });

  it('refuses a bad parameter with 400 and the code and argument the API gives for the same value', async () => {
    const literal = await api(env.server, '{ rules(filter: { inForceOn: "2025-13-45" }) { totalCount } }');
    expect(literal.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.inForceOn' });
    const cases: [string, Record<string, string>, string, string][] = [
      ['rules.csv', { inForceOn: '2025-13-45' }, 'filter.inForceOn', 'inForceOn'],
      ['rules.jsonl', { kinds: 'FINAL_RULE,NOPE' }, 'filter.kinds', 'kinds'],
      ['rules.csv', { orderBy: 'SIDEWAYS' }, 'orderBy', 'orderBy'],
      ['chipProducts.csv', { minTpp: 'lots' }, 'filter.minTpp', 'minTpp'],
      ['companies.csv', { listed: 'SOME_LIST' }, 'filter.listed', 'listed'],
      ['countries.csv', { asOf: 'yesterday' }, 'asOf', 'asOf'],
      ['rules.csv', { first: '5' }, 'first', 'first'],
      ['sources.csv', { text: ['a', 'b'] } as never, 'text', 'text'],
    ];
    for (const [path, params, argumentName, parameter] of cases) {
      const response = await fetch(exportUrl(env.server, path, params));
      const body = await bodyOf(response);
      expect({ path, status: response.status, code: body.errors[0].extensions.code }).toEqual({ path, status: 400, code: 'BAD_USER_INPUT' });
      expect(body.errors[0].extensions.argumentName).toBe(argumentName);
      if (parameter !== 'first') expect(body.errors[0].extensions.parameter).toBe(parameter);
    }
    // A name that resolves to nothing is the API's NOT_FOUND, still a client's mistake.
    const missing = await api(env.server, '{ rules(filter: { touching: "Huaweiiii" }) { totalCount } }');
    expect(missing.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'filter.touching' });
    const touching = await fetch(exportUrl(env.server, 'rules.csv', { touching: 'Huaweiiii' }));
    expect(touching.status).toBe(400);
    const { stacktrace: _apiTrace, ...apiExtensions } = missing.errors![0].extensions;
    const { stacktrace: _exportTrace, ...exportExtensions } = (await bodyOf(touching)).errors[0].extensions;
    expect(exportExtensions).toEqual({ ...apiExtensions, parameter: 'touching' });
    const unknown = await fetch(exportUrl(env.server, 'treaties.csv'));
    expect(unknown.status).toBe(404);
    expect((await bodyOf(unknown)).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('round-trips a quote, a comma and line breaks through the CSV, and defuses a formula', async () => {
    const response = await fetch(exportUrl(env.server, 'sources.csv'));
    expect(response.status).toBe(200);
    const text = await response.text();
    // RFC 4180: the field is quoted and its quotes doubled.
    expect(text).toContain('"Test export: ""quoted"", with a comma,\nand a second line"');
    const row = csvRows(text).find((candidate) => candidate.id === FIXTURE_ID)!;
    expect(row).toMatchObject({ title: FIXTURE_TITLE, kind: 'NEWS_REPORT', publishedOn: '2030-01-02', url: '' });
    expect(row.note).toBe(FIXTURE_NOTE);
    // Text a spreadsheet would run as a formula is defused in CSV (JSON Lines keeps it as stored).
    expect(csvOf(['a', 'b'], [{ a: '=SUM(A1)', b: -5 }], false)).toBe("'=SUM(A1),-5\r\n");
    const jsonl = jsonLines(await (await fetch(exportUrl(env.server, 'sources.jsonl'))).text()).find((line) => line.id === FIXTURE_ID);
    expect(jsonl).toMatchObject({ title: FIXTURE_TITLE, note: FIXTURE_NOTE, url: null });
  });

  describe('with EXPORT_MAX_ROWS=5', () => {
    const capped = useTestServer({ EXPORT_MAX_ROWS: '5' });

    it('refuses an export of more rows with EXPORT_TOO_LARGE before sending any, and serves a narrower one', async () => {
      const { data } = await api(capped.server, '{ countries(first: 1) { totalCount } companies(first: 1, filter: { countryCode: "NL" }) { totalCount } }');
      const response = await fetch(exportUrl(capped.server, 'countries.csv', { asOf: '2025-03-01' }));
      expect(response.status).toBe(400);
      expect(response.headers.get('content-disposition')).toBeNull();
      const body = await bodyOf(response);
      expect(body.errors[0].extensions).toEqual({ code: 'EXPORT_TOO_LARGE', limit: 5, totalCount: data.countries.totalCount });
      expect(body.errors[0].message).toMatch(/at most 5 rows/);
      expect(data.companies.totalCount).toBeLessThanOrEqual(5);
      const narrow = await fetch(exportUrl(capped.server, 'companies.jsonl', { countryCode: 'NL' }));
      expect(narrow.status).toBe(200);
      expect(jsonLines(await narrow.text())).toHaveLength(data.companies.totalCount);
    });
  });

  describe('with MAX_IN_FLIGHT=1', () => {
    const limited = useTestServer({ MAX_IN_FLIGHT: '1' });

    it('counts a dump as one request in flight, together with /graphql', async () => {
      // Hold the dump's first page until released, so the dump is surely in flight meanwhile.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let held = 0;
      const read = limited.graph.read.bind(limited.graph);
      limited.graph.read = (async (query, params) => {
        if (query.name === 'exportNodePage' && held++ === 0) await gate;
        return read(query, params);
      }) as typeof limited.graph.read;
      try {
        const dump = fetch(exportUrl(limited.server, 'graph.jsonl'));
        for (let waited = 0; held === 0 && waited < 600; waited += 1) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(held).toBe(1);
        const refused = await post(limited.server.url, { query: '{ country(code: "JP") { name } }' });
        expect(refused.status).toBe(429);
        expect(refused.json.errors[0].extensions.code).toBe('RATE_LIMITED');
        const second = await fetch(exportUrl(limited.server, 'countries.csv'));
        expect(second.status).toBe(429);
        release();
        const answered = await dump;
        expect(answered.status).toBe(200);
        expect(jsonLines(await answered.text()).length).toBeGreaterThan(1000);
        // The slot is given back when the server closes the response, which may come a tick after the client read its end.
        let after = await post(limited.server.url, { query: '{ country(code: "JP") { name } }' });
        for (let tries = 0; after.status === 429 && tries < 20; tries += 1) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          after = await post(limited.server.url, { query: '{ country(code: "JP") { name } }' });
        }
        expect(after.status).toBe(200);
      } finally {
        release();
        limited.graph.read = read;
      }
    });
  });

  it('dumps the whole graph as JSON Lines: as many nodes and relationships as the manifest and Cypher count', async () => {
    const manifestResponse = await fetch(exportUrl(env.server, 'graph.manifest.json'));
    expect(manifestResponse.status).toBe(200);
    const manifest = await bodyOf(manifestResponse);
    const before = env.graph.statementCount;
    const response = await fetch(exportUrl(env.server, 'graph.jsonl'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="graph-\d{4}-\d{2}-\d{2}\.jsonl"$/);
    const lines = jsonLines(await response.text());
    const statements = env.graph.statementCount - before;
    const nodes = lines.filter((line) => line.kind === 'node');
    const relationships = lines.filter((line) => line.kind === 'relationship');
    // Nodes first, then relationships.
    expect(lines.findIndex((line) => line.kind === 'relationship')).toBe(nodes.length);

    const [counted] = await env.graph.read<{ nodes: number; relationships: number; position: number; version: string }>({
      name: 'testExportsCount',
      cypher: `
CALL () { MATCH (n) WHERE none(l IN labels(n) WHERE l IN $internal) RETURN count(n) AS nodes }
CALL () { MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $internal) RETURN count(r) AS relationships }
MATCH (s:ChangeSequence) MATCH (m:Migration)
RETURN nodes, relationships, s.last AS position, max(m.id) AS version`,
    }, { internal: INTERNAL_LABELS });
    expect(nodes.length).toBe(counted.nodes);
    expect(relationships.length).toBe(counted.relationships);
    expect(manifest.nodes.total).toBe(counted.nodes);
    expect(manifest.relationships.total).toBe(counted.relationships);
    expect(manifest.changePosition).toBe(String(counted.position));
    expect(manifest.schemaVersion).toBe(counted.version);
    expect(manifest.schemaVersion).toMatch(/^\d{3}_/);
    expect(Date.parse(manifest.generatedAt)).not.toBeNaN();

    const byLabel: Record<string, number> = {};
    for (const node of nodes) for (const label of node.labels) byLabel[label] = (byLabel[label] ?? 0) + 1;
    expect(byLabel).toEqual(manifest.nodes.byLabel);
    const byType: Record<string, number> = {};
    for (const relationship of relationships) byType[relationship.type] = (byType[relationship.type] ?? 0) + 1;
    expect(byType).toEqual(manifest.relationships.byType);
    for (const label of INTERNAL_LABELS) expect(byLabel[label]).toBeUndefined();

    // Each node once; every relationship between dumped nodes; dates as ISO strings.
    const ids = new Set(nodes.map((node) => node.id));
    expect(ids.size).toBe(nodes.length);
    expect(relationships.every((relationship) => ids.has(relationship.from) && ids.has(relationship.to))).toBe(true);
    const rule = nodes.find((node) => node.id === 'rule:ai-diffusion');
    expect(rule.labels).toEqual(['Rule']);
    expect(rule.properties.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const inTier = relationships.find((relationship) => relationship.type === 'IN_TIER' && relationship.from === 'country:SG');
    expect(inTier.properties.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Pages of at most DUMP_PAGE_SIZE items, each one statement: per label, its nodes' pages and its relationships' pages, plus one for the labels.
    const byStartLabel: Record<string, number> = {};
    for (const relationship of relationships) {
      const start = nodes.find((node) => node.id === relationship.from);
      byStartLabel[start.labels[0]] = (byStartLabel[start.labels[0]] ?? 0) + 1;
    }
    const pages = (items: number) => Math.floor(items / DUMP_PAGE_SIZE) + 1;
    const labels = Object.keys(byLabel);
    expect(statements).toBe(1 + labels.reduce((sum, label) => sum + pages(byLabel[label]) + pages(byStartLabel[label] ?? 0), 0));
    expect(nodes.find((node) => node.id === FIXTURE_ID).properties).toEqual({ id: FIXTURE_ID, title: FIXTURE_TITLE, note: FIXTURE_NOTE, kind: 'NEWS_REPORT', publishedOn: '2030-01-02' });
  });

  it('plans each page of the dump as a seek on the label\'s id index, never a scan of every node', async () => {
    const plans = [nodePageStatement('Country', 'country:SG'), relationshipPageStatement('Rule', { from: 'rule:ai-diffusion', key: '' })];
    for (const { query, params } of plans) {
      const session = env.graph.driver.session({ database: env.graph.database });
      try {
        const { summary } = await session.run(`EXPLAIN ${query.cypher}`, params);
        const operators: string[] = [];
        const walk = (plan: { operatorType: string; children: unknown[] }) => {
          operators.push(plan.operatorType.replace(/@.*/, ''));
          plan.children.forEach((child) => walk(child as typeof plan));
        };
        walk(summary.plan as never);
        expect({ name: query.name, seeks: operators.some((operator) => /IndexSeekByRange/.test(operator)) }).toEqual({ name: query.name, seeks: true });
        expect(operators.filter((operator) => /AllNodesScan|NodeByLabelScan|RelationshipTypeScan|AllRelationshipsScan/.test(operator))).toEqual([]);
      } finally {
        await session.close();
      }
    }
  });

  it("counts the manifest from Neo4j's count store: no node or relationship is read, whatever the graph's size", async () => {
    const [{ labels, types }] = await env.graph.read<{ labels: string[]; types: string[] }>({
      name: 'testExportsKinds',
      cypher: 'CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels } CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types } RETURN labels, types',
    });
    const session = env.graph.driver.session({ database: env.graph.database });
    try {
      const { summary } = await session.run(`EXPLAIN ${manifestStatement(labels, types).cypher}`);
      const operators: string[] = [];
      const walk = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
        operators.push(`${plan.operatorType.replace(/@.*/, '')} ${String(plan.arguments.Details ?? '')}`.trim());
        plan.children.forEach((child) => walk(child as typeof plan));
      };
      walk(summary.plan as never);
      expect(operators.filter((operator) => /^NodeCountFromCountStore/.test(operator))).toHaveLength(labels.length + 1);
      expect(operators.filter((operator) => /^RelationshipCountFromCountStore/.test(operator))).toHaveLength(types.length);
      // Only the bookkeeping is read: the feed's one counter by its key, and the migrations applied (one per file in cypher/).
      const reads = operators.filter((operator) => /Scan|Seek|Expand/.test(operator));
      expect(reads.every((operator) => /:ChangeSequence|:Migration/.test(operator))).toBe(true);
      expect(reads.length).toBeLessThanOrEqual(2);
    } finally {
      await session.close();
    }
  });

  it('answers a dump with parameters 400 before reading anything', async () => {
    const before = env.graph.statementCount;
    const bad = await fetch(exportUrl(env.server, 'graph.jsonl', { since: '2025-01-01' }));
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'since' });
    expect(env.graph.statementCount).toBe(before);
  });
});
