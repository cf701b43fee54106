import { readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { importFederalRegister } from '../../src/import/fr-import';
import { Graph, NamedQuery } from '../../src/neo4j/graph';
import { connectTestGraph } from '../support/app';

/**
 * `npm run import:fr` against a local HTTP server serving recorded API answers for two documents the
 * seed holds: the AI Diffusion Rule (2025-00636) and the correcting amendment of the foundry due
 * diligence rule (2025-02655, whose corrected rule 2025-00711 is in the seed). The seeded CORRECTS link
 * is removed first so the import has to create it; everything the import touches is restored after.
 */
const fixture = (number: string) => JSON.parse(readFileSync(path.resolve(__dirname, `../fixtures/federal-register/${number}.json`), 'utf8'));
/** A made-up document (year 2099, never published) for the paths no seeded document takes: a new rule, correction_of. */
const SYNTHETIC = {
  document_number: '2099-00001',
  title: 'Test Federal Register Import Rule; Correction',
  type: 'Correction',
  publication_date: '2099-01-02',
  correction_of: 'http://127.0.0.1/api/v1/documents/2025-00711.json',
  regulation_id_numbers: ['0694-AZ99'],
  cfr_references: [{ title: 15, part: 774 }],
  html_url: 'https://www.federalregister.gov/documents/2099/01/02/2099-00001/test',
  agencies: [{ name: 'Industry and Security Bureau', slug: 'industry-and-security-bureau' }],
};
const DOCUMENTS: Record<string, unknown> = { '2025-00636': fixture('2025-00636'), '2025-02655': fixture('2025-02655'), '2099-00001': SYNTHETIC };

const RULES = ['rule:ai-diffusion', 'rule:foundry-due-diligence-correction-2025'];
const SOURCES = ['source:fr-2025-00636', 'source:fr-2025-02655'];
const CORRECTION = 'rule:foundry-due-diligence-correction-2025';
const CORRECTED = 'rule:foundry-due-diligence-2025';

const saveState: NamedQuery = {
  name: 'testImportFrSave',
  cypher: `
MATCH (r:Rule) WHERE r.id IN $rules
WITH r ORDER BY r.id
WITH collect({id: r.id, props: properties(r), cites: COLLECT { MATCH (r)-[:CITES]->(s:Source) RETURN s.id ORDER BY s.id }}) AS rules
OPTIONAL MATCH (:Rule {id: $from})-[link:CORRECTS]->(:Rule {id: $to})
WITH rules, properties(link) AS link
MATCH (s:Source) WHERE s.id IN $sources
WITH rules, link, s ORDER BY s.id
RETURN rules, link, collect({id: s.id, props: properties(s)}) AS sources`,
};
const removeLink: NamedQuery = {
  name: 'testImportFrRemoveLink',
  cypher: 'MATCH (:Rule {id: $from})-[link:CORRECTS]->(:Rule {id: $to}) DELETE link',
};
const restore: NamedQuery = {
  name: 'testImportFrRestore',
  cypher: `
CALL () {
  UNWIND $rules AS saved
  MATCH (r:Rule {id: saved.id})
  SET r = saved.props
  WITH r, saved
  OPTIONAL MATCH (r)-[cites:CITES]->(s:Source) WHERE NOT s.id IN saved.cites
  DELETE cites
}
CALL () {
  UNWIND $sources AS saved
  MATCH (s:Source {id: saved.id})
  SET s = saved.props
}
CALL () {
  MATCH (from:Rule {id: $from}), (to:Rule {id: $to})
  MERGE (from)-[link:CORRECTS]->(to)
  SET link = $link
}
CALL () {
  MATCH (c:Change {editor: 'import:fr'}) DETACH DELETE c
}
CALL () {
  MATCH (n) WHERE n.id IN ['rule:test-federal-register-import-rule-correction', 'source:fr-2099-00001'] DETACH DELETE n
}`,
};
const state: NamedQuery = {
  name: 'testImportFrState',
  cypher: `
MATCH (ai:Rule {id: 'rule:ai-diffusion'})
RETURN COUNT { (r:Rule) WHERE r.documentNumber = '2025-00636' } AS aiDiffusionRules,
       COUNT { (r:Rule) WHERE r.documentNumber STARTS WITH '2099-' } AS failedRules,
       ai {.rin, .cfrParts, .kind, .citation} AS aiDiffusion,
       [(r:Rule {id: 'rule:foundry-due-diligence-correction-2025'})-[l:CORRECTS]->(:Rule {id: 'rule:foundry-due-diligence-2025'}) | toString(l.on)] AS correctsOn,
       COUNT { (c:Change {editor: 'import:fr'}) } AS changes`,
};

interface State {
  aiDiffusionRules: number;
  failedRules: number;
  aiDiffusion: { rin: string; cfrParts: string[] | null; kind: string; citation: string };
  correctsOn: string[];
  changes: number;
}

describe('import:fr (Federal Register import)', () => {
  let graph: Graph;
  let server: http.Server;
  let apiUrl: string;
  let saved: { rules: unknown[]; link: Record<string, unknown> | null; sources: unknown[] };
  const requests: string[] = [];

  const read = async () => (await graph.read<State>(state))[0];
  const run = (request: Parameters<typeof importFederalRegister>[1], dryRun = false) =>
    importFederalRegister(graph, request, { apiUrl, dryRun, timeoutMs: 10_000 });

  beforeAll(async () => {
    graph = connectTestGraph();
    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', apiUrl);
      requests.push(url.pathname + url.search);
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const single = url.pathname.match(/^\/api\/v1\/documents\/([\w-]+)\.json$/);
      if (single) {
        const [, number] = single;
        if (number === '2099-00500') return send(500, { status: 500, message: 'Internal Server Error' });
        if (number === '2099-00408') return; // never answers: the import's timeout ends the request
        if (DOCUMENTS[number]) return send(200, DOCUMENTS[number]);
        return send(404, { status: 404, message: `Document ${number} not found` });
      }
      if (url.pathname === '/api/v1/documents.json') {
        // A search page assembled from the recorded documents (the search answers the same fields for each).
        if (url.searchParams.get('conditions[publication_date][gte]') === '2000-01-01') return send(200, { count: 501, total_pages: 6, results: [] });
        const page = Number(url.searchParams.get('page') ?? '1');
        const next = new URL(url);
        next.searchParams.set('page', '2');
        return send(200, page === 1
          ? { count: 2, total_pages: 2, next_page_url: next.toString(), results: [DOCUMENTS['2025-00636']] }
          : { count: 2, total_pages: 2, results: [DOCUMENTS['2025-02655']] });
      }
      return send(404, { status: 404 });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    const params = { rules: RULES, sources: SOURCES, from: CORRECTION, to: CORRECTED };
    [saved] = await graph.read<typeof saved>(saveState, params);
    expect(saved.link).not.toBeNull();
    await graph.write((tx) => tx.run(removeLink, params));
  });

  afterAll(async () => {
    await graph.write((tx) => tx.run(restore, { ...saved, from: CORRECTION, to: CORRECTED }));
    await graph.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a dry run prints the diff and writes nothing', async () => {
    const before = await read();
    const results = await run({ documentNumbers: ['2025-00636', '2025-02655'] }, true);
    expect(results.map((r) => [r.documentNumber, r.status, r.dryRun])).toEqual([
      ['2025-00636', 'changed', true],
      ['2025-02655', 'changed', true],
    ]);
    expect(results[0].plan?.rule.changes).toEqual([
      { field: 'cfrParts', before: null, after: '15 CFR 732, 15 CFR 734, 15 CFR 740, 15 CFR 742, 15 CFR 744, 15 CFR 748, 15 CFR 750, 15 CFR 762, 15 CFR 772, 15 CFR 774', overwrites: false },
    ]);
    expect(results[1].plan?.corrects).toEqual({ toRuleId: CORRECTED, create: true, note: expect.stringContaining('title') });
    expect(await read()).toEqual(before);
    expect(before.changes).toBe(0);
    expect(before.correctsOn).toEqual([]);
  });

  it('matches the seeded rules (no duplicate), sets rin and cfrParts, links the correction, and reports API failures per document', async () => {
    const results = await run({ documentNumbers: ['2025-00636', '2099-00404', '2025-02655', '2099-00500'] });
    expect(results.map((r) => [r.documentNumber, r.status])).toEqual([
      ['2025-00636', 'changed'],
      ['2099-00404', 'failed'],
      ['2025-02655', 'changed'],
      ['2099-00500', 'failed'],
    ]);
    expect(results[0].plan?.rule).toMatchObject({ id: 'rule:ai-diffusion', create: false, matchedBy: 'documentNumber' });
    expect(results[0].plan?.source).toEqual({ id: 'source:fr-2025-00636', create: false, changes: [] });
    expect(results[1].error).toMatch(/HTTP 404/);
    expect(results[3].error).toMatch(/HTTP 500/);
    expect(results.filter((r) => r.changeId)).toHaveLength(2);

    const after = await read();
    expect(after.aiDiffusionRules).toBe(1);
    expect(after.failedRules).toBe(0);
    expect(after.aiDiffusion).toEqual({
      rin: '0694-AJ90',
      cfrParts: ['15 CFR 732', '15 CFR 734', '15 CFR 740', '15 CFR 742', '15 CFR 744', '15 CFR 748', '15 CFR 750', '15 CFR 762', '15 CFR 772', '15 CFR 774'],
      kind: 'INTERIM_FINAL_RULE',
      citation: '90 FR 4544',
    });
    expect(after.correctsOn).toEqual(['2025-02-11']);
    expect(after.changes).toBe(2);
  });

  it('gives up on a document the API does not answer in time, and goes on with the next', async () => {
    const before = await read();
    const results = await importFederalRegister(graph, { documentNumbers: ['2099-00408', '2025-02655'] }, { apiUrl, timeoutMs: 500 });
    expect(results.map((r) => [r.documentNumber, r.status])).toEqual([['2099-00408', 'failed'], ['2025-02655', 'unchanged']]);
    expect(results[0].error).toMatch(/2099-00408\.json failed: no answer within 500 ms/);
    expect(await read()).toEqual(before);
  });

  it('a second run changes nothing and records no Change', async () => {
    const before = await read();
    const results = await run({ documentNumbers: ['2025-00636', '2025-02655'] });
    expect(results.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(results.every((r) => !r.changeId && r.plan?.rule.changes.length === 0)).toBe(true);
    expect(results[1].plan?.corrects).toMatchObject({ toRuleId: CORRECTED, create: false, note: 'already linked' });
    expect(await read()).toEqual(before);
  });

  it("reports an editor's different value as an overwrite before replacing it", async () => {
    await graph.write((tx) => tx.run({ name: 'testImportFrEdit', cypher: "MATCH (r:Rule {id: 'rule:ai-diffusion'}) SET r.rin = '0694-AJ00'" }));
    const [dry] = await run({ documentNumbers: ['2025-00636'] }, true);
    expect(dry.plan?.rule.changes).toEqual([{ field: 'rin', before: '0694-AJ00', after: '0694-AJ90', overwrites: true }]);
    expect((await read()).aiDiffusion.rin).toBe('0694-AJ00');
    const [real] = await run({ documentNumbers: ['2025-00636'] });
    expect(real.status).toBe('changed');
    expect((await read()).aiDiffusion.rin).toBe('0694-AJ90');
  });

  it('--since follows next_page_url through the search, and refuses a search beyond the bound', async () => {
    requests.length = 0;
    const results = await run({ since: '2025-01-01' });
    expect(results.map((r) => [r.documentNumber, r.status])).toEqual([['2025-00636', 'unchanged'], ['2025-02655', 'unchanged']]);
    const searches = requests.filter((r) => r.startsWith('/api/v1/documents.json'));
    expect(searches).toHaveLength(2);
    expect(searches[0]).toContain(`conditions%5Bagencies%5D%5B%5D=industry-and-security-bureau`);
    expect(searches[0]).toContain(`conditions%5Bpublication_date%5D%5Bgte%5D=2025-01-01`);
    await expect(run({ since: '2000-01-01' })).rejects.toThrow(/501 BIS documents .* more than the 500/);
  });

  it('creates a rule and its source for a document the graph does not hold, linked by correction_of', async () => {
    const [created] = await run({ documentNumbers: ['2099-00001'] });
    expect(created).toMatchObject({ status: 'created', plan: { rule: { id: 'rule:test-federal-register-import-rule-correction', create: true }, source: { id: 'source:fr-2099-00001', create: true } } });
    expect(created.plan?.corrects).toMatchObject({ toRuleId: CORRECTED, create: true, note: 'found by its document 2025-00711' });
    const [row] = await graph.read<{ rule: Record<string, unknown>; source: Record<string, unknown>; links: string[] }>({
      name: 'testImportFrCreated',
      cypher: `
MATCH (r:Rule {id: 'rule:test-federal-register-import-rule-correction'})-[:CITES]->(s:Source {id: 'source:fr-2099-00001'})
RETURN r {.kind, .documentNumber, .rin, .cfrParts, publishedOn: toString(r.publishedOn)} AS rule, s {.kind, .url, .title} AS source,
       COLLECT { MATCH (r)-[l]->(x) RETURN type(l) + ' ' + x.id ORDER BY type(l), x.id } AS links`,
    });
    expect(row).toEqual({
      rule: { kind: 'FINAL_RULE', documentNumber: '2099-00001', rin: '0694-AZ99', cfrParts: ['15 CFR 774'], publishedOn: '2099-01-02' },
      source: { kind: 'FEDERAL_REGISTER', url: SYNTHETIC.html_url, title: SYNTHETIC.title },
      links: ['CITES source:fr-2099-00001', `CORRECTS ${CORRECTED}`, 'ISSUED_BY agency:bis'],
    });
    const [again] = await run({ documentNumbers: ['2099-00001'] });
    expect(again.status).toBe('unchanged');
  });

  it('leaves the seed graph as it found it (so later test files see the seed)', async () => {
    await graph.write((tx) => tx.run(restore, { ...saved, from: CORRECTION, to: CORRECTED }));
    const [now] = await graph.read<typeof saved>(saveState, { rules: RULES, sources: SOURCES, from: CORRECTION, to: CORRECTED });
    expect(now).toEqual(saved);
    expect((await read()).changes).toBe(0);
  });
});
