/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { parse as parseCsv } from 'csv-parse/sync';
import { CDPSession, Page } from 'puppeteer-core';
import { NamedQuery } from '../../src/neo4j/graph';
import { connectTestGraph } from '../support/app';
import { apiOf, axeViolations, BROWSER_TEST_MS, ENUM_CODE, until, useBrowser, VIEWPORTS, watchPage } from '../support/browser';
import { useTestServer } from '../support/server';

/**
 * The explorer's entity pages in a real browser (Debian's headless chromium) against the real service
 * over the test Neo4j, at a desktop (1440x900) and a phone (390x844) viewport: live updates over
 * graphql-ws, the rules reaching a country or company in plain words, listings, the chip-family page,
 * and citations (links to the Federal Register document, "copy citation"). Every page opened is checked
 * for CSP violations, console errors and (axe-core) serious or critical accessibility violations.
 * Expected facts come from the API itself where the seed may change.
 */

const ALICE = 'Bearer s3cret';

jest.setTimeout(BROWSER_TEST_MS);

/** Every rule this file writes is rule:test-pages-...; they, their links and their Changes are removed afterwards. */
const cleanUp: NamedQuery = {
  name: 'testPagesCleanUp',
  cypher: `
CALL { MATCH (c:Change) WHERE any(id IN c.entityIds WHERE id STARTS WITH 'rule:test-pages-') DETACH DELETE c }
CALL { MATCH (r:Rule) WHERE r.id STARTS WITH 'rule:test-pages-' DETACH DELETE r }`,
};

const handle = useTestServer();
// "Copy citation" writes to the clipboard; headless chromium asks for the permission.
const session = useBrowser(handle, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
const api = apiOf(handle);
/** Its own connection for the clean-up: the server's is closed before this file's afterAll runs. */
const graph = connectTestGraph();

beforeAll(async () => {
  await graph.write((tx) => tx.run(cleanUp));
});

afterAll(async () => {
  await graph.write((tx) => tx.run(cleanUp));
  await graph.close();
});

const UPSERT_RULE = 'mutation ($input: RuleInput!) { upsertRule(input: $input) { id summary } }';
const RECORD_TOUCH = 'mutation ($input: TouchInput!) { recordTouch(input: $input) { relation } }';

describe.each(VIEWPORTS)('entity pages in a browser at $name size ($width x $height)', (viewport) => {
  let page: Page;
  let cdp: CDPSession;
  /** graphql-ws messages the page sent, parsed. */
  let framesSent: { type: string; id?: string; payload?: { query?: string } }[] = [];
  let problems: string[] = [];
  const ruleId = `rule:test-pages-${viewport.name}`;

  beforeAll(async () => {
    page = await session.newPage();
    await page.setViewport({ width: viewport.width, height: viewport.height });
    await watchPage(page, (problem) => problems.push(problem));
    // The request behind a "Failed to load resource" console error, with the answer's body.
    page.on('response', async (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}: ${(await response.text().catch(() => '')).slice(0, 300)} (asked ${response.request().postData()?.slice(0, 200)})`);
    });
    cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    cdp.on('Network.webSocketFrameSent', (event) => {
      try {
        framesSent.push(JSON.parse(event.response.payloadData));
      } catch {
        // not a graphql-ws message
      }
    });
  });

  afterAll(async () => {
    await page?.close();
  });

  beforeEach(() => {
    problems = [];
    framesSent = [];
  });

  afterEach(() => {
    expect(problems).toEqual([]);
  });

  const textOf = (selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
  /** An export the page links to, fetched by the page and read as CSV. */
  const download = async (href: string) => parseCsv(await page.evaluate(async (url) => (await fetch(url)).text(), href), { columns: true, bom: true }) as Record<string, string>[];
  const rowsOf = (selector: string) => page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => tr.textContent ?? ''));

  /** axe-core on the page as it is now: serious and critical violations go into `problems`. */
  async function audit(): Promise<void> {
    problems.push(...(await axeViolations(page)).map((violation) => `axe: ${page.url().replace(session.base, '/')} ${violation}`));
  }

  /** Opens a route in a fresh document, waits for it to settle, audits it; the page must never scroll sideways. */
  async function open(hash: string, ready: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${session.base}${hash}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(ready);
    await audit();
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  }

  const mainContains = (text: string) => page.waitForFunction((wanted) => document.querySelector('main')?.textContent?.includes(wanted), {}, text);

  it('redraws an open rule page when an editor changes the rule, and stops following when the page is left', async () => {
    await api(UPSERT_RULE, { input: { id: ruleId, title: `Test pages rule (${viewport.name})`, kind: 'GUIDANCE', summary: 'The first summary.' } }, ALICE);
    await open(`#/entity/${ruleId}`, '#rule-status');
    expect(await textOf('main')).toContain('The first summary.');
    await until(() => framesSent.some((frame) => frame.type === 'subscribe' && frame.payload?.query?.includes('changed')), 'the page to subscribe to changes');

    const summary = `The second summary, written at ${new Date().toISOString()}.`;
    await api(UPSERT_RULE, { input: { id: ruleId, title: `Test pages rule (${viewport.name})`, kind: 'GUIDANCE', summary } }, ALICE);
    await mainContains(summary);
    expect(await textOf('main')).not.toContain('The first summary.');
    expect(await page.title()).toBe(`Test pages rule (${viewport.name}) · Export-control graph`);
    await audit();

    // Leaving the page ends its subscription (graphql-ws "complete" for the same operation id).
    const subscription = framesSent.find((frame) => frame.type === 'subscribe')!;
    await page.evaluate(() => {
      location.hash = '#/entity/rule:ai-diffusion';
    });
    await until(() => framesSent.some((frame) => frame.type === 'complete' && frame.id === subscription.id), 'the left page to end its subscription');
  });

  it("lists on a country's page every rule that reaches it, in words, and adds one an editor records while it is open", async () => {
    const country = 'country:IS';
    const { rulesTouching } = await api('query($id: String!) { rulesTouching(entity: $id) { rule { id } path { __typename ... on Node { id } ... on Tier { name } } } }', { id: country });
    await open(`#/entity/${country}`, '::-p-xpath(//h3[normalize-space()="Rules that reach it"])');
    const links = await page.$$eval('#touching tbody tr td:first-child a', (anchors) => anchors.map((a) => decodeURI(a.getAttribute('href')!.replace('#/entity/', ''))));
    expect(new Set(links)).toEqual(new Set(rulesTouching.map((touch: any) => touch.rule.id)));
    const viaTier = rulesTouching.find((touch: any) => touch.path[1]?.__typename === 'Tier');
    expect(viaTier).toBeDefined(); // Iceland is in a tier of the AI Diffusion Rule; else this test proves less
    expect((await rowsOf('#touching')).some((row) => row.includes(`Defines ${viaTier.path[1].name}, the tier it is in`))).toBe(true);
    expect(await textOf('main')).not.toMatch(ENUM_CODE);

    await api(UPSERT_RULE, { input: { id: ruleId, title: `Test pages rule (${viewport.name})`, kind: 'GUIDANCE' } }, ALICE);
    await api(RECORD_TOUCH, { input: { ruleId, targetId: country, relation: 'RESTRICTS', validFrom: '2025-02-01', sourceIds: ['source:fr-2025-00636'] } }, ALICE);
    const row = await page.waitForSelector(`::-p-xpath(//table[@id="touching"]//tr[td//a[@href="#/entity/${ruleId}"]])`);
    expect(await row!.evaluate((tr) => tr.textContent)).toContain('Restricts it directly');
    await audit();
  });

  it("shows China's rules reaching it through the companies based there, and a company's listings and its products' rules", async () => {
    const { rulesTouching } = await api('query { rulesTouching(entity: "country:CN") { rule { id } path { __typename ... on Node { id } ... on Company { name } } } }');
    const viaCompany = rulesTouching.find((touch: any) => touch.path.length === 3 && touch.path[1].__typename === 'Company');
    expect(viaCompany).toBeDefined();
    await open('#/entity/country:CN', '#touching');
    expect((await rowsOf('#touching')).some((row) => row.includes(`${viaCompany.path[1].name}, a company based in it`))).toBe(true);

    const { company } = await api('query { company(id: "company:huawei") { listings { list validFrom } } }');
    const touching = (await api('query { rulesTouching(entity: "company:huawei") { path { __typename ... on ChipProduct { name } } } }')).rulesTouching;
    const viaProduct = touching.find((touch: any) => touch.path.length === 3 && touch.path[1].__typename === 'ChipProduct');
    expect(company.listings.some((listing: any) => listing.list === 'ENTITY_LIST')).toBe(true);
    expect(viaProduct).toBeDefined();
    await open('#/entity/company:huawei', '#listings');
    const listings = await rowsOf('#listings');
    expect(listings).toHaveLength(company.listings.length);
    expect(listings.some((row) => row.startsWith('Entity List'))).toBe(true);
    expect((await rowsOf('#touching')).some((row) => row.includes(`${viaProduct.path[1].name}, a product it makes`))).toBe(true);
    expect(await textOf('main')).not.toMatch(ENUM_CODE);
  });

  it('filters the rules table by the words typed, keeps the filter in the address, and restores it on reload', async () => {
    await open('#/entity/country:CN', '#touching');
    const all = await rowsOf('#touching');
    const wanted = all.filter((row) => row.toLowerCase().includes('huawei'));
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.length).toBeLessThan(all.length); // else the filter would prove nothing
    await page.type('input[aria-label="Filter: Rules that reach it"]', 'Huawei');
    const visible = () => page.$$eval('#touching tbody tr:not([hidden])', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(await visible()).toEqual(wanted);
    expect(await textOf('input[aria-label="Filter: Rules that reach it"] ~ [role="status"]')).toBe(`${wanted.length} of ${all.length} shown`);
    expect(new URL(page.url()).hash).toBe('#/entity/country:CN?filter=Huawei');
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('#touching');
    expect(await page.$eval('input[aria-label="Filter: Rules that reach it"]', (input) => (input as HTMLInputElement).value)).toBe('Huawei');
    expect(await visible()).toEqual(wanted);
    await audit();
  });

  it("filters a tier's list of countries the same way", async () => {
    await open('#/entity/tier:ai-diffusion-2', 'input[aria-label="Filter: Countries ever in it"]');
    const shown = () => page.$$eval('main ul li:not([hidden]) a', (anchors) => anchors.map((a) => a.textContent ?? '').filter((text) => text));
    const all = await shown();
    await page.type('input[aria-label="Filter: Countries ever in it"]', 'land');
    const kept = await shown();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
    expect(kept.every((name) => name.toLowerCase().includes('land'))).toBe(true);
    expect(new URL(page.url()).hash).toBe('#/entity/tier:ai-diffusion-2?filter=land');
    await audit();
  });

  it("offers the rules reaching a country as an export holding the same rules as its table", async () => {
    await open('#/entity/country:CN', '#touching');
    const inTable = await page.$$eval('#touching tbody tr td:first-child a', (anchors) => anchors.map((a) => decodeURI(a.getAttribute('href')!.replace('#/entity/', ''))));
    const href = await page.$eval('a.export[href^="/export/rules.csv"]', (a) => a.getAttribute('href')!);
    expect(href).toBe('/export/rules.csv?touching=country%3ACN');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    const rows = parseCsv(csv, { columns: true, bom: true }) as { id: string }[];
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(inTable));
  });

  it("offers a country's companies, a company's products and an agency's rules as exports holding the rows of the page's list", async () => {
    const cases = [
      { hash: '#/entity/country:CN', list: 'Companies based here', href: '/export/companies.csv?countryCode=CN' },
      { hash: '#/entity/company:huawei', list: 'Products', href: '/export/chipProducts.csv?makerId=company%3Ahuawei' },
      { hash: '#/entity/agency:bis', list: 'Rules issued', href: '/export/rules.csv?issuedByAgencyId=agency%3Abis' },
    ];
    for (const { hash, list, href } of cases) {
      await open(hash, `a.export[href="${href}"]`);
      // The list under its heading, behind its filter when it is long.
      const listed = await page.$$eval(`::-p-xpath(//h3[normalize-space()="${list}"]/following-sibling::*[1]/descendant-or-self::ul[1]/li/a)`, (anchors) => anchors.map((a) => decodeURI(a.getAttribute('href')!.replace('#/entity/', ''))));
      expect({ hash, rows: listed.length > 0 }).toEqual({ hash, rows: true });
      expect({ hash, ids: (await download(href)).map((row) => row.id).sort() }).toEqual({ hash, ids: [...listed].sort() });
    }
  });

  it("opens a product's family page: the family's chips, sorted, with maker, ECCN and performance, and the rules touching them", async () => {
    await open('#/entity/chipProduct:huawei-ascend-910b', '#family-link');
    await page.click('#family-link');
    await page.waitForSelector('#family-chips');
    await audit();
    expect(await page.evaluate(() => location.hash)).toBe('#/family/Ascend');
    expect(await page.title()).toBe('Ascend family · Export-control graph');

    const { chipProducts } = await api('query { chipProducts(filter: { family: "Ascend" }, first: 100) { edges { node { id name eccn maker { name } } } } }');
    const chips = chipProducts.edges.map((edge: any) => edge.node).sort((a: any, b: any) => a.name.localeCompare(b.name));
    expect(chips.length).toBeGreaterThan(1);
    const rows = await page.$$eval('#family-chips tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
    expect(rows.map((cells) => cells.slice(0, 3))).toEqual(chips.map((chip: any) => [chip.name, chip.maker?.name ?? '—', chip.eccn ?? 'not recorded']));

    const ruleRows = await rowsOf('#touching');
    for (const chip of chips) {
      const { rulesTouching } = await api('query($id: String!) { rulesTouching(entity: $id) { rule { title shortName } } }', { id: chip.id });
      for (const touch of rulesTouching) expect(ruleRows.some((row) => row.includes(touch.rule.shortName ?? touch.rule.title) && row.includes(chip.name))).toBe(true);
    }
    // Sorted by rule.
    const ruleNames = await page.$$eval('#touching tbody tr td:first-child', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(ruleNames).toEqual([...ruleNames].sort((a, b) => a.localeCompare(b)));

    // Both lists download as files holding what the page shows.
    const [chipsHref, rulesHref] = await page.$$eval('a.export[data-format="csv"]', (anchors) => anchors.map((a) => a.getAttribute('href')!));
    expect(chipsHref).toBe('/export/chipProducts.csv?family=Ascend');
    expect(rulesHref).toBe('/export/rules.csv?touching=Ascend&touchingVia=DIRECT%2CMAKER%2CECCN');
    expect((await download(chipsHref)).map((row) => row.id).sort()).toEqual(chips.map((chip: any) => chip.id).sort());
    const inTable = await page.$$eval('#touching tbody tr td:first-child a', (anchors) => anchors.map((a) => decodeURI(a.getAttribute('href')!.replace('#/entity/', ''))));
    expect(new Set((await download(rulesHref)).map((row) => row.id))).toEqual(new Set(inTable));
  });

  it("offers a tier's countries as an export holding all of them, beyond the 100 its page lists", async () => {
    await open('#/entity/tier:ai-diffusion-2', 'a.export[data-format="csv"]');
    const { tier } = await api('query { tier(id: "tier:ai-diffusion-2") { countries(first: 1) { totalCount } } }');
    expect(tier.countries.totalCount).toBeGreaterThan(100);
    const href = await page.$eval('a.export[data-format="csv"]', (a) => a.getAttribute('href')!);
    expect(href).toBe('/export/tierCountries.csv?tier=tier%3Aai-diffusion-2');
    const rows = await download(href);
    expect(rows).toHaveLength(tier.countries.totalCount);
    const listed = await page.$$eval('main ul li a', (anchors) => anchors.map((a) => decodeURI(a.getAttribute('href')!.replace('#/entity/', ''))));
    expect(listed).toHaveLength(100);
    expect(listed.every((id) => rows.some((row) => row.id === id))).toBe(true);
  });

  it("opens an ECCN from a product's page: the rules that made it, the products under it, and an export of them", async () => {
    await open('#/entity/chipProduct:nvidia-a100', '#classifications');
    await page.click('::-p-xpath(//dt[normalize-space()="ECCN"]/following-sibling::dd[1]/a)');
    await page.waitForSelector('#eccn-products');
    await audit();
    expect(await page.evaluate(() => location.hash)).toBe('#/entity/eccn:3A090');
    expect(await page.title()).toBe('ECCN 3A090 · Export-control graph');

    const { eccn, chipProducts } = await api(`query {
      eccn(code: "3A090") { rules { id issuedOn } }
      chipProducts(filter: { eccn: "3A090" }, first: 100) { edges { node { id name eccn } } }
    }`);
    expect(eccn.rules.length).toBeGreaterThan(0);
    const ruleIds = await page.$$eval('#eccn-rules li a', (anchors) => anchors.map((a) => decodeURI(a.getAttribute('href')!.replace('#/entity/', ''))));
    expect(ruleIds).toEqual([...eccn.rules].sort((a: any, b: any) => (a.issuedOn ?? '').localeCompare(b.issuedOn ?? '')).map((rule: any) => rule.id));
    const products = chipProducts.edges.map((edge: any) => edge.node).sort((a: any, b: any) => a.name.localeCompare(b.name));
    expect(products.length).toBeGreaterThan(1);
    const rows = await page.$$eval('#eccn-products tbody tr', (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[2].textContent]));
    expect(rows).toEqual(products.map((product: any) => [product.name, product.eccn]));
    const href = await page.$eval('a.export[data-format="csv"]', (a) => a.getAttribute('href')!);
    expect(href).toBe('/export/chipProducts.csv?eccn=3A090');
    expect((await download(href)).map((row) => row.id).sort()).toEqual(products.map((product: any) => product.id).sort());
  });

  it("opens a country group from a country's page: its members with their periods and the rules that changed them, and an export of them", async () => {
    await open('#/entity/country:CN', '#country-groups');
    const { countryGroup } = await api(`query { countryGroup(code: "D:5") {
      id name members { validFrom validTo confidence country { id name } addedBy { id } removedBy { id } }
    } }`);
    await page.click(`#country-groups a[href="#/entity/${countryGroup.id}"]`);
    await page.waitForSelector('#group-members');
    await audit();
    expect(await page.title()).toBe(`${countryGroup.name.includes('D:5') ? countryGroup.name : `${countryGroup.name} (Country Group D:5)`} · Export-control graph`);
    const members = [...countryGroup.members].sort((a: any, b: any) => a.country.name.localeCompare(b.country.name) || (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
    expect(members.some((member: any) => member.country.id === 'country:CN')).toBe(true);
    const rows = await page.$$eval('#group-members tbody tr', (trs) => trs.map((tr) => [...tr.cells].slice(0, 4).map((td) => td.querySelector('a')?.getAttribute('href') ?? td.textContent)));
    const period = (from: string | null, to: string | null) => (from && to ? `${from} to ${to}` : from ? `since ${from}` : to ? `until ${to}` : 'dates not recorded');
    const link = (rule: any) => (rule ? `#/entity/${rule.id}` : '—');
    expect(rows).toEqual(members.map((member: any) => [`#/entity/${member.country.id}`, period(member.validFrom, member.validTo), link(member.addedBy), link(member.removedBy)]));
    const href = await page.$eval('a.export[data-format="csv"]', (a) => a.getAttribute('href')!);
    expect(href).toBe('/export/countryGroupMembers.csv?group=D%3A5');
    const exported = await download(href);
    expect(exported.map((row) => `${row.countryId} ${row.validFrom}`).sort()).toEqual(members.map((member: any) => `${member.country.id} ${member.validFrom ?? ''}`).sort());
  });

  it("filters a page's shorter lists each under its own name in the address, beside the main list's filter", async () => {
    const { country } = await api('query { country(code: "CN") { companies { name } } }');
    expect(country.companies.length).toBeGreaterThanOrEqual(6); // FILTER_FROM: shorter lists have no filter
    await open('#/entity/country:CN?filter=Huawei', 'input[aria-label="Filter: Companies based here"]');
    await page.type('input[aria-label="Filter: Companies based here"]', 'huawei');
    const shown = await page.$$eval('::-p-xpath(//h3[normalize-space()="Companies based here"]/following-sibling::div[1]//li[not(@hidden)])', (items) => items.map((li) => li.textContent ?? ''));
    const expected = country.companies.map((company: any) => company.name).filter((name: string) => name.toLowerCase().includes('huawei'));
    expect(shown.sort()).toEqual(expected.sort());
    expect(shown.length).toBeLessThan(country.companies.length);
    expect(new URL(page.url()).hash).toBe('#/entity/country:CN?filter=Huawei&filter-companies=huawei');
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('#touching');
    const values = await page.$$eval('.table-filter-input', (inputs) => Object.fromEntries(inputs.map((input) => [input.getAttribute('aria-label'), (input as HTMLInputElement).value])));
    expect(values).toMatchObject({ 'Filter: Rules that reach it': 'Huawei', 'Filter: Companies based here': 'huawei' });
    await audit();
  });

  it("shows a rule's status over time, a suspension as a period of its own with the rule that began it and its sources", async () => {
    const { rule } = await api('query { rule(id: "rule:affiliates-rule-2025") { statusHistory { status validFrom validTo by { id } sources { id } } } }');
    const suspension = rule.statusHistory.find((period: any) => period.status === 'SUSPENDED');
    expect(suspension).toMatchObject({ validFrom: '2025-11-10', by: { id: 'rule:affiliates-suspension-2025' } });
    await open('#/entity/rule:affiliates-rule-2025', '#status-history');
    const rows = await page.$$eval('#status-history tbody tr', (trs) => trs.map((tr) => ({
      status: tr.getAttribute('data-status'),
      period: tr.cells[1].textContent,
      by: tr.cells[2].querySelector('a')?.getAttribute('href') ?? null,
      sources: [...tr.cells[3].querySelectorAll('li[data-id]')].map((li) => li.getAttribute('data-id')),
    })));
    expect(rows).toEqual(rule.statusHistory.map((period: any) => ({
      status: period.status,
      period: period.validTo ? `${period.validFrom} to ${period.validTo}` : `since ${period.validFrom}`,
      by: period.by ? `#/entity/${period.by.id}` : null,
      sources: period.sources.map((source: any) => source.id),
    })));
    expect(rows.map((row) => row.status)).toEqual(['IN_FORCE', 'SUSPENDED', 'IN_FORCE']);
    expect(rows[1].sources).toContain('source:fr-2025-19846');
  });

  it('links a rule’s citation and document number to its Federal Register document and copies a standard citation', async () => {
    const { rule } = await api('query { rule(id: "rule:ai-diffusion") { citation documentNumber sources { id url } } }');
    const document = rule.sources.find((source: any) => source.url?.includes(rule.documentNumber));
    expect(document).toBeDefined();
    await open('#/entity/rule:ai-diffusion', '#rule-citation');
    expect(await page.$eval('#rule-citation', (a) => [a.tagName, a.getAttribute('href'), a.textContent])).toEqual(['A', document.url, rule.citation]);
    expect(await page.$eval('#rule-document-number', (a) => [a.tagName, a.getAttribute('href'), a.textContent])).toEqual(['A', document.url, `FR Doc ${rule.documentNumber}`]);

    // The sources list, behind its filter when it is long.
    const item = `//h3[normalize-space()="Sources"]/following-sibling::*[1]/descendant-or-self::ul[contains(@class, "sources")]/li[@data-id="${document.id}"]`;
    await page.click(`::-p-xpath(${item}//button)`);
    const copied = await page.waitForSelector(`::-p-xpath(${item}//output/span)`);
    const expected = '90 FR 4544 (Jan. 15, 2025), FR Doc 2025-00636';
    expect(await copied!.evaluate((span) => span.textContent)).toBe(expected);
    expect(await page.$eval(`::-p-xpath(${item}//output)`, (output) => output.textContent)).toBe(`Copied: ${expected}`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await audit();
  });
});
