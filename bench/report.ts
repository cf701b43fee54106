import { readFileSync, writeFileSync } from 'node:fs';
import { Measure } from './measure';

export interface Row {
  scale: string;
  workload: string;
  concurrency: number;
  ours: Measure;
  /** The peer's figures, or why it cannot ask the question. */
  peer: Measure | string;
  raw: Measure;
  /** Statements our service sent for the workload, which the raw client replays: the aim is one. */
  statements: number;
}

export function table(rows: Row[], seconds: number): string {
  const f = (n: number) => (!Number.isFinite(n) ? `none done in ${seconds} s` : n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? (a / b).toFixed(2) : 'n/a');
  const lines = [
    '| scale | workload | c | ours req/s | ours p50 / p99 ms | @neo4j/graphql req/s | @neo4j/graphql p50 / p99 ms | raw statements | raw req/s | raw p50 / p99 ms | ours / peer (req/s) | ours / raw (p50) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const peer = typeof r.peer === 'string' ? null : r.peer;
    lines.push(`| ${r.scale} | ${r.workload} | ${r.concurrency} | ${f(r.ours.rps)} | ${f(r.ours.p50)} / ${f(r.ours.p99)} | ${peer ? f(peer.rps) : 'n/a'} | ${peer ? `${f(peer.p50)} / ${f(peer.p99)}` : (r.peer as string)} | ${r.statements} | ${f(r.raw.rps)} | ${f(r.raw.p50)} / ${f(r.raw.p99)} | ${peer ? ratio(r.ours.rps, peer.rps) : 'n/a'} | ${ratio(r.ours.p50, Math.max(r.raw.p50, 0.01))} |`);
  }
  return lines.join('\n');
}

/** How each workload's p50 at concurrency 1 grew from the first scale to the last. */
export function growth(rows: Row[]): string {
  const single = rows.filter((r) => r.concurrency === 1);
  const scales = [...new Set(single.map((r) => r.scale))];
  if (scales.length < 2) return '';
  const [small, large] = [scales[0], scales[scales.length - 1]];
  const lines = ['| workload (c = 1) | ours p50 growth | @neo4j/graphql p50 growth | raw p50 growth |', '|---|---|---|---|'];
  const grew = (a: number, b: number) => (Number.isFinite(b / a) && a > 0 ? `${(b / a).toFixed(2)}x` : 'n/a');
  for (const before of single.filter((r) => r.scale === small)) {
    const after = single.find((r) => r.scale === large && r.workload === before.workload);
    if (!after) continue;
    const peer = typeof before.peer === 'string' || typeof after.peer === 'string' ? 'n/a' : grew(before.peer.p50, after.peer.p50);
    lines.push(`| ${before.workload} | ${grew(before.ours.p50, after.ours.p50)} | ${peer} | ${grew(before.raw.p50, after.raw.p50)} |`);
  }
  return `p50 latency from ${small} to ${large}:\n\n${lines.join('\n')}`;
}

/** Replaces the text between the results markers of a README with the report. */
export function pasteIntoReadme(readmePath: string, report: string) {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf('<!-- results:start -->');
  const end = readme.indexOf('<!-- results:end -->');
  if (start < 0 || end < start) throw new Error(`${readmePath} has no results markers`);
  writeFileSync(readmePath, `${readme.slice(0, start)}<!-- results:start -->\n${report}${readme.slice(end)}`);
}
