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
    expect(body).toEqual({ data: { country: { name: 'Japan' } }, extensions: { cost: { requested: 2, limit: 10000 } } });
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

describe('HTTP caching with CACHE_MAX_AGE set', () => {
  const env = useTestServer({ CACHE_MAX_AGE: '5' });

  it('uses that many seconds', async () => {
    const response = await get(env.server.url, { query: QUERY });
    expect(response.headers.get('cache-control')).toBe('public, max-age=5');
  });
});
