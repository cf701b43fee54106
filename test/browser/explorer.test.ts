/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { HTTPRequest, Page } from 'puppeteer-core';
import { projectRoot } from '../../src/paths';
import { RunningServer } from '../../src/http/server';
import { connectTestGraph } from '../support/app';
import { apiOf, axeViolations, BROWSER_TEST_MS, ENUM_CODE, until, useBrowser, VIEWPORTS, watchPage } from '../support/browser';
import { startTestServer, useTestServer } from '../support/server';

/**
 * The explorer in a real browser (Debian's headless chromium), against the real service over the test Neo4j,
 * at a desktop (1440x900) and a phone (390x844) viewport. Every page opened is also checked for
 * Content-Security-Policy violations, console errors and (axe-core) serious or critical accessibility
 * violations. Expected facts come from the API itself where the seed may change, not from titles typed here.
 * UPDATE_SCREENSHOTS=1 also writes the README's screenshots into docs/.
 */

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

jest.setTimeout(BROWSER_TEST_MS);

const handle = useTestServer();
const session = useBrowser(handle);
const api = apiOf(handle);

/** A rule's status as the explorer words it ("Not enforced"). */
const statusLabel = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

describe.each(VIEWPORTS)('explorer in a browser at $name size ($width x $height)', (viewport) => {
  let page: Page;
  const foreignRequests: string[] = [];
  /** Problems seen on any page: CSP violations, console errors, uncaught errors, accessibility. */
  let problems: string[] = [];
  /** Console errors are expected only while a test breaks the network on purpose. */
  let networkBroken = false;

  beforeAll(async () => {
    page = await session.newPage();
    await page.setViewport({ width: viewport.width, height: viewport.height });
    await watchPage(page, (problem) => problems.push(problem), (text) => !networkBroken || text.startsWith('CSP'));
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
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** axe-core on the page as it is now: serious and critical violations go into `problems`. */
  async function audit(): Promise<void> {
    problems.push(...(await axeViolations(page)).map((violation) => `axe: ${page.url().replace(session.base, '/')} ${violation}`));
  }

  /** Opens a route, waits for it to settle, audits it; the page must never scroll sideways. */
  async function open(hash: string, ready: string): Promise<void> {
    // A fresh document each time: going to another hash of the same page would keep what the last test left.
    await page.goto('about:blank');
    await page.goto(`${session.base}${hash}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(ready);
    await audit();
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  }

  /** Every date in the page's tables and lists sits on one line. */
  async function datesUnbroken(selector: string): Promise<void> {
    const broken = await page.$$eval(selector, (elements) =>
      elements
        .filter((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
        })
        .map((element) => element.textContent),
    );
    expect(broken).toEqual([]);
  }

  it('finds "Ascnd" and shows the 2025-05-13 guidance among the rules touching the Ascend 910B', async () => {
    await open('', '#map svg');
    await page.type('#search', 'Ascnd');
    await page.waitForSelector('::-p-xpath(//*[@id="search-results"]//a[normalize-space()="Huawei Ascend 910B"])');
    // By keyboard: ArrowDown into the results and along them, Enter to open.
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    for (let step = 0; step < 20 && (await focused()) !== 'Huawei Ascend 910B'; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#touching');
    await audit();
    const id = decodeURIComponent(await page.evaluate(() => location.hash.replace('#/entity/', '')));
    expect(id).toMatch(/^chipProduct:/);
    expect(await page.title()).toContain('Huawei Ascend 910B');

    const { rulesTouching } = await api('query($id: String!) { rulesTouching(entity: $id) { validFrom rule { title shortName kind } } }', { id });
    const guidance = rulesTouching.filter((touch: any) => touch.rule.kind === 'GUIDANCE' && touch.validFrom === '2025-05-13');
    expect(guidance.length).toBeGreaterThan(0);
    const rows = await page.$$eval('#touching tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    for (const touch of guidance) expect(rows.some((row) => row.includes(touch.rule.shortName ?? touch.rule.title) && row.includes('2025-05-13'))).toBe(true);
    // Relations read as words (PROHIBITS_USE is "Prohibits use"); dates never break at their hyphens; no sideways scroll.
    expect(await textOf('main')).not.toMatch(ENUM_CODE);
    await datesUnbroken('#touching tbody td:nth-child(4)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('closes the search results on Tab out of them and on a click elsewhere', async () => {
    await open('#/entity/rule:ai-diffusion', '#rule-status');
    const results = () => page.$$('#search-results a');
    await page.type('#search', 'Ascnd');
    await page.waitForSelector('#search-results a');
    await page.focus('#search-results a:last-of-type');
    const last = await page.$$eval('#search-results a', (links) => links.length);
    await page.focus('#search');
    for (let step = 0; step <= last; step++) await page.keyboard.press('Tab');
    expect(await results()).toHaveLength(0);

    await page.click('#search', { count: 3 });
    await page.keyboard.type('Kessler');
    await page.waitForSelector('#search-results a');
    await page.click('main h2');
    expect(await results()).toHaveLength(0);
  });

  it('moves the tier map with the keyboard: Singapore Tier 2 and Spain Tier 1 on 2025-03-01, no tier on 2025-06-01', async () => {
    await open('#/map', '#map path[data-code="SG"]');
    const fillOf = (code: string) => page.$eval(`#map path[data-code="${code}"]`, (shape) => getComputedStyle(shape).fill);
    const swatch = (tier: string) => page.$eval(`.legend .swatch[data-tier="${tier}"]`, (element) => getComputedStyle(element).backgroundColor);
    expect(await page.title()).toContain('tier map');

    await page.focus('#map-slider');
    await page.keyboard.press('Home'); // 2025-01-01
    for (const key of ['PageUp', 'PageUp', 'ArrowLeft'] as const) await page.keyboard.press(key); // a month is 30 days: 2025-03-02, then back a day
    expect(await page.$eval('#map-date', (input) => (input as HTMLInputElement).value)).toBe('2025-03-01');
    expect(await fillOf('SG')).toBe(await swatch('2'));
    expect(await fillOf('ES')).toBe(await swatch('1'));
    expect(await swatch('1')).not.toBe(await swatch('2'));
    const tierTwo = await textOf('::-p-xpath(//table[contains(@class,"tier-table")]//tr[th[normalize-space()="Tier 2"]])');
    expect(tierTwo).toContain('Singapore');
    if (SCREENSHOTS && viewport.name === 'desktop') await screenshot(page, 'explorer-map.png');

    for (let month = 0; month < 3; month++) await page.keyboard.press('PageUp'); // +90 days: 2025-05-30
    for (let day = 0; day < 2; day++) await page.keyboard.press('ArrowRight');
    expect(await page.$eval('#map-date', (input) => (input as HTMLInputElement).value)).toBe('2025-06-01');
    const fills = await page.$$eval('#map path[data-code]', (shapes) => shapes.map((shape) => getComputedStyle(shape).fill));
    expect(fills.length).toBeGreaterThan(150);
    expect(new Set(fills)).toEqual(new Set([await swatch('none')]));
    expect(await textOf('#map-summary')).toContain('no country is in a tier');
    expect(await page.$$('#unmapped li[data-tier]:not([data-tier=""])')).toHaveLength(0);
  });

  it("paints overseas territories in their own tier, not their parent's, and draws small states as markers that can be clicked", async () => {
    const nodes: any[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const { countries }: any = await api('query($after: String) { countries(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id code name tierAssignments { validFrom validTo tier { level } } } } } }', { after });
      nodes.push(...countries.edges.map((edge: any) => edge.node));
      [after, more] = [countries.pageInfo.endCursor, countries.pageInfo.hasNextPage];
    }
    const byCode = new Map<string, { id: string; name: string; level: string }>(
      nodes.map((node: any) => {
        const tier = node.tierAssignments.find((a: any) => a.validFrom <= '2025-03-01' && (!a.validTo || '2025-03-01' < a.validTo))?.tier;
        return [node.code, { id: node.id, name: node.name, level: tier ? String(tier.level) : '' }];
      }),
    );
    await open('#/map?date=2025-03-01', '#map svg');
    const territories = ['GF', 'RE', 'YT', 'GP', 'MQ', 'SJ', 'BQ'].filter((code) => byCode.has(code));
    expect(territories.length).toBeGreaterThan(3);
    for (const code of territories) {
      const drawn = await page.$$eval(`#map [data-code="${code}"]:is(path, circle)`, (shapes) => shapes.map((shape) => (shape as SVGElement).dataset.tier));
      expect({ code, tiers: [...new Set(drawn)] }).toEqual({ code, tiers: [byCode.get(code)!.level] });
    }
    expect(byCode.get('GF')!.level).not.toBe(byCode.get('FR')!.level); // else this test proves nothing
    // What is under the pointer in the middle of French Guiana names French Guiana, not France.
    const under = await page.$eval('#map path[data-code="GF"]', (shape) => {
      const box = shape.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit?.closest('a')?.querySelector('title')?.textContent ?? '';
    });
    expect(under).toMatch(new RegExp(`^${byCode.get('GF')!.name}: `));

    for (const code of ['SG', 'HK', 'MO'].filter((c) => byCode.has(c))) {
      const size = await page.$eval(`#map circle[data-code="${code}"]`, (marker) => marker.getBoundingClientRect().width);
      expect(size).toBeGreaterThanOrEqual(viewport.name === 'desktop' ? 8 : 4);
    }
    if (viewport.name === 'desktop') {
      await page.click('#map circle[data-code="SG"]');
      await page.waitForFunction((id) => decodeURIComponent(location.hash) === `#/entity/${id}`, {}, byCode.get('SG')!.id);
    }
  });

  it('lets the keyboard skip past the map to the table, and the page past the header to the content', async () => {
    await open('#/map?date=2025-03-01', '#map svg');
    await page.focus('.skip-map');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tier-table');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#tier-table'))).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('#/map?date=2025-03-01');

    // The focus ring stands out from the page (at least 3:1), and so do the legend's swatches.
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineColor);
    expect(contrast(ring, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    for (const tier of ['1', '2', '3']) expect(contrast(await page.$eval(`.legend .swatch[data-tier="${tier}"]`, (e) => getComputedStyle(e).backgroundColor), 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    expect(contrast(await page.$eval('.legend .swatch[data-tier="none"]', (e) => getComputedStyle(e).borderTopColor), 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    expect(await page.$eval('#map svg', (svg) => svg.getAttribute('aria-label'))).toBeTruthy();

    await open('#/entity/rule:ai-diffusion', '#rule-status');
    const heading = await textOf('main h2');
    await page.focus('.skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('view');
    expect(await page.evaluate(() => location.hash)).toBe('#/entity/rule:ai-diffusion');
    await wait(300);
    expect(await textOf('main h2')).toBe(heading);
  });

  it('shows "not found" for a malformed or unknown address, and for a map date that is not a date, leaving the address as typed', async () => {
    for (const hash of ['#/entity/%E0%A4%A', '#/rules', '#/entity/', '#/map?date=garbage', '#/map?date=2025-02-30']) {
      await open(hash, 'main h2');
      expect(await textOf('main h2')).toBe('Not found');
      expect(await page.evaluate(() => location.hash)).toBe(hash);
      expect(await page.title()).toMatch(/^Not found/);
    }
    await open('#/entity/rule:no-such-rule', 'main h2');
    expect(await textOf('main h2')).toBe('Not found');
  });

  it('asks for the status on a typed date once typing pauses, shows only the latest answer, and refuses a six-digit year', async () => {
    const { a, b } = await api('{ a: rule(id: "rule:ai-diffusion") { status(asOf: "2025-03-01") } b: rule(id: "rule:ai-diffusion") { status(asOf: "2025-06-01") } }');
    expect(a.status).not.toBe(b.status); // else the order of answers could not show
    await open('#/entity/rule:ai-diffusion', '#rule-status');
    const asked: string[] = [];
    let delayFirst = true;
    const onRequest = async (request: HTTPRequest) => {
      const body = request.postData() ?? '';
      if (!body.includes('query Status')) return request.continue();
      asked.push(JSON.parse(body).variables.asOf);
      // The first answer comes late: after the one for the date typed next.
      if (delayFirst) {
        delayFirst = false;
        await wait(2_500);
      }
      await request.continue();
    };
    await page.setRequestInterception(true);
    page.on('request', onRequest);
    const status = () => textOf('#rule-status');
    /** Types a date into the field from its first part (month, day, year in en-US). */
    const typeDate = async (digits: string) => {
      await page.$eval('#status-date', (input) => (input as HTMLInputElement).blur());
      await page.focus('#status-date');
      await page.keyboard.type(digits);
    };
    try {
      await typeDate('03012025'); // the year passes through 0002, 0020 and 0201 on the way
      await until(() => asked.length === 1, 'the status request for the first date typed');
      await typeDate('06012025');
      await page.waitForFunction((text) => document.querySelector('#rule-status')?.textContent === text, {}, statusLabel(b.status));
      await wait(3_000); // the late answer for 2025-03-01 has arrived by now
      expect(await status()).toBe(statusLabel(b.status));
      expect(asked).toEqual(['2025-03-01', '2025-06-01']);

      // Chrome keeps a typed year to four digits; a six-digit one (valid HTML, not an API Date) can be set.
      await page.$eval('#status-date', (input) => {
        (input as HTMLInputElement).value = '202506-06-01';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await wait(1_000);
      expect(await page.$eval('#status-date', (input) => (input as HTMLInputElement).value)).toBe('202506-06-01');
      expect(await status()).toContain('four-digit year');
      expect(asked).toHaveLength(2);
    } finally {
      page.off('request', onRequest);
      await page.setRequestInterception(false);
    }
  });

  it('words the rule page: "not enforced since", no "Revoked", labels rather than enum codes', async () => {
    const { rule } = await api('{ rule(id: "rule:ai-diffusion") { status ending { on kind } } }');
    expect(rule.ending.kind).toBe('NON_ENFORCEMENT');
    await open('#/entity/rule:ai-diffusion', '#rule-ending');
    expect(await textOf('#rule-ending')).toContain(`Not enforced since ${rule.ending.on} (no rescission published; its text remains in 15 CFR)`);
    expect(await textOf('#rule-status')).toBe(statusLabel(rule.status));
    const text = await textOf('main');
    expect(text).not.toMatch(/revoked/i);
    expect(text).not.toMatch(ENUM_CODE);
    expect(await page.title()).toContain('AI Diffusion');
  });

  it("shows a country's tier history without scrolling sideways or breaking dates", async () => {
    await open('#/entity/country:CN', '#tier-history');
    expect(await page.title()).toContain('China');
    await datesUnbroken('#tier-history tbody td:nth-child(3), #tier-history tbody td:nth-child(4)');
  });

  it('draws the map across the width of the page', async () => {
    await open('#/map?date=2025-03-01', '#map svg');
    const [map, main] = await page.evaluate(() => {
      const view = document.querySelector('main')!;
      const padding = parseFloat(getComputedStyle(view).paddingLeft) + parseFloat(getComputedStyle(view).paddingRight);
      return [document.querySelector('#map svg')!.getBoundingClientRect().width, view.clientWidth - padding];
    });
    expect(map).toBeGreaterThanOrEqual((viewport.name === 'desktop' ? 0.75 : 0.95) * main);
  });

  /** What ended a rule, as the API says. */
  async function enderOf(id: string): Promise<{ id: string; title: string; shortName: string | null }> {
    const { rule } = await api('query($id: ID!) { rule(id: $id) { ending { by { id title shortName } } } }', { id });
    return rule.ending.by;
  }

  it("draws the AI Diffusion Rule's lineage and shows what ended it, linked to its page", async () => {
    const ender = await enderOf('rule:ai-diffusion');
    expect(ender).toBeTruthy();
    const enderName = ender.shortName ?? ender.title;
    const { ruleLineage } = await api('{ ruleLineage(id: "rule:ai-diffusion") { rules { id } edges { kind on } } }');

    await open('#/entity/rule:ai-diffusion', '#lineage-link');
    await page.click('#lineage-link');
    await page.waitForSelector('#lineage-graph svg');
    await audit();
    expect(await textOf('#rule-ending')).toContain(enderName);
    expect(await page.title()).toContain('Lineage of');
    if (ruleLineage.rules.some((rule: { id: string }) => rule.id === ender.id)) {
      const links = await page.$$eval('#lineage-graph svg a', (anchors) => anchors.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')));
      expect(links).toContain(`#/entity/${ender.id}`);
      expect(await textOf('#lineage-graph svg')).toContain(enderName);
    }
    const drawn = await textOf('#lineage-graph svg');
    // Edges carry kind and date; what ended the rule by non-enforcement is not called a revocation.
    for (const edge of ruleLineage.edges.filter((e: { on: string | null }) => e.on)) expect(drawn).toMatch(new RegExp(`${edge.kind === 'REVOKES' ? 'announces non-enforcement of' : edge.kind.toLowerCase().replace(/_/g, ' ')}\\s*${edge.on}`));
    expect(drawn).not.toMatch(ENUM_CODE);
    expect(await textOf('main')).not.toMatch(/revoke/i);
    expect(await page.$eval('#lineage-graph svg', (svg) => svg.getAttribute('aria-label') ?? '')).toContain('Lineage of');
    if (SCREENSHOTS && viewport.name === 'desktop') await screenshot(page, 'explorer-lineage.png');

    await page.click(`#rule-ending a[href="#/entity/${ender.id}"]`);
    await page.waitForFunction((name) => document.querySelector('main h2')?.textContent === name, {}, enderName);
  });

  it('draws no arrow through another rule’s box, at a size that can be read', async () => {
    await open('#/lineage/rule:advanced-computing-2022', '#lineage-graph svg');
    const crossings = await page.$eval('#lineage-graph svg', (svg) => {
      const boxes = [...svg.querySelectorAll('g.node')].map((node) => ({ name: node.textContent?.trim(), box: node.getBoundingClientRect() }));
      const inside = (x: number, y: number, box: DOMRect, margin: number) => x > box.left + margin && x < box.right - margin && y > box.top + margin && y < box.bottom - margin;
      const found: string[] = [];
      for (const edge of svg.querySelectorAll<SVGPathElement>('.edgePaths path, path.flowchart-link')) {
        const matrix = edge.getScreenCTM()!;
        const length = edge.getTotalLength();
        const points = Array.from({ length: Math.ceil(length / 2) + 1 }, (_, index) => new DOMPoint(edge.getPointAtLength(Math.min(length, index * 2)).x, edge.getPointAtLength(Math.min(length, index * 2)).y).matrixTransform(matrix));
        const [first, last] = [points[0], points.at(-1)!];
        for (const { name, box } of boxes) {
          // The boxes an arrow starts and ends at are the ones it touches at its ends.
          if (inside(first.x, first.y, box, -8) || inside(last.x, last.y, box, -8)) continue;
          if (points.some((point) => inside(point.x, point.y, box, 2))) found.push(`${edge.id} through ${name}`);
        }
      }
      return found;
    });
    expect(crossings).toEqual([]);
    // Drawn at its own size: a label's text is as tall as the page's small print, on a phone too.
    const labelHeight = await page.$eval('#lineage-graph svg g.node', (node) => node.querySelector('p, span, text')!.getBoundingClientRect().height);
    expect(labelHeight).toBeGreaterThanOrEqual(12);
  });

  it('opens a rule page from a node of the lineage graph', async () => {
    const { ruleLineage } = await api('{ ruleLineage(id: "rule:ai-diffusion") { rules { id title shortName } } }');
    const other = ruleLineage.rules.find((rule: { id: string }) => rule.id !== 'rule:ai-diffusion');
    await open('#/lineage/rule:ai-diffusion', '#lineage-graph svg');
    const node = await page.$(`#lineage-graph svg a[*|href="#/entity/${other.id}"]`); // mermaid writes xlink:href
    await node!.scrollIntoView();
    await node!.click();
    await page.waitForFunction((name) => document.querySelector('main h2')?.textContent === name, {}, other.shortName ?? other.title);
  });

  // GraphiQL is laid out for wide screens (its panes fold away on a phone), so it is tested on a desktop only.
  (viewport.name === 'desktop' ? it : it.skip)('runs a preloaded analyst question in GraphiQL', async () => {
    await page.goto(`${session.base}graphiql`, { waitUntil: 'networkidle0' });
    const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && !!response.request().postData()?.includes('rulesTouching'));
    await (await page.waitForSelector('.graphiql-execute-button'))!.click();
    expect(JSON.stringify((await (await answered).json()).data)).toContain('GP10');
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('rulesTouching'));
    // Monaco renders only the lines in view: on a phone the paths are below them.
    if (viewport.name === 'desktop') expect(await textOf('.graphiql-response')).toContain('chipProduct:huawei-ascend-910b');
    await audit();
  });

  // Needs the standard introspection query to be accepted by the document limits. On a desktop only, as above.
  (viewport.name === 'desktop' ? it : it.skip)("shows the schema in GraphiQL's docs pane and completes field names", async () => {
    await page.goto(`${session.base}graphiql`, { waitUntil: 'networkidle0' });
    await (await page.waitForSelector('button[aria-label="Show Documentation Explorer"]'))!.click();
    await page.waitForFunction(() => document.querySelector('.graphiql-doc-explorer')?.textContent?.includes('Root Types'));
    await page.click('::-p-xpath(//*[contains(@class,"graphiql-doc-explorer")]//a[normalize-space()="Query"])');
    await page.waitForFunction(() => document.querySelector('.graphiql-doc-explorer')?.textContent?.includes('ruleLineage'));

    await page.click('.graphiql-query-editor .monaco-editor');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type('{ ruleLin');
    await page.keyboard.down('Control');
    await page.keyboard.press('Space');
    await page.keyboard.up('Control');
    await page.waitForFunction(() => [...document.querySelectorAll('.suggest-widget .monaco-list-row')].some((row) => row.textContent?.includes('ruleLineage')));
  });

  it('shows an API error, and an unreachable API, as a visible message', async () => {
    await open('#/lineage/rule:no-such-rule', 'main [role="alert"]');
    expect(await textOf('main [role="alert"]')).toContain('NOT_FOUND');

    await page.setRequestInterception(true);
    const abort = (request: HTTPRequest) => (request.url().endsWith('/graphql') ? request.abort() : request.continue());
    page.on('request', abort);
    networkBroken = true;
    try {
      await page.goto(`${session.base}#/entity/rule:ai-diffusion`);
      await page.reload({ waitUntil: 'networkidle0' });
      expect(await textOf('main [role="alert"]')).toContain('unreachable');
    } finally {
      page.off('request', abort);
      await page.setRequestInterception(false);
      networkBroken = false;
    }
  });

  it('loads nothing from another host', () => {
    expect(foreignRequests).toEqual([]);
  });
});

/** WCAG contrast ratio of two computed colours (`rgb(r, g, b)`). */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

describe('explorer over HTTP', () => {
  let production: RunningServer;
  let graph: ReturnType<typeof connectTestGraph>;
  let root: string;

  beforeAll(async () => {
    graph = connectTestGraph();
    if (!existsSync(path.join(projectRoot, 'dist-web', 'index.html'))) execFileSync(process.execPath, [path.join(projectRoot, 'web', 'build.mjs')], { cwd: projectRoot });
    production = await startTestServer(graph, { NODE_ENV: 'production' });
    root = handle.server.url.replace(/graphql$/, '');
  });
  afterAll(async () => {
    await production.stop();
    await graph.close();
  });

  const get = (url: string, encoding = 'br, gzip') => fetch(url, { headers: { 'accept-encoding': encoding } });
  /** The explorer's assets as index.html and graphiql.html name them. */
  async function assetsOf(page: string): Promise<string[]> {
    const html = await (await get(`${root}${page}`)).text();
    return [...html.matchAll(/(?:src|href)="(assets\/[^"]+)"/g)].map((match) => match[1]);
  }

  it('serves the explorer in production but, like the landing page, not GraphiQL without introspection', async () => {
    const base = production.url.replace(/graphql$/, '');
    expect((await fetch(base)).status).toBe(200);
    expect((await fetch(`${base}graphiql`)).status).toBe(404);
  });

  it('sends the bundles, the map data, GraphiQL and large API answers compressed', async () => {
    const assets = [...(await assetsOf('')), ...(await assetsOf('graphiql'))];
    expect(assets.length).toBeGreaterThanOrEqual(4);
    const app = assets.find((asset) => /^assets\/app-/.test(asset))!;
    const source = await (await get(`${root}${app}`)).text();
    const atlas = /assets\/countries-50m-[\w]+\.json/.exec(source)![0];
    for (const asset of [...assets, atlas]) {
      const response = await get(`${root}${asset}`);
      expect({ asset, encoding: response.headers.get('content-encoding') }).toEqual({ asset, encoding: 'br' });
      await response.arrayBuffer();
    }
    const gzip = await get(`${root}${atlas}`, 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    await gzip.arrayBuffer();

    const answer = await fetch(handle.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ countries(first: 100) { edges { node { id name code } } } }' }),
    });
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect((await answer.json()).data.countries.edges.length).toBeGreaterThan(50);
    // A small answer is not worth it.
    const small = await get(`${root}health`);
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('lets browsers keep hashed assets for good and revalidate the pages', async () => {
    for (const asset of await assetsOf('')) {
      expect(asset).toMatch(/-[A-Za-z0-9]{8,}\.(js|css)$/);
      expect((await get(`${root}${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    for (const page of ['', 'graphiql']) {
      const response = await get(`${root}${page}`);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('etag')).toBeTruthy();
    }
  });

  it('sends a strict Content-Security-Policy and the usual security headers on every response', async () => {
    const responses = [
      await get(root),
      await get(`${root}graphiql`),
      await get(`${root}health`),
      await get(`${root}no-such-file`),
      await fetch(handle.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
      await fetch(handle.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad json' }),
    ];
    for (const [index, response] of responses.entries()) {
      const csp = response.headers.get('content-security-policy') ?? '';
      const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      if (index < 3) {
        expect(directives.get('default-src')).toEqual(["'self'"]);
        expect(directives.get('script-src')).toEqual(["'self'"]);
        expect(directives.get('object-src')).toEqual(["'none'"]);
        expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      } else {
        // Express's own 404 and error pages narrow it further to default-src 'none'.
        expect([["'self'"], ["'none'"]]).toContainEqual(directives.get('default-src'));
      }
      // No origin but the service's own anywhere in it.
      expect(csp).not.toMatch(/https?:|\*/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('x-powered-by')).toBeNull();
      await response.arrayBuffer();
    }
  });

  it('sends a browser asking /graphql for a page to GraphiQL, not to a landing page from another host', async () => {
    const response = await fetch(handle.server.url, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('graphiql');
  });
});

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(projectRoot, 'docs');
  mkdirSync(dir, { recursive: true });
  await page.$eval('#search', (input) => ((input as HTMLInputElement).value = ''));
  await page.screenshot({ path: path.join(dir, name) as `${string}.png` });
}
