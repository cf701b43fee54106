/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { Browser, Page } from 'puppeteer-core';
import { projectRoot } from '../../src/paths';
import { RunningServer } from '../../src/http/server';
import { connectTestGraph } from '../support/app';
import { post, startTestServer, useTestServer } from '../support/server';

/**
 * The explorer in a real browser (Debian's headless chromium), against the real service over the test Neo4j.
 * Expected facts come from the API itself where the seed may change, not from titles typed here.
 * UPDATE_SCREENSHOTS=1 also writes the README's screenshots into docs/.
 */

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => candidate && existsSync(candidate));
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

jest.setTimeout(90_000);

describe('explorer in a browser', () => {
  const handle = useTestServer();
  let browser: Browser;
  let page: Page;
  let base: string;
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('No chromium found: apt-get install chromium, or set CHROMIUM_PATH');
    // Always rebuilt, so the test never runs an old bundle (esbuild takes seconds).
    execFileSync(process.execPath, [path.join(projectRoot, 'web', 'build.mjs')], { cwd: projectRoot, stdio: 'pipe' });
    base = handle.server.url.replace(/graphql$/, '');
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const { json } = await post(handle.server.url, { query, variables });
    expect(json.errors).toBeUndefined();
    return json.data;
  };

  const textOf = (selector: string) => page.$eval(selector, (element) => element.textContent ?? '');

  it('finds "Ascnd" and shows the 2025-05-13 guidance among the rules touching the Ascend 910B', async () => {
    await page.goto(base, { waitUntil: 'networkidle0' });
    await page.type('#search', 'Ascnd');
    await page.waitForSelector('::-p-xpath(//*[@id="search-results"]//a[normalize-space()="Huawei Ascend 910B"])');
    // By keyboard: ArrowDown into the results and along them, Enter to open.
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    for (let step = 0; step < 20 && (await focused()) !== 'Huawei Ascend 910B'; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#touching');
    const id = decodeURIComponent(await page.evaluate(() => location.hash.replace('#/entity/', '')));
    expect(id).toMatch(/^chipProduct:/);

    const { rulesTouching } = await api('query($id: String!) { rulesTouching(entity: $id) { validFrom rule { title shortName kind } } }', { id });
    const guidance = rulesTouching.filter((touch: any) => touch.rule.kind === 'GUIDANCE' && touch.validFrom === '2025-05-13');
    expect(guidance.length).toBeGreaterThan(0);
    const rows = await page.$$eval('#touching tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    for (const touch of guidance) expect(rows.some((row) => row.includes(touch.rule.shortName ?? touch.rule.title) && row.includes('2025-05-13'))).toBe(true);
  });

  it('moves the tier map with the keyboard: Singapore Tier 2 and Spain Tier 1 on 2025-03-01, no tier on 2025-06-01', async () => {
    await page.goto(`${base}#/map`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('#map path[data-code="SG"]');
    const fillOf = (code: string) => page.$eval(`#map path[data-code="${code}"]`, (shape) => getComputedStyle(shape).fill);
    const swatch = (tier: string) => page.$eval(`.legend .swatch[data-tier="${tier}"]`, (element) => getComputedStyle(element).backgroundColor);

    await page.focus('#map-slider');
    await page.keyboard.press('Home'); // 2025-01-01
    for (const key of ['PageUp', 'PageUp', 'ArrowLeft'] as const) await page.keyboard.press(key); // a month is 30 days: 2025-03-02, then back a day
    expect(await page.$eval('#map-date', (input) => (input as HTMLInputElement).value)).toBe('2025-03-01');
    expect(await fillOf('SG')).toBe(await swatch('2'));
    expect(await fillOf('ES')).toBe(await swatch('1'));
    expect(await swatch('1')).not.toBe(await swatch('2'));
    const tierTwo = await textOf('::-p-xpath(//table[contains(@class,"tier-table")]//tr[th[normalize-space()="Tier 2"]])');
    expect(tierTwo).toContain('Singapore');
    if (SCREENSHOTS) await screenshot(page, 'explorer-map.png');

    for (let month = 0; month < 3; month++) await page.keyboard.press('PageUp'); // +90 days: 2025-05-30
    for (let day = 0; day < 2; day++) await page.keyboard.press('ArrowRight');
    expect(await page.$eval('#map-date', (input) => (input as HTMLInputElement).value)).toBe('2025-06-01');
    const fills = await page.$$eval('#map path[data-code]', (shapes) => shapes.map((shape) => getComputedStyle(shape).fill));
    expect(fills.length).toBeGreaterThan(150);
    expect(new Set(fills)).toEqual(new Set([await swatch('none')]));
    expect(await textOf('#map-summary')).toContain('no country is in a tier');
    expect(await page.$$('#unmapped li[data-tier]:not([data-tier=""])')).toHaveLength(0);
  });

  /** What ended a rule, as the API says: `ending.by` where the server has `ending`, else the rule that revoked it. */
  async function enderOf(id: string): Promise<{ id: string; title: string; shortName: string | null }> {
    const withEnding = await post(handle.server.url, { query: 'query($id: ID!) { rule(id: $id) { ending { by { id title shortName } } } }', variables: { id } });
    if (!withEnding.json.errors) return withEnding.json.data.rule.ending.by;
    const { rule } = await api('query($id: ID!) { rule(id: $id) { revokedBy { id title shortName } } }', { id });
    return rule.revokedBy[0];
  }

  it("draws the AI Diffusion Rule's lineage and shows what ended it, linked to its page", async () => {
    const ender = await enderOf('rule:ai-diffusion');
    expect(ender).toBeTruthy();
    const enderName = ender.shortName ?? ender.title;
    const { ruleLineage } = await api('{ ruleLineage(id: "rule:ai-diffusion") { rules { id } edges { kind on } } }');

    await page.goto(`${base}#/entity/rule:ai-diffusion`, { waitUntil: 'networkidle0' });
    await (await page.waitForSelector('#lineage-link'))!.click();
    await page.waitForSelector('#lineage-graph svg');
    expect(await textOf('#rule-ending')).toContain(enderName);
    if (ruleLineage.rules.some((rule: { id: string }) => rule.id === ender.id)) {
      const links = await page.$$eval('#lineage-graph svg a', (anchors) => anchors.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')));
      expect(links).toContain(`#/entity/${ender.id}`);
      expect(await textOf('#lineage-graph svg')).toContain(enderName);
    }
    const drawn = await textOf('#lineage-graph svg');
    for (const edge of ruleLineage.edges.filter((e: { on: string | null }) => e.on)) expect(drawn).toMatch(new RegExp(`${edge.kind}\\s*${edge.on}`)); // edges carry kind and date
    if (SCREENSHOTS) await screenshot(page, 'explorer-lineage.png');

    await page.click(`#rule-ending a[href="#/entity/${ender.id}"]`);
    await page.waitForFunction((name) => document.querySelector('main h2')?.textContent === name, {}, enderName);
  });

  it('opens a rule page from a node of the lineage graph', async () => {
    const { ruleLineage } = await api('{ ruleLineage(id: "rule:ai-diffusion") { rules { id title shortName } } }');
    const other = ruleLineage.rules.find((rule: { id: string }) => rule.id !== 'rule:ai-diffusion');
    await page.goto(`${base}#/lineage/rule:ai-diffusion`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('#lineage-graph svg');
    await page.click(`#lineage-graph svg a[*|href="#/entity/${other.id}"]`); // mermaid writes xlink:href
    await page.waitForFunction((name) => document.querySelector('main h2')?.textContent === name, {}, other.shortName ?? other.title);
  });

  it('runs a preloaded analyst question in GraphiQL', async () => {
    await page.goto(`${base}graphiql`, { waitUntil: 'networkidle0' });
    await (await page.waitForSelector('.graphiql-execute-button'))!.click();
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('rulesTouching'), { timeout: 20_000 });
    expect(await textOf('.graphiql-response')).toContain('GP10');
  });

  it('shows an API error, and an unreachable API, as a visible message', async () => {
    await page.goto(`${base}#/lineage/rule:no-such-rule`, { waitUntil: 'networkidle0' });
    expect(await textOf('main [role="alert"]')).toContain('NOT_FOUND');

    await page.setRequestInterception(true);
    const abort = (request: import('puppeteer-core').HTTPRequest) => (request.url().endsWith('/graphql') ? request.abort() : request.continue());
    page.on('request', abort);
    try {
      await page.goto(`${base}#/entity/rule:ai-diffusion`);
      await page.reload({ waitUntil: 'networkidle0' });
      expect(await textOf('main [role="alert"]')).toContain('unreachable');
    } finally {
      page.off('request', abort);
      await page.setRequestInterception(false);
    }
  });

  it('loads nothing from another host', () => {
    expect(foreignRequests).toEqual([]);
  });
});

describe('explorer routes', () => {
  let server: RunningServer;
  let graph: ReturnType<typeof connectTestGraph>;

  beforeAll(async () => {
    graph = connectTestGraph();
    if (!existsSync(path.join(projectRoot, 'dist-web', 'index.html'))) execFileSync(process.execPath, [path.join(projectRoot, 'web', 'build.mjs')], { cwd: projectRoot });
    server = await startTestServer(graph, { NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await server.stop();
    await graph.close();
  });

  it('serves the explorer in production but, like the landing page, not GraphiQL without introspection', async () => {
    const base = server.url.replace(/graphql$/, '');
    expect((await fetch(base)).status).toBe(200);
    expect((await fetch(`${base}graphiql`)).status).toBe(404);
  });
});

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(projectRoot, 'docs');
  mkdirSync(dir, { recursive: true });
  await page.$eval('#search', (input) => ((input as HTMLInputElement).value = ''));
  await page.screenshot({ path: path.join(dir, name) as `${string}.png` });
}
