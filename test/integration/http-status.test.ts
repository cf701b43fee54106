import { useTestServer } from '../support/server';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

describe('status codes by media type (GraphQL over HTTP)', () => {
  const env = useTestServer({ MAX_COST: '10' });

  async function post(body: unknown, accept?: string) {
    const response = await fetch(env.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as any };
  }

  it.each([
    ['a parse failure', { query: '{' }, 'GRAPHQL_PARSE_FAILED'],
    ['a validation failure', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable that does not coerce', { query: 'query ($code: String!) { country(code: $code) { name } }', variables: { code: null } }, 'BAD_USER_INPUT'],
    ['an operation over the cost limit', { query: '{ countries(first: 50) { edges { node { code } } } }' }, 'QUERY_TOO_COMPLEX'],
  ])('answers %s with 200 under application/json (and no Accept) but 400 under graphql-response+json', async (_label, body, code) => {
    for (const accept of [JSON_TYPE, undefined, '*/*']) {
      const legacy = await post(body, accept);
      expect([legacy.status, legacy.type, legacy.body.errors[0].extensions.code]).toEqual([200, `${JSON_TYPE}; charset=utf-8`, code]);
    }
    const modern = await post(body, GRAPHQL_RESPONSE);
    expect([modern.status, modern.type, modern.body.errors[0].extensions.code]).toEqual([400, `${GRAPHQL_RESPONSE}; charset=utf-8`, code]);
  });

  it('keeps 400 for a malformed request under either media type', async () => {
    for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
      const missingQuery = await post({ notQuery: '{ __typename }' }, accept);
      expect([missingQuery.status, missingQuery.body.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
    }
  });
});
