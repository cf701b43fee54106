/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Page } from 'puppeteer-core';
import { apiOf, axeViolations, BROWSER_TEST_MS, until, useBrowser, VIEWPORTS, watchPage } from '../support/browser';
import { useTestServer } from '../support/server';

/**
 * The tier map's comparison of two dates, its key dates and its exports, in a real browser (Debian's headless
 * chromium) against the real service over the test Neo4j, at 1440x900 and 390x844; set up as
 * explorer.test.ts is (CSP violations, console errors and serious or critical axe-core violations fail a
 * test). What the page should say is read from the API, not typed here, where the seed may change.
 */


jest.setTimeout(BROWSER_TEST_MS);

const BEFORE = '2025-03-01';
const AFTER = '2025-06-01';

const handle = useTestServer();
const session = useBrowser(handle);
const api = apiOf(handle);

interface ApiCountry {
  id: string;
  code: string;
  name: string;
  tierAssignments: { validFrom: string; validTo: string | null; tier: { id: string; name: string } }[];
}

/** Every country with its memberships, from the API. */
async function apiCountries(): Promise<ApiCountry[]> {
  const nodes: ApiCountry[] = [];
  for (let after: string | null = null, more = true; more; ) {
    const { countries }: any = await api('query($after: String) { countries(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id code name tierAssignments { validFrom validTo tier { id name } } } } } }', { after });
    nodes.push(...countries.edges.map((edge: any) => edge.node));
    [after, more] = [countries.pageInfo.endCursor, countries.pageInfo.hasNextPage];
  }
  return nodes;
}
const tierOn = (country: ApiCountry, date: string) => country.tierAssignments.find((a) => a.validFrom <= date && (!a.validTo || date < a.validTo))?.tier;

describe.each(VIEWPORTS)('tier map at $name size ($width x $height)', (viewport) => {
  let page: Page;
  const foreignRequests: string[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    page = await session.newPage();
    await page.setViewport({ width: viewport.width, height: viewport.height });
    await watchPage(page, (problem) => problems.push(problem));
    page.on('request', (request) => {
      if (!request.url().startsWith(session.base) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
    });
  });

  afterAll(async () => {
    await page?.close();
  });

  beforeEach(() => {
    problems = [];
  });

  afterEach(() => {
    expect(problems).toEqual([]);
  });

  const textOf = (selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
  const valueOf = (selector: string) => page.$eval(selector, (input) => (input as HTMLInputElement).value);
  const hash = () => page.evaluate(() => location.hash);

  async function audit(): Promise<void> {
    problems.push(...(await axeViolations(page)).map((violation) => `axe: ${page.url().replace(session.base, '/')} ${violation}`));
  }

  /** Opens a route in a fresh document, waits for `ready`, audits it; the page must never scroll sideways. */
  async function open(route: string, ready: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${session.base}${route}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(ready);
    await audit();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }

  it('compares two dates: the countries in another tier outlined on the map and listed with when and why, the address keeping both dates', async () => {
    const countries = await apiCountries();
    const expected = countries.filter((country) => tierOn(country, BEFORE)?.id !== tierOn(country, AFTER)?.id);
    const singapore = countries.find((country) => country.code === 'SG')!;
    expect(tierOn(singapore, BEFORE)?.name).toBe('Tier 2'); // else the test proves nothing
    expect(tierOn(singapore, AFTER)).toBeUndefined();
    const { factChanges } = await api(
      'query($from: Date!, $to: Date!) { factChanges(from: $from, to: $to, relations: ["IN_TIER"], first: 5000) { on change subject { ... on Country { code } } cause { id title shortName } } }',
      { from: '2025-03-02', to: AFTER },
    );
    const singaporeStep = factChanges.find((step: any) => step.subject.code === 'SG' && step.change === 'ENDED');
    expect(singaporeStep.cause).not.toBeNull();

    await open(`#/map?date=${BEFORE}&compare=${AFTER}`, '#map-change-list li[data-code="SG"]');
    expect(await hash()).toBe(`#/map?date=${BEFORE}&compare=${AFTER}`);
    expect(await valueOf('#map-date')).toBe(BEFORE);
    expect(await valueOf('#map-compare')).toBe(AFTER);
    expect(await textOf('#map-changes-heading')).toBe(`Changes from ${BEFORE} to ${AFTER}`);

    // The list in text: exactly the countries the API puts in another tier, each "Name: Tier 2 → no tier".
    const items = await page.$$eval('#map-change-list > li', (lis) => lis.map((li) => ({ code: (li as HTMLElement).dataset.code!, text: li.firstChild!.textContent! + li.childNodes[1].textContent! })));
    expect(items.map((item) => item.code).sort()).toEqual(expected.map((country) => country.code).sort());
    expect(items.find((item) => item.code === 'SG')!.text).toBe(`${singapore.name}: Tier 2 → no tier`);
    for (const country of expected.slice(0, 20)) {
      expect(items.find((item) => item.code === country.code)!.text).toBe(`${country.name}: ${tierOn(country, BEFORE)?.name ?? 'no tier'} → ${tierOn(country, AFTER)?.name ?? 'no tier'}`);
    }
    expect(await textOf('#map-summary')).toContain(`Compared with ${AFTER}: ${expected.length} in another tier.`);

    // When and by what: the step factChanges reports, with its instrument as a link.
    await page.waitForFunction(() => document.querySelectorAll('#map-change-list li[data-code="SG"] .steps li').length > 0);
    const step = await textOf('#map-change-list li[data-code="SG"] .steps');
    expect(step).toContain(`${singaporeStep.on}: left Tier 2`);
    expect(step).toContain(singaporeStep.cause.shortName ?? singaporeStep.cause.title);
    expect(await page.$eval('#map-change-list li[data-code="SG"] .steps a', (a) => decodeURIComponent(a.getAttribute('href')!))).toBe(`#/entity/${singaporeStep.cause.id}`);

    // The change layer: changed shapes outlined and named so, unchanged ones faded; the legend says which is which.
    const layer = (code: string) =>
      page.$eval(`#map a[data-code="${code}"]:not([aria-hidden])`, (link) => ({
        changed: link.getAttribute('data-changed'),
        label: link.getAttribute('aria-label'),
        stroke: getComputedStyle(link.querySelector('path, circle')!).strokeWidth,
        opacity: getComputedStyle(link).opacity,
      }));
    const sg = await layer('SG');
    expect(sg.changed).toBe('true');
    expect(sg.label).toBe(`${singapore.name}: Tier 2; changed from ${BEFORE} to ${AFTER}: Tier 2 → no tier`);
    expect(sg.stroke).toBe('1.5px');
    expect(sg.opacity).toBe('1');
    // Every shape is one or the other.
    const marked = await page.$$eval('#map a[data-code]', (links) => links.map((link) => link.getAttribute('data-changed')));
    expect(marked.filter((changed) => changed === 'true').length).toBeGreaterThan(100);
    expect(marked.filter((changed) => changed !== 'true' && changed !== 'false')).toEqual([]);
    expect(await page.$$eval('.legend [data-layer]', (items) => items.map((item) => item.textContent))).toEqual([
      `Outlined: another tier on ${AFTER} than on ${BEFORE}`,
      'Faded: the same tier on both dates',
    ]);
    // The long list scrolls in a region a keyboard can reach, named for screen readers.
    expect(await page.$eval('#map-changes .change-scroll', (region) => [region.getAttribute('tabindex'), region.getAttribute('aria-label')])).toEqual(['0', 'Countries whose tier changed']);
  });

  it('keeps both dates in a permalink: reloading restores them, and the dates compare in time order', async () => {
    await open(`#/map?date=${AFTER}&compare=${BEFORE}`, '#map-change-list li[data-code="SG"]');
    expect(await textOf('#map-changes-heading')).toBe(`Changes from ${BEFORE} to ${AFTER}`);
    expect(await textOf('#map-change-list li[data-code="SG"]')).toMatch(/: Tier 2 → no tier/);
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('#map-change-list li[data-code="SG"]');
    expect(await hash()).toBe(`#/map?date=${AFTER}&compare=${BEFORE}`);
    expect(await valueOf('#map-date')).toBe(AFTER);
    expect(await valueOf('#map-compare')).toBe(BEFORE);
    expect(await page.$eval('#map-slider', (input) => input.getAttribute('aria-valuetext'))).toBe(AFTER);

    // Moving the map's date keeps the comparison in the address.
    await page.focus('#map-slider');
    await page.keyboard.press('ArrowLeft');
    expect(await hash()).toBe(`#/map?date=2025-05-31&compare=${BEFORE}`);

    // Two dates with the same tiers: nothing listed, and it says so.
    await open(`#/map?date=2025-02-01&compare=${BEFORE}`, '#map-changes:not([hidden])');
    expect(await textOf('#map-changes-counts')).toBe(`No country or territory is in another tier on ${BEFORE} than on 2025-02-01.`);
    expect(await page.$$('#map-change-list li')).toHaveLength(0);
    const faded = await page.$eval('#map a[data-code="SG"]:not([aria-hidden])', (link) => [link.getAttribute('data-changed'), getComputedStyle(link).opacity]);
    expect(faded[0]).toBe('false');
    expect(Number(faded[1])).toBeLessThan(1);
    // A compare date that is not a date is "not found", as a bad date is.
    await open('#/map?date=2025-03-01&compare=2025-02-30', 'main h2');
    expect(await textOf('main h2')).toBe('Not found');
  });

  it('starts and stops a comparison from the keyboard', async () => {
    await open(`#/map?date=${BEFORE}`, '#map svg');
    expect(await page.$('#map-changes[hidden]')).not.toBeNull();
    expect(await page.$eval('label[for="map-compare"]', (label) => label.textContent)).toBe('Compare with');
    // Typed as en-US writes it; on the way the year is 0002, 0020 and 0202, none of them taken.
    await page.focus('#map-compare');
    await page.keyboard.type('06012025');
    await page.waitForSelector('#map-change-list li[data-code="SG"]');
    expect(await hash()).toBe(`#/map?date=${BEFORE}&compare=${AFTER}`);
    await audit();

    await page.focus('#map-compare-clear');
    await page.keyboard.press('Enter');
    expect(await hash()).toBe(`#/map?date=${BEFORE}`);
    expect(await page.$('#map-changes[hidden]')).not.toBeNull();
    expect(await page.$$('#map a[data-changed]')).toHaveLength(0);
    expect(await page.$$('.legend [data-layer]')).toHaveLength(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('map-compare');
  });

  it("marks the rule's key dates from the graph on the slider, each a button that moves the map there", async () => {
    const { rule } = await api('{ rule(id: "rule:ai-diffusion") { issuedOn publishedOn effectiveOn complianceOn ending { on kind by { title shortName } } } }');
    const dates = [...new Set([rule.issuedOn, rule.publishedOn, rule.effectiveOn, rule.complianceOn, rule.ending.on].filter(Boolean))].sort();
    expect(dates).toEqual(expect.arrayContaining(['2025-01-13', '2025-05-13', '2025-05-15']));
    expect(rule.ending.kind).toBe('NON_ENFORCEMENT');

    await open(`#/map?date=${BEFORE}`, '.key-dates button');
    const buttons = await page.$$eval('.key-dates button', (list) => list.map((button) => ({ date: (button as HTMLElement).dataset.date, text: button.textContent })));
    expect(buttons.map((button) => button.date)).toEqual(dates);
    const meaning = (date: string) => buttons.find((button) => button.date === date)!.text;
    expect(meaning(rule.ending.on)).toBe(`${rule.ending.on} enforcement ended (${rule.ending.by.shortName ?? rule.ending.by.title})`);
    expect(await textOf('#key-dates-heading')).toBe('Key dates of the AI Diffusion Rule');
    expect(meaning(rule.complianceOn)).toContain('compliance date');
    expect(meaning(rule.issuedOn)).toContain('issued');
    // Ticks on the slider's track: its datalist has an option per date, at the date's place on the slider.
    expect(await page.$eval('#map-slider', (input) => input.getAttribute('list'))).toBe('map-key-dates');
    const ticks = await page.$$eval('#map-key-dates option', (options) => options.map((option) => [(option as HTMLOptionElement).value, (option as HTMLOptionElement).label]));
    expect(ticks.map(([value]) => Number(value))).toEqual(dates.map((date) => Math.round((Date.parse(date) - Date.parse('2025-01-01')) / 86_400_000)));
    expect(ticks.every(([, label], index) => label.startsWith(`${dates[index]}: `))).toBe(true);

    // By keyboard: the compliance date's button moves the map, the slider and the address there, and is marked current.
    await page.focus(`.key-dates button[data-date="${rule.complianceOn}"]`);
    await page.keyboard.press('Enter');
    expect(await valueOf('#map-date')).toBe(rule.complianceOn);
    expect(await page.$eval('#map-slider', (input) => input.getAttribute('aria-valuetext'))).toBe(rule.complianceOn);
    expect(await hash()).toBe(`#/map?date=${rule.complianceOn}`);
    expect(await page.$$eval('.key-dates [aria-current="date"]', (list) => list.map((button) => (button as HTMLElement).dataset.date))).toEqual([rule.complianceOn]);
    expect(await textOf('#map-summary')).toContain('no country is in a tier');
    await audit();
  });

  (viewport.name === 'phone' ? it : it.skip)('keeps the map on the first screen of a phone: the key dates are one row that scrolls by itself, the keyboard help is for screen readers only', async () => {
    await open(`#/map?date=${BEFORE}`, '.key-dates button');
    const layout = await page.evaluate(() => {
      const list = document.querySelector('.key-dates ul') as HTMLElement;
      const tops = [...list.querySelectorAll('button')].map((button) => button.getBoundingClientRect().top);
      const help = document.getElementById('map-date-help')!;
      return {
        rows: new Set(tops).size, buttons: tops.length, mapTop: document.querySelector('.map-row')!.getBoundingClientRect().top, listScrolls: list.scrollWidth > list.clientWidth,
        helpHeight: help.getBoundingClientRect().height, helpDescribesSlider: document.getElementById('map-slider')!.getAttribute('aria-describedby') === help.id && help.textContent!.length > 0,
      };
    });
    expect(layout.buttons).toBeGreaterThan(2);
    expect(layout.rows).toBe(1);
    expect(layout.listScrolls).toBe(true);
    expect(layout).toMatchObject({ helpHeight: 1, helpDescribesSlider: true });
    // Most of the map on the first screen (it is about 430 px tall): before, four rows of key dates and the keyboard help put its top at 640.
    expect(layout.mapTop).toBeLessThan(viewport.height * 0.6);
  });

  it("offers the countries on the map's date as CSV and JSON Lines, and the files hold what the map shows", async () => {
    const countries = await apiCountries();
    const singapore = countries.find((country) => country.code === 'SG')!;
    await open(`#/map?date=${BEFORE}&compare=${AFTER}`, '#map-exports a');
    const hrefs = await page.$$eval('#map-exports a', (links) => links.map((link) => [link.getAttribute('href'), link.getAttribute('aria-label')]));
    expect(hrefs).toEqual([
      [`/export/countries.csv?asOf=${BEFORE}`, `Download CSV: Countries and their tiers on ${BEFORE}`],
      [`/export/countries.jsonl?asOf=${BEFORE}`, `JSON Lines: Countries and their tiers on ${BEFORE}`],
      [`/export/countries.csv?asOf=${AFTER}`, `Download CSV: Countries and their tiers on ${AFTER}`],
      [`/export/countries.jsonl?asOf=${AFTER}`, `JSON Lines: Countries and their tiers on ${AFTER}`],
    ]);

    // A real download (the link followed by the keyboard), read from disk.
    const folder = mkdtempSync(path.join(tmpdir(), 'map-export-'));
    try {
      const cdp = await session.browser.target().createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder });
      await page.focus(`#map-exports a[href="/export/countries.csv?asOf=${BEFORE}"]`);
      await page.keyboard.press('Enter');
      const file = path.join(folder, `countries-asof-${BEFORE}.csv`);
      await until(() => existsSync(file), 'the download of the countries CSV');
      expect(readdirSync(folder)).toEqual([`countries-asof-${BEFORE}.csv`]);
      const rows: string[][] = parse(readFileSync(file, 'utf8'));
      expect(rows[0]).toEqual(['id', 'code', 'name', 'tier', 'tierId', 'tierLevel', 'ruleId', 'rule']);
      expect(rows.length - 1).toBe(countries.length);
      const row = rows.find((cells) => cells[1] === 'SG')!;
      expect(row.slice(0, 6)).toEqual([singapore.id, 'SG', singapore.name, 'Tier 2', tierOn(singapore, BEFORE)!.id, '2']);
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
      await cdp.detach();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }

    // The other date's JSON Lines, fetched from the page by its link: Singapore in no tier then.
    const lines = await page.$eval(`#map-exports a[href="/export/countries.jsonl?asOf=${AFTER}"]`, async (link) => (await fetch((link as HTMLAnchorElement).href)).text());
    const records = lines.trim().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(countries.length);
    expect(records.find((record) => record.code === 'SG')).toMatchObject({ id: singapore.id, name: singapore.name, tier: [], tierLevel: [] });

    // The links follow the map's date.
    await page.focus('#map-slider');
    await page.keyboard.press('ArrowRight');
    expect(await page.$eval('#map-exports a[data-format="csv"]', (link) => link.getAttribute('href'))).toBe('/export/countries.csv?asOf=2025-03-02');
  });

  it('loads nothing from another host', () => {
    expect(foreignRequests).toEqual([]);
  });
});
