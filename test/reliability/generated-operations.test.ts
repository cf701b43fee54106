import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import { generateOperation } from '../support/operations';
import { post, useTestServer } from '../support/server';

const RUNS = Number(process.env.GENERATED_OPERATIONS ?? 300);
/** Replays a run: the seed is printed with the counts (and by fast-check on a failure). */
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
/** A run stops here even when not all its operations were sent (a loaded machine), and says how many were. */
const TIME_LIMIT_MS = 60_000;
const MAX_DEPTH = 10;
const MAX_COST = 50_000;

describe('random valid operations from the emitted schema', () => {
  const env = useTestServer();

  it('never get a 5xx or an internal error, and every accepted one costs no more than the limit', async () => {
    const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
    const outcomes = new Map<string, number>();
    const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const started = Date.now();
    const details = await fc.check(
      fc.asyncProperty(fc.gen(), async (draw) => {
        // Most operations stay shallow, so that many are cheap enough to be answered; some go to the limit.
        const operation = generateOperation(schema, draw, draw(fc.integer, { min: 2, max: MAX_DEPTH }));
        const { status, json, text } = await post(env.server.url, operation);
        if (status >= 500 || !json) throw new Error(`${status}: ${text.slice(0, 300)}`);
        const codes: string[] = (json.errors ?? []).map((error: any) => error.extensions?.code);
        if (codes.some((code) => code === undefined || code === 'INTERNAL_SERVER_ERROR')) throw new Error(`uncoded or internal error: ${text.slice(0, 500)}`);
        if (json.data !== undefined) {
          const cost = json.extensions?.cost;
          if (!(cost?.requested <= MAX_COST && cost?.limit === MAX_COST)) throw new Error(`accepted without a cost within the limit: ${JSON.stringify(json.extensions)}`);
        }
        const outcome = json.data === undefined ? `refused ${codes[0]}` : codes.length > 0 ? `answered with ${[...new Set(codes)].join('+')}` : 'answered';
        count(outcome);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    if (details.failed) throw new Error(fc.defaultReportMessage(details));
    const summary = [...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([outcome, n]) => `${outcome} ${n}`).join(', ');
    process.stdout.write(`generated operations: ${details.numRuns} of ${RUNS} (seed ${SEED}, FC_SEED=${SEED} replays) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}\n`);
    const answered = [...outcomes].filter(([outcome]) => outcome.startsWith('answered')).reduce((sum, [, n]) => sum + n, 0);
    expect(details.numRuns).toBeGreaterThanOrEqual(100);
    expect(answered).toBeGreaterThan(details.numRuns / 3);
  }, 180_000);
});
