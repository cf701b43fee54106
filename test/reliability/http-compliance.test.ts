import { serverAudits } from 'graphql-http';
import { useTestServer } from '../support/server';

describe('GraphQL over HTTP compliance (graphql-http server audits)', () => {
  const env = useTestServer();

  it('passes every MUST audit; SHOULD audits that fail are listed', async () => {
    const results = [];
    for (const audit of serverAudits({ url: () => env.server.url, fetchFn: fetch })) results.push(await audit.fn());
    const failedMust = results.filter((r) => r.status === 'error').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    const failedShould = results.filter((r) => r.status === 'warn').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    process.stdout.write(`graphql-http audits: ${results.length} run, ${results.filter((r) => r.status === 'ok').length} ok, ${failedMust.length} MUST failed, ${failedShould.length} SHOULD failed\n${failedShould.map((s) => `  SHOULD: ${s}`).join('\n')}\n`);
    expect(failedMust).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });
});
