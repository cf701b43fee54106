import v8 from 'node:v8';
import vm from 'node:vm';
import { post, useTestServer } from '../support/server';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CLIENTS = 32;
/** Live heap growth allowed between the end of the first quarter (warmed up) and the end of the run. */
const HEAP_GROWTH_BOUND_MIB = 50;

/** Live heap after a full collection: RSS alone mostly shows V8 keeping freed pages, not leaks. */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
})();
function liveHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const READS = [
  '{ country(code: "SG") { name tierAssignments(asOf: "2025-03-01") { tier { name rule { shortName } } } } }',
  '{ countries(first: 50) { edges { node { code tierAssignments { tier { level } } } } } }',
  '{ rulesTouching(entity: "Huawei Ascend") { relation rule { id } } }',
  '{ tierChanges(from: "2025-05-01", to: "2025-05-31", fromLevel: 2) { country { code } } }',
  '{ ruleLineage(id: "rule:ai-diffusion") { mermaid } }',
  '{ search(text: "Kesler") { score } }',
  '{ rule(id: "rule:ai-diffusion") { status officialActions { kind official { name } } } }',
];

/** Bounded load on loopback: a fixed number of clients for a fixed time, then it stops by itself. */
describe('a soak under load', () => {
  // Every client shares the loopback address: allow them all in flight at once.
  const env = useTestServer({ MAX_IN_FLIGHT: String(CLIENTS), MAX_IN_FLIGHT_EDITOR: String(CLIENTS) });

  it(`serves ${CLIENTS} clients for ${SECONDS} s with mixed reads and writes, without errors or memory growth`, async () => {
    const rssStart = process.memoryUsage().rss;
    const deadline = Date.now() + SECONDS * 1000;
    let heapWarm = liveHeap();
    const warmedUp = setTimeout(() => {
      heapWarm = liveHeap();
    }, (SECONDS * 1000) / 4);
    let served = 0;
    const errors: string[] = [];
    const client = async (id: number) => {
      for (let i = 0; Date.now() < deadline; i += 1) {
        const write = i % 10 === 9;
        const body = write
          ? { query: `mutation { upsertRule(input: { id: "rule:test-soak-${id}", title: "Soak test rule ${id}", kind: GUIDANCE }) { id } }` }
          : { query: READS[(id + i) % READS.length] };
        const { status, json } = await post(env.server.url, body, write ? { authorization: 'Bearer s3cret' } : {});
        served += 1;
        if (status !== 200 || json?.errors) errors.push(`${status} ${JSON.stringify(json?.errors ?? '').slice(0, 200)}`);
      }
    };
    try {
      await Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id)));
    } finally {
      await env.graph.write((tx) => tx.run({
        name: 'soakCleanUp',
        cypher: "MATCH (n) WHERE n:Change OR (n:Rule AND n.id STARTS WITH 'rule:test-soak') DETACH DELETE n",
      }));
    }
    clearTimeout(warmedUp);
    const rssEnd = process.memoryUsage().rss;
    const heapEnd = liveHeap();
    const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
    process.stdout.write(
      `soak: ${served} requests in ${SECONDS} s (${Math.round(served / SECONDS)}/s), ${errors.length} errors, ` +
        `RSS ${mib(rssStart)} -> ${mib(rssEnd)} MiB, live heap ${mib(heapWarm)} MiB after warm-up -> ${mib(heapEnd)} MiB at end\n`,
    );
    expect(errors.slice(0, 5)).toEqual([]);
    expect(served).toBeGreaterThan(CLIENTS);
    expect(mib(heapEnd - heapWarm)).toBeLessThan(HEAP_GROWTH_BOUND_MIB);
  }, (SECONDS + 60) * 1000);
});
