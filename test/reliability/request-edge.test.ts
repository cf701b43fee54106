import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { getIntrospectionQuery } from 'graphql';
import { post, useTestServer } from '../support/server';

/** The request edge over HTTP ("fail closed, round three"): what a client sends is bounded before it runs. */

const FULL_INTROSPECTION = getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true,
});

/** The body: about 95 KB, one input object of 12,000 keys the type does not have. */
function twelveThousandKeys(): string {
  const f = Object.fromEntries(Array.from({ length: 12_000 }, (_, i) => [i.toString(36), 1]));
  return JSON.stringify({ query: 'query($f: RuleFilter){ rules(filter:$f){ totalCount } }', variables: { f } });
}

/**
 * CPU this process spends on one request (the server runs in this process), the least of five: the
 * work is the same each time, and what other processes add (cache misses, GC) only inflates it.
 */
async function cpuMsOf(action: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const before = process.cpuUsage();
    await action();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  return Math.min(...samples);
}

/** A client on a thread of its own that sends one body again and again until told to stop, then reports its statuses. */
function startSender(url: string, body: string) {
  const worker = new Worker(`
const { parentPort, workerData } = require('node:worker_threads');
let stopping = false;
parentPort.on('message', () => { stopping = true; });
const statuses = {};
(async () => {
  while (!stopping) {
    const response = await fetch(workerData.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: workerData.body });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  }
  parentPort.postMessage(statuses);
})();
`, { eval: true, workerData: { url, body } });
  const report = new Promise<Record<string, number>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const statuses = await report;
      await worker.terminate();
      return statuses;
    },
  };
}

describe('the request edge with the default settings', () => {
  const env = useTestServer();
  const health = () => env.server.url.replace('/graphql', '/health');

  it('accepts the full standard introspection query of graphql-js, every option on (issue item 9)', async () => {
    const { status, json } = await post(env.server.url, { query: FULL_INTROSPECTION });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.__schema.queryType.name).toBe('Query');
    expect(json.data.__schema.types.length).toBeGreaterThan(50);
    expect(json.data.__schema.types.find((type: any) => type.name === 'Rule').fields.length).toBeGreaterThan(10);
    expect(json.extensions.cost.requested).toBeLessThan(json.extensions.cost.limit);
  });

  // Linear, not quadratic: coercion that repeated the object in each error took 148,905 ms of CPU for this body (2,000 keys:
  // 1,930 ms). The bound is 300 times below that; the least of five measured 20 ms on a quiet machine and 154 ms once with
  // both cores busy (a 50 ms bound failed then), which this bound leaves room for.
  it('refuses the 12,000-key variable in under 500 ms of CPU for its 95 KB, quoting none of it (issue item 1)', async () => {
    const body = twelveThousandKeys();
    expect(body.length).toBeGreaterThan(90_000);
    expect(body.length).toBeLessThan(100_000);
    const send = () => post(env.server.url, body);
    const { status, json } = await send();
    expect(status).toBe(200);
    expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', variableName: 'f' });
    expect(json.errors[0].message.length).toBeLessThan(200);
    const cpuMs = await cpuMsOf(send);
    process.stdout.write(`request edge: the 95 KB variable of 12,000 unknown keys costs ${cpuMs.toFixed(1)} ms of CPU to refuse\n`);
    expect(cpuMs).toBeLessThan(500);
  });

  it('answers /health while two clients send the 12,000-key variable back to back', async () => {
    const senders = [startSender(env.server.url, twelveThousandKeys()), startSender(env.server.url, twelveThousandKeys())];
    const healthStatuses: number[] = [];
    const hostile: Record<string, number> = {};
    try {
      for (let i = 0; i < 10; i += 1) {
        const response = await fetch(health());
        healthStatuses.push(response.status);
        await response.arrayBuffer();
      }
    } finally {
      for (const statuses of await Promise.all(senders.map((sender) => sender.stop()))) {
        for (const [status, n] of Object.entries(statuses)) hostile[status] = (hostile[status] ?? 0) + n;
      }
    }
    expect(healthStatuses).toEqual(Array(10).fill(200));
    // Refused (200 with BAD_USER_INPUT under application/json), never a 5xx, and they did arrive meanwhile.
    expect(Object.keys(hostile)).toEqual(['200']);
    expect(hostile['200']).toBeGreaterThan(0);
  });

  it('refuses an alias storm of full-text searches before any Cypher runs (issue item 2)', async () => {
    const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa';
    const before = env.graph.statementCount;
    const storm = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: search(text: "${words}", first: 1) { score }`).join(' ')} }`;
    const { json } = await post(env.server.url, { query: storm });
    expect(json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(env.graph.statementCount).toBe(before);
  });

  it('answers a subscription and reserved aliases with a coded client error (issue item 10)', async () => {
    for (const query of ['subscription { x }', '{ __proto__: country(code: "JP") { name } }', '{ constructor: country(code: "JP") { name } }', '{ toString: __typename }']) {
      const { status, json } = await post(env.server.url, { query });
      expect([query, status, json.errors[0].extensions.code]).toEqual([query, 200, 'GRAPHQL_VALIDATION_FAILED']);
    }
  });
});

describe('introspection in production', () => {
  const off = useTestServer({ NODE_ENV: 'production' });
  const on = useTestServer({ NODE_ENV: 'production', INTROSPECTION: 'true' });

  it('is refused unless INTROSPECTION=true, and then the full query is accepted', async () => {
    const refused = await post(off.server.url, { query: FULL_INTROSPECTION });
    expect(refused.json.data).toBeUndefined();
    expect(refused.json.errors[0].message).toMatch(/[Ii]ntrospection/);
    const accepted = await post(on.server.url, { query: FULL_INTROSPECTION });
    expect(accepted.status).toBe(200);
    expect(accepted.json.errors).toBeUndefined();
    expect(accepted.json.data.__schema.types.length).toBeGreaterThan(50);
  });

  it('gives no "Did you mean" hint, variables included', async () => {
    const { json } = await post(off.server.url, { query: 'query($f: RuleFilter){ rules(filter:$f){ totalCount } }', variables: { f: { txt: 'a', kinds: ['GUIDANC'] } } });
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(json)).not.toMatch(/Did you mean/);
  });
});

describe('requests in flight per client', () => {
  const env = useTestServer({ MAX_IN_FLIGHT: '2', MAX_IN_FLIGHT_EDITOR: '3' });
  const query = JSON.stringify({ query: '{ country(code: "JP") { name } }' });

  /**
   * A request whose headers are sent and whose body is held back: in flight until finish() sends it.
   * It asks `Expect: 100-continue`, so it resolves once the server has taken the request in (and the
   * limiter counted it), which makes the order of what follows certain.
   */
  async function hold(headers: Record<string, string> = {}) {
    const request = http.request(env.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(query)), expect: '100-continue', ...headers },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.once('response', (response) => {
        let body = '';
        response.on('data', (chunk) => { body += chunk; });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.once('error', reject);
    });
    await new Promise<void>((resolve) => {
      request.once('continue', resolve);
      request.flushHeaders();
    });
    return { finish: () => { request.end(query); return answer; } };
  }

  it('answers one request over MAX_IN_FLIGHT with 429, Retry-After and RATE_LIMITED, and takes requests again once they finish', async () => {
    const held = [await hold(), await hold()];
    const refused = await post(env.server.url, query);
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 2 });
    const response = await fetch(env.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    await response.arrayBuffer();
    // A wrong token is no editor: the request counts as the client's.
    expect((await post(env.server.url, query, { authorization: 'Bearer wrong' })).status).toBe(429);
    // An editor has an allowance of its own, and /health is not limited.
    expect((await post(env.server.url, query, { authorization: 'Bearer s3cret' })).json.data.country.name).toBe('Japan');
    expect((await fetch(env.server.url.replace('/graphql', '/health'))).status).toBe(200);

    const answers = await Promise.all(held.map((request) => request.finish()));
    expect(answers.map(({ status }) => status)).toEqual([200, 200]);
    expect((await post(env.server.url, query)).json.data.country.name).toBe('Japan');
  });

  it('counts each editor apart, with its own allowance', async () => {
    const editor = { authorization: 'Bearer s3cret' };
    const held = [await hold(editor), await hold(editor), await hold(editor)];
    const refused = await post(env.server.url, query, editor);
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 3 });
    expect((await post(env.server.url, query)).json.data.country.name).toBe('Japan');
    expect((await Promise.all(held.map((request) => request.finish()))).map(({ status }) => status)).toEqual([200, 200, 200]);
    expect((await post(env.server.url, query, editor)).status).toBe(200);
  });
});
