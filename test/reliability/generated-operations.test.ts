import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import { failureReport, generateMalformedOperation, generateOperation, uncodedErrors } from '../support/operations';
import { post, useTestServer } from '../support/server';

const RUNS = Number(process.env.GENERATED_OPERATIONS ?? 300);
/** Replays a run: the seed is printed with the counts (and by fast-check on a failure). */
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
/** A run stops here even when not all its operations were sent (a loaded machine), and says how many were. */
const TIME_LIMIT_MS = 60_000;
/** Fewest operations a run must send for its verdict to mean something, however loaded the machine. */
const MIN_RUNS = 10;
const MAX_DEPTH = 10;
const MAX_COST = 50_000;
/** Text lookups one operation may make (src/graphql/limits.ts). */
const MAX_TEXT_LOOKUPS = 5;
/** Longest error message: none may quote a large value back. */
const MAX_MESSAGE = 1_000;

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
        // Some carry aliases of full-text fields at the root, up to a storm of 12.
        const operation = generateOperation(schema, draw, draw(fc.integer, { min: 2, max: MAX_DEPTH }), { maxTextLookupAliases: 12 });
        const { status, json, text } = await post(env.server.url, { query: operation.query, variables: operation.variables });
        if (status >= 500 || !json) throw new Error(`${status}: ${text.slice(0, 300)}`);
        const codes: string[] = (json.errors ?? []).map((error: any) => error.extensions?.code);
        const uncoded = uncodedErrors(json.errors);
        if (uncoded.length > 0) throw new Error(`uncoded or internal error: ${JSON.stringify(uncoded).slice(0, 2000)}\nfor ${operation.query.slice(0, 1000)}\nwith ${JSON.stringify(operation.variables).slice(0, 300)}`);
        if (json.data !== undefined) {
          const cost = json.extensions?.cost;
          if (!(cost?.requested <= MAX_COST && cost?.limit === MAX_COST)) throw new Error(`accepted without a cost within the limit: ${JSON.stringify(json.extensions)}`);
          if (operation.textLookups > MAX_TEXT_LOOKUPS) throw new Error(`accepted with ${operation.textLookups} text lookups`);
          if (operation.textLookups > 0 && cost.requested < operation.textLookups * 1000) throw new Error(`${operation.textLookups} text lookups priced at ${cost.requested}`);
        }
        const outcome = json.data === undefined ? `refused ${codes[0]}` : codes.length > 0 ? `answered with ${[...new Set(codes)].join('+')}` : 'answered';
        count(outcome);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    if (details.failed) throw new Error(failureReport(details));
    const summary = [...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([outcome, n]) => `${outcome} ${n}`).join(', ');
    process.stdout.write(`generated operations: ${details.numRuns} of ${RUNS} (seed ${SEED}, FC_SEED=${SEED} replays) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}\n`);
    const answered = [...outcomes].filter(([outcome]) => outcome.startsWith('answered')).reduce((sum, [, n]) => sum + n, 0);
    // How many fit in the time limit depends on the machine; on a 2-core machine with a load of 25, a dozen.
    expect(details.numRuns).toBeGreaterThanOrEqual(MIN_RUNS);
    expect(answered).toBeGreaterThan(details.numRuns / 3);
  }, 180_000);

  it('refuse malformed and hostile variables with a coded client error that quotes none of the value', async () => {
    const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
    const outcomes = new Map<string, number>();
    const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const started = Date.now();
    const details = await fc.check(
      fc.asyncProperty(fc.gen(), async (draw) => {
        const operation = generateMalformedOperation(schema, draw, draw(fc.integer, { min: 2, max: 4 }));
        const { status, json, text } = await post(env.server.url, { query: operation.query, variables: operation.variables });
        const where = `${operation.corruption} in ${operation.query.slice(0, 200)}`;
        if (status >= 500 || !json) throw new Error(`${status} for ${where}: ${text.slice(0, 300)}`);
        const errors: any[] = json.errors ?? [];
        const codes = errors.map((error) => error.extensions?.code);
        const uncoded = uncodedErrors(errors);
        if (uncoded.length > 0) throw new Error(`uncoded or internal error for ${where}: ${JSON.stringify(uncoded).slice(0, 2000)}`);
        const long = errors.find((error) => String(error.message).length > MAX_MESSAGE);
        if (long) throw new Error(`a message of ${long.message.length} characters for ${where}: ${long.message.slice(0, 200)}`);
        count(json.data === undefined ? `refused ${codes[0]}` : 'answered');
      }),
      { seed: SEED, numRuns: RUNS / 3, endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS / 2, markInterruptAsFailure: false },
    );
    if (details.failed) throw new Error(failureReport(details));
    const summary = [...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([outcome, n]) => `${outcome} ${n}`).join(', ');
    process.stdout.write(`malformed variables: ${details.numRuns} of ${RUNS / 3} (seed ${SEED}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}\n`);
    expect(details.numRuns).toBeGreaterThanOrEqual(MIN_RUNS);
    expect(outcomes.get('refused BAD_USER_INPUT') ?? 0).toBeGreaterThan(details.numRuns / 3);
  }, 120_000);
});
