import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { useTestServer } from '../support/server';

const QUERY = '{ country(code: "JP") { name } }';

/** A GET as a browser or cache sends it; apollo-require-preflight satisfies CSRF prevention. */
function get(url: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  const target = new URL(url);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  return fetch(target, { headers: { 'apollo-require-preflight': 'true', ...headers } });
}

describe('HTTP caching', () => {
  const env = useTestServer();

  it('lets caches keep a read-only GET query for CACHE_MAX_AGE, with a strong ETag and no request id in the body', async () => {
    const response = await get(env.server.url, { query: QUERY });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(response.headers.get('vary')).toMatch(/accept/i);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = await response.json();
    expect(body).toEqual({ data: { country: { name: 'Japan' } }, extensions: { cost: { requested: 1, limit: 50000 } } });
  });

  it('answers If-None-Match with the current ETag with 304 and no body, and a stale one with the answer', async () => {
    const first = await get(env.server.url, { query: QUERY });
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    // A browser revalidating sends max-age=0; without it fetch adds `no-cache`, which asks for a full answer.
    const again = await get(env.server.url, { query: QUERY }, { 'if-none-match': etag, 'cache-control': 'max-age=0' });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    const stale = await get(env.server.url, { query: QUERY }, { 'if-none-match': '"stale"', 'cache-control': 'max-age=0' });
    expect(stale.status).toBe(200);
    expect(await stale.json()).toMatchObject({ data: { country: { name: 'Japan' } } });
  });

  it('marks POSTs no-store, even for the same query', async () => {
    const response = await fetch(env.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a POST without an ETag (no cache keys on its body), with the headers every answer carries', async () => {
    const body = JSON.stringify({ query: QUERY });
    const response = await fetch(env.server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'post-1' }, body });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ data: { country: { name: 'Japan' } } });
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(response.headers.get('vary')).toMatch(/accept/i);
    expect(response.headers.get('x-request-id')).toBe('post-1');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('marks a GET with an Authorization header no-store', async () => {
    const response = await get(env.server.url, { query: QUERY }, { authorization: 'Bearer s3cret' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('marks a mutation sent by GET no-store (it is refused with 405)', async () => {
    const response = await get(env.server.url, { query: 'mutation { revokeRule(input: {ruleId: "rule:test-none", on: "2025-05-13"}) { id } }' });
    expect(response.status).toBe(405);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('marks errors no-store: a validation error, a partial answer with a field error, a CSRF refusal', async () => {
    const invalid = await get(env.server.url, { query: '{ nope }' });
    expect(invalid.headers.get('cache-control')).toBe('no-store');
    expect(((await invalid.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const fieldError = await get(env.server.url, { query: '{ country(code: "JP") { name } rule(id: "not an id") { id } }' });
    const body = (await fieldError.json()) as any;
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(fieldError.headers.get('cache-control')).toBe('no-store');

    const csrf = await fetch(`${env.server.url}?query=${encodeURIComponent(QUERY)}`);
    expect(csrf.status).toBe(400);
    expect(csrf.headers.get('cache-control')).toBe('no-store');
  });
});

describe('automatic persisted queries', () => {
  const env = useTestServer();

  it('refuses a query sent with a hash that is not its own (BAD_REQUEST, not an internal error), and keeps nothing under that hash', async () => {
    const wrongHash = { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } };
    const refused = await get(env.server.url, { query: QUERY, extensions: JSON.stringify(wrongHash) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const unknown = await get(env.server.url, { extensions: JSON.stringify(wrongHash) });
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses an APQ version it does not know with BAD_REQUEST', async () => {
    const response = await get(env.server.url, { query: QUERY, extensions: JSON.stringify({ persistedQuery: { version: 2, sha256Hash: 'x' } }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('HTTP caching with CACHE_MAX_AGE set', () => {
  const env = useTestServer({ CACHE_MAX_AGE: '5' });

  it('uses that many seconds', async () => {
    const response = await get(env.server.url, { query: QUERY });
    expect(response.headers.get('cache-control')).toBe('public, max-age=5');
  });
});

/**
 * The README's shell examples marked `checked-example`, run with curl against a fresh server: each
 * output line must match the block's `# ` comment lines in order (`…` stands for anything; numbered
 * comments such as `# 1. ...` describe a step and are not output).
 */
describe('README HTTP examples (caching, automatic persisted queries)', () => {
  const env = useTestServer();

  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/<!-- checked-example[^>]*-->\n```sh\n([\s\S]*?)```/g)].map((match) => match[1]);

  it('finds the examples', () => {
    expect(blocks.length).toBe(2);
  });

  it.each(blocks.map((block, index) => [index + 1, block]))('example %i prints what the README says', async (_index, block) => {
    const script = (block as string).replaceAll('http://127.0.0.1:4000/graphql', env.server.url);
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script]);
    const expected = script
      .split('\n')
      .filter((line) => line.startsWith('# ') && !/^# \d+\. /.test(line))
      .map((line) => new RegExp(`^${line.slice(2).split('…').map(escapeRegExp).join('.*')}$`));
    const printed = stdout.trimEnd().split('\n').map((line) => line.trimEnd());
    expect(printed).toHaveLength(expected.length);
    printed.forEach((line, i) => expect(line).toMatch(expected[i]));
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
