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

/** Thrown to roll the plan's transaction back once it has seen everything. */
class PlanDone extends Error {}

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

  const planned = await plan(graph, steps, options);
  const kinds: Record<string, KindCounts> = {};
  steps.forEach((step, i) => {
    kinds[step.kind] ??= { created: 0, changed: 0, unchanged: 0 };
    kinds[step.kind][planned[i]] += 1;
  });
  if (options.dryRun) return { dryRun: true, kinds, changes: 0 };

  let changes = 0;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  for (let start = 0; start < steps.length; start += batchSize) {
    const batch = steps.slice(start, start + batchSize);
    changes += await graph.write(async (tx) => {
      let recorded = 0;
      for (const step of batch) if (await apply(tx, step, options.editor, options.operation ?? IMPORT_OPERATION)) recorded += 1;
      return recorded;
    }, { timeoutMs: options.timeoutMs });
    options.progress?.('apply', Math.min(start + batchSize, steps.length), steps.length);
  }
  return { dryRun: false, kinds, changes };
}

/** Runs every step in one transaction and rolls it back: each step's status, or every problem at once. */
async function plan(graph: Graph, steps: PlannedStep[], options: ImportOptions): Promise<StepStatus[]> {
  const statuses: StepStatus[] = [];
  const problems: string[] = [];
  try {
    await graph.write(async (tx) => {
      for (const [i, step] of steps.entries()) {
        const existed = step.entity && Object.keys(await snapshot(tx, [step.key])).length > 0;
        try {
          const outcome = await step.write(tx);
          statuses.push(!outcome.changed ? 'unchanged' : existed ? 'changed' : 'created');
        } catch (error) {
          if (!(error instanceof InputRefused || error instanceof WriteConflict || error instanceof NotFound)) throw error;
          problems.push(`${step.where}: ${error.message} (${error.argumentName})`);
          statuses.push('unchanged');
        }
        if ((i + 1) % 100 === 0 || i + 1 === steps.length) options.progress?.('plan', i + 1, steps.length);
      }
      throw new PlanDone();
    }, { timeoutMs: options.timeoutMs });
  } catch (error) {
    if (!(error instanceof PlanDone)) throw error;
  }
  if (problems.length > 0) throw new RecordsFileError(problems);
  return statuses;
}

/** One step as a mutation does it: the subjects before, the write, and a Change when it changed anything. */
async function apply(tx: CountingTransaction, step: PlannedStep, editor: string, operation: string): Promise<boolean> {
  const before = await snapshot(tx, step.subjects);
  const outcome = await step.write(tx);
  if (!outcome.changed) return false;
  const after = await snapshot(tx, [...step.subjects, ...outcome.entityIds]);
  await recordChange(tx, editor, operation, outcome.entityIds, diffOf(before, after));
  return true;
}
