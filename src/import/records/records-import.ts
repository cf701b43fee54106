import { recordChange } from '../../domain/change/change.writes';
import { diffOf, snapshot } from '../../domain/change/snapshot';
import { InputRefused, NotFound, WriteConflict } from '../../input-refused';
import { CountingTransaction, Graph } from '../../neo4j/graph';
import { FileRecord, RecordsFileError } from './records-file';
import { IMPORTABLE, ImportStep } from './record-kinds';

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
const DEFAULT_BATCH = 200;

interface PlannedStep extends ImportStep {
  kind: string;
  where: string;
}

/** Who a step's Change names; none while planning. */
type Recording = { editor: string; operation: string } | null;

/** Thrown to roll a transaction back once it has seen everything. */
class RollBack extends Error {}

/**
 * Imports records through the write services: first a plan, in one transaction that is rolled back,
 * runs every step so each refusal is found (all reported at once with file and line, nothing written)
 * and the diff is known; then, unless dry, the steps run again in batches of one transaction each,
 * every step that changed something recording a Change. Running the same records again changes nothing.
 */
export async function importRecords(graph: Graph, records: FileRecord[], options: ImportOptions): Promise<ImportReport> {
  const order = Object.keys(IMPORTABLE);
  const steps: PlannedStep[] = [...records]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.index - b.index)
    .flatMap(({ kind, place, record }) => IMPORTABLE[kind].steps(record).map((step) => ({ ...step, kind, where: `${place} (${step.key})` })));
  const recording = { editor: options.editor, operation: options.operation ?? IMPORT_OPERATION };
  const oneTransaction = !options.dryRun && options.oneTransaction === true;

  const statuses = await checkAll(graph, steps, options, oneTransaction ? recording : null);
  const kinds: Record<string, KindCounts> = {};
  steps.forEach((step, i) => {
    kinds[step.kind] ??= { created: 0, changed: 0, unchanged: 0 };
    kinds[step.kind][statuses[i]] += 1;
  });
  const changed = statuses.filter((status) => status !== 'unchanged').length;
  if (options.dryRun) return { dryRun: true, kinds, changes: 0 };
  if (oneTransaction) return { dryRun: false, kinds, changes: changed };

  let changes = 0;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  for (let start = 0; start < steps.length; start += batchSize) {
    const batch = steps.slice(start, start + batchSize);
    changes += await graph.write(async (tx) => {
      let recorded = 0;
      for (const step of batch) if ((await runStep(tx, step, recording)) !== 'unchanged') recorded += 1;
      return recorded;
    }, { timeoutMs: options.timeoutMs });
    options.progress?.('apply', Math.min(start + batchSize, steps.length), steps.length);
  }
  return { dryRun: false, kinds, changes };
}

/**
 * Runs every step in one transaction and finds each step's status, or every problem at once (then
 * nothing is written). Planning, the transaction is rolled back; recording, each step that changed
 * something records its Change and the transaction commits.
 */
async function checkAll(graph: Graph, steps: PlannedStep[], options: ImportOptions, recording: Recording): Promise<StepStatus[]> {
  const statuses: StepStatus[] = [];
  const problems: string[] = [];
  try {
    await graph.write(async (tx) => {
      for (const [i, step] of steps.entries()) {
        try {
          statuses.push(await runStep(tx, step, recording));
        } catch (error) {
          if (!(error instanceof InputRefused || error instanceof WriteConflict || error instanceof NotFound)) throw error;
          problems.push(`${step.where}: ${error.message} (${error.argumentName})`);
          statuses.push('unchanged');
        }
        if ((i + 1) % 100 === 0 || i + 1 === steps.length) options.progress?.(recording ? 'apply' : 'plan', i + 1, steps.length);
      }
      if (problems.length > 0 || !recording) throw new RollBack();
    }, { timeoutMs: options.timeoutMs });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (problems.length > 0) throw new RecordsFileError(problems);
  return statuses;
}

/** One step as a mutation does it: the subjects before, the write, and (recording) a Change when it changed anything. */
async function runStep(tx: CountingTransaction, step: PlannedStep, recording: Recording): Promise<StepStatus> {
  const before = await snapshot(tx, step.subjects);
  const existed = step.entity && before[step.key] !== undefined;
  const outcome = await step.write(tx);
  if (!outcome.changed) return 'unchanged';
  if (recording) {
    const after = await snapshot(tx, [...step.subjects, ...outcome.entityIds]);
    await recordChange(tx, recording.editor, recording.operation, outcome.entityIds, diffOf(before, after));
  }
  return existed ? 'changed' : 'created';
}
