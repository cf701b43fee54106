import { countGraph } from '../../src/seed/loader';
import { post, useTestServer } from '../support/server';

const INJECTIONS = [
  "' OR 1=1 //",
  "x'}) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  'rule:ai-diffusion` DELETE n //',
  '$(id)',
  '\\u0000\\n;CALL dbms.shutdown()',
  'MATCH (n) SET n.hacked = true',
  '{{7*7}}',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '*~^2 OR title:*',
  'country:SG\nUNION MATCH (n) RETURN n',
];

/** Every string argument of the read API, and the write API without a token. */
const STRING_ARGUMENTS: ((s: string) => { query: string; variables: Record<string, unknown> })[] = [
  (s) => ({ query: 'query ($v: String!) { country(code: $v) { name } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: ID!) { rule(id: $v) { id } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: ID!) { node(id: $v) { id } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: ID!) { tier(id: $v) { id } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: ID!) { agency(id: $v) { id } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: ID!) { official(id: $v) { id } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: ID!) { chipProduct(id: $v) { id } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: ID!) { company(id: $v) { id } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: String!) { search(text: $v) { score } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: String!) { rulesTouching(entity: $v) { relation } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: String!) { rules(filter: { text: $v }) { totalCount } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: ID!) { rules(filter: { issuedByAgencyId: $v }) { totalCount } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: String) { countries(after: $v) { totalCount } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: ID!) { ruleLineage(id: $v) { mermaid } }', variables: { v: s } }),
  (s) => ({ query: 'query ($v: ID) { tierChanges(from: "2025-01-01", to: "2025-12-31", ruleId: $v) { on } }', variables: { v: s } }),
  (s) => ({ query: 'mutation ($v: String!) { upsertRule(input: { title: $v, kind: GUIDANCE }) { id } }', variables: { v: s } }),
];

interface Attempt {
  label: string;
  body: unknown;
  headers?: Record<string, string>;
}

function corpus(): Attempt[] {
  const attempts: Attempt[] = [];
  for (const [i, build] of STRING_ARGUMENTS.entries()) {
    for (const [j, injection] of INJECTIONS.entries()) attempts.push({ label: `injection ${i}/${j}`, body: build(injection) });
  }
  const badJson = ['{', '{"query": ', 'null', '[]', '"{ country }"', '{"query": 42}', '{"query": "{ country(code:\\"JP\\") { name } }", "variables": "x"}', '\u0000\u0001', '{"query": "{"}', 'not json at all'];
  for (const [i, body] of badJson.entries()) attempts.push({ label: `bad json ${i}`, body });
  const contentTypes = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/graphql'];
  for (const type of contentTypes) attempts.push({ label: `content type ${type}`, body: '{"query":"{ countries { totalCount } }"}', headers: { 'content-type': type } });
  attempts.push({ label: 'huge body', body: JSON.stringify({ query: `{ search(text: "${'a'.repeat(200_000)}") { score } }` }) });
  attempts.push({ label: 'long string argument', body: { query: 'query ($v: String!) { search(text: $v) { score } }', variables: { v: 'b'.repeat(50_000) } } });
  const deep = (n: number) => `{ countries { edges { node { ${'companies { country { '.repeat(n)}code${' } }'.repeat(n)} } } } }`;
  for (const n of [5, 10, 50, 200]) attempts.push({ label: `deep nesting ${n}`, body: { query: deep(n) } });
  for (const n of [200, 1000, 3000]) attempts.push({ label: `${n} aliases`, body: { query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: countries(first: 100) { totalCount }`).join(' ')} }` } });
  for (const field of ['nope', 'country(code: "SG") { secret }', '__schema { types { name } } x: nothing', 'countries { edges { node { password } } }']) {
    attempts.push({ label: `unknown field ${field}`, body: { query: `{ ${field} }` } });
  }
  const wrongVariables: [string, unknown][] = [['Int', 'ten'], ['Int', 1e20], ['Date', '2025-02-30'], ['Date', 20250101], ['LineageDirection', 'UP'], ['Int', -1], ['Int', 3.5], ['Date', null]];
  for (const [type, value] of wrongVariables) {
    const query = type === 'Int' ? 'query ($v: Int) { countries(first: $v) { totalCount } }'
      : type === 'Date' ? 'query ($v: Date!) { tierChanges(from: $v, to: "2025-12-31") { on } }'
        : 'query ($v: LineageDirection) { ruleLineage(id: "rule:ai-diffusion", direction: $v) { mermaid } }';
    attempts.push({ label: `variable ${type}=${JSON.stringify(value)}`, body: { query, variables: { v: value } } });
  }
  for (const date of ['2025-13-01', '2025-00-10', '25-01-01', 'yesterday', '2025-01-01T00:00:00Z', '', '9999999-01-01']) {
    attempts.push({ label: `date ${date}`, body: { query: `{ rule(id: "rule:ai-diffusion") { status(asOf: "${date}") } }` } });
  }
  for (const n of [0, -1, 101, 2147483647, 2147483648, 1e10]) {
    attempts.push({ label: `first ${n}`, body: { query: `{ countries(first: ${n}) { totalCount } }` } });
    attempts.push({ label: `maxDepth ${n}`, body: { query: `{ ruleLineage(id: "rule:ai-diffusion", maxDepth: ${n}) { mermaid } }` } });
  }
  attempts.push({ label: 'batched', body: [{ query: '{ countries { totalCount } }' }, { query: '{ countries { totalCount } }' }] });
  attempts.push({ label: 'empty operation', body: { query: '' } });
  attempts.push({ label: 'two operations, none named', body: { query: 'query A { countries { totalCount } } query B { countries { totalCount } }' } });
  return attempts;
}

describe('hostile and malformed requests', () => {
  const env = useTestServer();

  it('answers each with a 4xx or a coded GraphQL error, never a 500, and changes nothing in the graph', async () => {
    const attempts = corpus();
    expect(attempts.length).toBeGreaterThanOrEqual(200);
    const before = await countGraph(env.graph);
    const failures: string[] = [];
    for (const attempt of attempts) {
      const headers = { 'apollo-require-preflight': 'true', ...attempt.headers };
      const { status, json, text } = await post(env.server.url, attempt.body, headers);
      const codes: unknown[] = json?.errors?.map((e: any) => e.extensions?.code) ?? [];
      const coded = codes.length > 0 && codes.every((code) => typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR');
      const refused = status >= 400 && status < 500;
      const harmless = status === 200 && json && !json.errors; // e.g. an injection string that simply matches nothing
      if (status >= 500 || !(refused || coded || harmless)) failures.push(`${attempt.label}: ${status} ${text.slice(0, 200)}`);
    }
    process.stdout.write(`hostile inputs: ${attempts.length} tried, ${failures.length} mishandled\n`);
    expect(failures).toEqual([]);
    expect(await countGraph(env.graph)).toEqual(before);
    // Still serving.
    expect((await post(env.server.url, { query: '{ country(code: "JP") { name } }' })).json.data.country.name).toBe('Japan');
  });
});
