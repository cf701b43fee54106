import { readFileSync } from 'node:fs';

/**
 * Where our server's time went, from a V8 CPU profile (`--cpu-prof`, see bench/README.md): self
 * time by area. Usage: node dist-bench/bench/profile.js bench/profiles/<file>.cpuprofile
 * Neo4j runs in its own JVM, so its time shows here as idle (the event loop waiting on Bolt).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** First match wins. */
const AREAS: [string, (frame: ProfileNode['callFrame']) => boolean][] = [
  ['idle (waiting on Neo4j and the network)', (f) => f.functionName === '(idle)'],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['JSON (request parsing, response serialisation)', (f) => /^(stringify|parse)$/.test(f.functionName) && f.url === ''],
  ['socket writes', (f) => /^(writeBuffer|writev|writeUtf8String|writeLatin1String)$/.test(f.functionName) && f.url === ''],
  ['promise machinery', (f) => f.functionName === 'runMicrotasks'],
  ['start-up (loading modules)', (f) => /^(wrapSafe|compileFunction)$/.test(f.functionName)],
  ['Bolt driver (neo4j-driver: packing, unpacking, records)', (f) => /node_modules\/neo4j-driver/.test(f.url)],
  ['GraphQL execution (graphql-js)', (f) => /node_modules\/graphql\//.test(f.url)],
  ['Apollo Server and Express', (f) => /node_modules\/(@apollo|express|body-parser|router|@as-integrations)/.test(f.url)],
  ['type-graphql and class-validator', (f) => /node_modules\/(type-graphql|class-validator|class-transformer)/.test(f.url)],
  ['other libraries', (f) => /node_modules\//.test(f.url)],
  ['this service (src/)', (f) => /\/dist(-bench)?\/(src\/)?(graphql|domain|neo4j|http)\//.test(f.url)],
  ['Node internals (http, streams, timers)', (f) => f.url.startsWith('node:')],
  ['program, native and other', () => true],
];

export function summarise(profile: CpuProfile): { area: string; ms: number; share: number }[] {
  const areaOf = new Map(profile.nodes.map((node) => [node.id, AREAS.find(([, matches]) => matches(node.callFrame))![0]]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const area = areaOf.get(id)!;
    ms.set(area, (ms.get(area) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  const total = [...ms.values()].reduce((a, b) => a + b, 0);
  return [...ms.entries()].map(([area, time]) => ({ area, ms: time, share: time / total })).sort((a, b) => b.ms - a.ms);
}

/** The functions with the most self time, for the detail below the areas. */
export function hottest(profile: CpuProfile, count: number): { frame: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!;
    if (f.functionName === '(idle)') return;
    const frame = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist/, 'dist')}`;
    ms.set(frame, (ms.get(frame) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  return [...ms.entries()].map(([frame, time]) => ({ frame, ms: time })).sort((a, b) => b.ms - a.ms).slice(0, count);
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node dist-bench/bench/profile.js <file.cpuprofile>');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const lines = ['| where | ms | share |', '|---|---|---|'];
  for (const { area, ms, share } of summarise(profile)) lines.push(`| ${area} | ${ms.toFixed(0)} | ${(share * 100).toFixed(1)} % |`);
  lines.push('', '| hottest functions (self time, idle excluded) | ms |', '|---|---|');
  for (const { frame, ms } of hottest(profile, 15)) lines.push(`| ${frame} | ${ms.toFixed(0)} |`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
