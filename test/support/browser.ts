import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { Browser, Page, Permission } from 'puppeteer-core';
import { RunningServer } from '../../src/http/server';
import { projectRoot } from '../../src/paths';
import { post } from './server';

/**
 * What the browser tests (test/browser) share: Debian's headless chromium over the real service, the two
 * viewports, and the checks every page opened must pass (no CSP violation, console error or uncaught
 * error, no serious or critical axe-core violation).
 */

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => candidate && existsSync(candidate));
const AXE = require.resolve('axe-core/axe.min.js');

export const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Enum codes as the API sends them (NOT_ENFORCED, PROHIBITS_USE, ENTITY_LIST): never shown as such. */
export const ENUM_CODE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;

/**
 * How long a browser test waits for a page to load or show something, and (with room for several waits) the
 * browser test files' own limit. A wait is not an assertion on speed: beside other suites on two loaded cores a
 * navigation has taken over 30 s, puppeteer's default, so every wait uses this one bound instead.
 */
export const BROWSER_WAIT_MS = 90_000;
export const BROWSER_TEST_MS = 4 * BROWSER_WAIT_MS;

/**
 * Polls a condition of the test's own state (not the page's: a frame sent, a file downloaded) until it holds;
 * fails after BROWSER_WAIT_MS.
 */
export async function until(condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + BROWSER_WAIT_MS;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface BrowserSession {
  browser: Browser;
  /** The service's root URL, e.g. http://127.0.0.1:41234/. */
  base: string;
  /** A new tab whose waits (navigation, selectors, functions, responses) all default to BROWSER_WAIT_MS. */
  newPage(): Promise<Page>;
}

/**
 * Registers hooks that rebuild the web bundle (so a test never runs an old one; esbuild takes seconds) and
 * launch chromium for the test file; `permissions` are granted to the service's origin.
 */
export function useBrowser(handle: { server: RunningServer }, permissions: Permission[] = []): BrowserSession {
  const session = {
    newPage: async () => {
      const page = await session.browser.newPage();
      page.setDefaultTimeout(BROWSER_WAIT_MS);
      return page;
    },
  } as BrowserSession;
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('No chromium found: apt-get install chromium, or set CHROMIUM_PATH');
    execFileSync(process.execPath, [path.join(projectRoot, 'web', 'build.mjs')], { cwd: projectRoot, stdio: 'pipe' });
    session.base = handle.server.url.replace(/graphql$/, '');
    session.browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-US'] });
    if (permissions.length > 0) await session.browser.defaultBrowserContext().overridePermissions(new URL(session.base).origin, permissions);
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}

/** The API's answer to a query, asserted to carry no error. */
export function apiOf(handle: { server: RunningServer }) {
  return async (query: string, variables: Record<string, unknown> = {}, authorization?: string) => {
    const { json } = await post(handle.server.url, { query, variables }, authorization ? { authorization } : {});
    expect(json.errors).toBeUndefined();
    return json.data;
  };
}

/**
 * Reports the page's problems to `report`: CSP violations (raised as console errors), console errors that
 * `counts` accepts (all by default), and uncaught errors.
 */
export function watchPage(page: Page, report: (problem: string) => void, counts: (consoleError: string) => boolean = () => true): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error' && counts(message.text())) report(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => report(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  return page
    .evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`));
    })
    .then(() => undefined);
}

/**
 * axe-core on the page as it is now: its serious and critical violations, each as "id (impact) at targets".
 * GraphiQL 5's tab bar puts its close buttons inside role="tab" (upstream markup, not ours), so
 * nested-interactive there is left out.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the page's CSP (rightly) refuses an inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .filter((v) => !(v.id === 'nested-interactive' && v.nodes.every((n) => document.querySelector(n.target.join(' '))?.closest('.graphiql-tabs'))))
      .map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}
