import { recordChanges } from '../../domain/change/change.writes';
import { diffOf, Snapshot, snapshot } from '../../domain/change/snapshot';
import { BatchRefused, InputRefused, NotFound, Refusal, WriteConflict } from '../../input-refused';
import { CountingTransaction, Graph } from '../../neo4j/graph';
import { FileRecord, RecordsFileError } from './records-file';
import { BatchedStep, IMPORTABLE, ImportStep, SingleStep } from './record-kinds';

export type StepStatus = 'created' | 'changed' | 'unchanged';
export type KindCounts = Record<StepStatus, number>;

export interface ImportReport {
  dryRun: boolean;
  /** Per kind, in write order: what the import did (or, dry, would do). */
  kinds: Record<string, KindCounts>;
  /** Changes recorded (none on a dry run). */
  changes: number;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Who the Changes name. */
  editor: string;
  /** The operation the Changes name; importRecords when left out. */
  operation?: string;
  /**
   * Plan and apply in one pass inside one transaction: every problem is still reported and nothing
   * written, and otherwise the whole lands at once, in half the statements. For the seed, which must
   * land whole; an import of a large file keeps its batches.
   */
  oneTransaction?: boolean;
  /** Steps per transaction when applying. */
  batchSize?: number;
  /** The time limit of each transaction; the plan is one transaction over the whole file. */
  timeoutMs?: number;
  progress?: (phase: 'plan' | 'apply', done: number, total: number) => void;
}

export const IMPORT_OPERATION = 'importRecords';
/** Steps per transaction when applying: a batched kind's batch is one call, so larger batches spread each statement's and commit's cost wider. */
export const IMPORT_BATCH = 1000;

type PlannedStep = ImportStep & { kind: string; where: string };

/** Who a step's Change names; none while planning. */
type Recording = { editor: string; operation: string } | null;

/** How often the one-transaction pass reports progress, in steps. */
const PROGRESS_EVERY = 100;

/** Thrown to roll a transaction back once it has seen everything. */
class RollBack extends Error {}

/**
 * Imports records through the write services: first a plan, in one transaction that is rolled back,
 * runs every step so each refusal is found (all reported at once with file and line, nothing written)
 * and the diff is known; then, unless dry, the steps run again in batches of one transaction each,
 * every step that changed something recording a Change. Running the same records again changes nothing.
 * Kinds whose service takes many records (companies) write a batch's records in one call.
 */
export async function importRecords(graph: Graph, records: FileRecord[], options: ImportOptions): Promise<ImportReport> {
  const order = Object.keys(IMPORTABLE);
  const steps: PlannedStep[] = [...records]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.index - b.index)
    .flatMap(({ kind, place, record }) => IMPORTABLE[kind].steps(record).map((step) => ({ ...step, kind, where: `${place} (${step.key})` })));
  const recording = { editor: options.editor, operation: options.operation ?? IMPORT_OPERATION };
  const oneTransaction = !options.dryRun && options.oneTransaction === true;
  const batchSize = options.batchSize ?? IMPORT_BATCH;

  const statuses = await checkAll(graph, steps, options, batchSize, oneTransaction ? recording : null);
  const kinds: Record<string, KindCounts> = {};
  steps.forEach((step, i) => {
    kinds[step.kind] ??= { created: 0, changed: 0, unchanged: 0 };
    kinds[step.kind][statuses[i]] += 1;
  });
  const changed = statuses.filter((status) => status !== 'unchanged').length;
  if (options.dryRun) return { dryRun: true, kinds, changes: 0 };
  if (oneTransaction) return { dryRun: false, kinds, changes: changed };

  let changes = 0;
  for (let start = 0; start < steps.length; start += batchSize) {
    const batch = steps.slice(start, start + batchSize);
    changes += await graph.write(async (tx) => {
      let recorded = 0;
      for (const group of groupsOf(batch, batchSize)) {
        const done = await runGroup(tx, group, recording).catch((error: unknown) => {
          const refusals = refusalsOf(error);
          if (!refusals) throw error;
          throw new RecordsFileError([...refusals].map(([i, refusal]) => problem(group[i], refusal)));
        });
        recorded += done.filter((status) => status !== 'unchanged').length;
      }
      return recorded;
    }, { timeoutMs: options.timeoutMs });
    options.progress?.('apply', Math.min(start + batchSize, steps.length), steps.length);
  }
  return { dryRun: false, kinds, changes };
}

/**
 * Consecutive steps written in one call: steps of a batched kind, up to `size`, none reading what
 * another of the group writes (a subsidiary and its parent, in either order, or one id twice, go in
 * two groups), so each step sees the graph as the steps before it left it. Every other step is a
 * group of its own.
 */
function groupsOf(steps: PlannedStep[], size: number): PlannedStep[][] {
  const groups: PlannedStep[][] = [];
  let written = new Set<string>();
  let read = new Set<string>();
  for (const step of steps) {
    const group = groups.at(-1);
    const first = group?.[0];
    const joins = group && first && 'writeAll' in step && 'writeAll' in first && first.writeAll === step.writeAll && group.length < size
      && !step.subjects.some((id) => written.has(id)) && !read.has(step.key);
    if (joins) {
      group.push(step);
    } else {
      groups.push([step]);
      written = new Set();
      read = new Set();
    }
    written.add(step.key);
    for (const id of step.subjects) read.add(id);
  }
  return groups;
}

/** The refusals of a step or a batch, by place in its group; null for any other error. */
function refusalsOf(error: unknown): Map<number, Refusal> | null {
  if (error instanceof BatchRefused) return error.refusals;
  if (error instanceof InputRefused || error instanceof WriteConflict || error instanceof NotFound) return new Map([[0, error]]);
  return null;
}

const problem = (step: PlannedStep, refusal: Refusal) => `${step.where}: ${refusal.message} (${refusal.argumentName})`;

/**
 * Runs every step in one transaction and finds each step's status, or every problem at once (then
 * nothing is written). Planning, the transaction is rolled back; recording, each step that changed
 * something records its Change and the transaction commits. A refused batch wrote nothing, so its
 * other steps run again without the refused ones.
 */
async function checkAll(graph: Graph, steps: PlannedStep[], options: ImportOptions, batchSize: number, recording: Recording): Promise<StepStatus[]> {
  const statuses = new Map<PlannedStep, StepStatus>();
  const problems: string[] = [];
  let reported = 0;
  try {
    await graph.write(async (tx) => {
      for (const group of groupsOf(steps, batchSize)) {
        let pending = group;
        while (pending.length > 0) {
          const tried = pending;
          const done = await runGroup(tx, tried, recording).catch((error: unknown) => {
            const refusals = refusalsOf(error);
            if (!refusals) throw error;
            for (const [i, refusal] of refusals) {
              problems.push(problem(tried[i], refusal));
              statuses.set(tried[i], 'unchanged');
            }
            pending = tried.filter((_, i) => !refusals.has(i));
            return null;
          });
          if (done) {
            tried.forEach((step, i) => statuses.set(step, done[i]));
            pending = [];
          }
        }
        if (statuses.size - reported >= PROGRESS_EVERY || statuses.size === steps.length) {
          reported = statuses.size;
          options.progress?.(recording ? 'apply' : 'plan', reported, steps.length);
        }
      }
      if (problems.length > 0 || !recording) throw new RollBack();
    }, { timeoutMs: options.timeoutMs });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (problems.length > 0) throw new RecordsFileError(problems);
  return steps.map((step) => statuses.get(step) ?? 'unchanged');
}

/**
 * A group as mutations do it: the subjects before, the write (one call for a batched group), and
 * (recording) a Change for each step that changed anything, with the before and after of its own
 * subjects, recorded together in step order.
 */
async function runGroup(tx: CountingTransaction, group: PlannedStep[], recording: Recording): Promise<StepStatus[]> {
  const subjects = group.flatMap((step) => step.subjects);
  const before = await snapshot(tx, subjects);
  const first = group[0];
  const outcomes = 'writeAll' in first ? await first.writeAll(tx, group.map((step) => (step as BatchedStep).input)) : [await (first as SingleStep).write(tx)];
  if (recording && outcomes.some((outcome) => outcome.changed)) {
    const after = await snapshot(tx, [...subjects, ...outcomes.flatMap((outcome) => outcome.entityIds)]);
    const changes = group.flatMap((step, i) => {
      if (!outcomes[i].changed) return [];
      const ids = [...new Set([...step.subjects, ...outcomes[i].entityIds])];
      const own = (state: Snapshot): Snapshot => Object.fromEntries(ids.flatMap((id) => (state[id] ? [[id, state[id]]] : [])));
      return [{ entityIds: outcomes[i].entityIds, diff: diffOf(own(before), own(after)) }];
    });
    await recordChanges(tx, recording.editor, recording.operation, changes);
  }
  return group.map((step, i) => {
    if (!outcomes[i].changed) return 'unchanged';
    return step.entity && before[step.key] !== undefined ? 'changed' : 'created';
  });
}
