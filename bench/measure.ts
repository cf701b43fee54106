import autocannon from 'autocannon';
import { Graph, Statement } from '../src/neo4j/graph';

export interface Measure { rps: number; p50: number; p99: number }

export interface Timing {
  /** Seconds measured. */
  seconds: number;
  /** Seconds of load before measuring, not counted. */
  warmupSeconds: number;
}

/** Drives a GraphQL endpoint on loopback with autocannon (`connections` clients, each one request at a time); the latencies measured, in ms. */
export async function http(url: string, query: string, connections: number, timing: Timing): Promise<number[]> {
  const load = async (seconds: number) => {
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon({
        url, method: 'POST', connections, duration: seconds,
        headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
      }, (error, done) => (error ? reject(error) : resolve(done)));
      // autocannon's own percentiles are whole milliseconds; its response events carry the exact time.
      run.on('response', (_client, status, _bytes, responseTime) => {
        if (status === 200) latencies.push(responseTime);
      });
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return latencies;
  };
  if (timing.warmupSeconds > 0) await load(timing.warmupSeconds);
  return load(timing.seconds);
}

/** The floor: the very statements our service sent for the question, replayed through the driver, `connections` at a time; the latencies measured, in ms. */
export async function raw(graph: Graph, statements: Statement[], connections: number, timing: Timing): Promise<number[]> {
  const once = async () => {
    for (const s of statements) await graph.read(s.query, s.params);
  };
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const started = performance.now();
        await once();
        latencies.push(performance.now() - started);
      }
    }));
    return latencies;
  };
  if (timing.warmupSeconds > 0) await run(timing.warmupSeconds);
  return run(timing.seconds);
}

/** Requests per second and percentiles; requests slower than the whole measurement never complete, which is said as Infinity, not 0 ms. */
export function summarise(latencies: number[], seconds: number): Measure {
  if (latencies.length === 0) return { rps: 0, p50: Infinity, p99: Infinity };
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { rps: sorted.length / seconds, p50: at(0.5), p99: at(0.99) };
}
