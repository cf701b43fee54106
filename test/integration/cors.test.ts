import { useTestServer } from '../support/server';

const APP = 'https://app.example';
const STRANGER = 'https://evil.example';

/** What a browser sends before a cross-origin POST with these headers. */
function preflight(url: string, origin: string, requestHeaders = 'content-type') {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
  });
}

function postFrom(url: string, origin: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { origin, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('CORS with CORS_ORIGINS set', () => {
  const env = useTestServer({ CORS_ORIGINS: `${APP}, http://localhost:5173` });

  it('answers a preflight from a listed origin with 204, the methods and the headers a client needs', async () => {
    const response = await preflight(env.server.url, APP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight']),
    );
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('lets a listed origin read a query and its request id', async () => {
    const response = await postFrom(env.server.url, 'http://localhost:5173', { query: '{ country(code: "JP") { name } }' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect(await response.json()).toMatchObject({ data: { country: { name: 'Japan' } } });
  });

  it('gives an origin not listed no Access-Control-Allow-Origin, so its browser keeps the answer from it', async () => {
    const answer = await preflight(env.server.url, STRANGER);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const post = await postFrom(env.server.url, STRANGER, { query: '{ country(code: "JP") { name } }' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps CSRF prevention on: a simple cross-site request that needs no preflight is refused', async () => {
    const response = await fetch(env.server.url, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ country(code: "JP") { name } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('carries a write with Authorization from a listed origin, and removes what it wrote', async () => {
    const allowed = await preflight(env.server.url, APP, 'authorization,content-type');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);

    const id = 'rule:test-cors-write';
    const response = await postFrom(
      env.server.url,
      APP,
      { query: 'mutation ($input: RuleInput!) { upsertRule(input: $input) { id title } }', variables: { input: { id, title: 'CORS test rule', kind: 'GUIDANCE' } } },
      { authorization: 'Bearer s3cret' },
    );
    try {
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(APP);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toMatchObject({ data: { upsertRule: { id, title: 'CORS test rule' } } });
    } finally {
      await env.graph.write((tx) =>
        tx.run({ name: 'testCleanUp', cypher: 'MATCH (n) WHERE (n:Rule AND n.id = $id) OR (n:Change AND $id IN n.entityIds) DETACH DELETE n' }, { id }),
      );
    }
  });
});

describe('CORS with CORS_ORIGINS unset (same origin only)', () => {
  const env = useTestServer();

  it('answers a preflight with 204 but allows no origin', async () => {
    const response = await preflight(env.server.url, APP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
