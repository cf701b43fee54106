/** Input refused because of what the client asked for (a forged cursor, a page size out of range, a write that would break a rule): thrown below the GraphQL layer, reported at its edge as BAD_USER_INPUT naming the argument. */
export class InputRefused extends Error {
  override readonly name = 'InputRefused';

  constructor(
    message: string,
    /** The argument or input field path at fault, e.g. "input.toRuleId". */
    readonly argumentName: string,
  ) {
    super(message);
  }
}

/**
 * A write refused because the graph already holds something else (a rule already ended another way, a
 * link already recorded with another date): retrying the same write cannot succeed. Reported at the
 * GraphQL edge as CONFLICT, naming the input field that clashes.
 */
export class WriteConflict extends Error {
  override readonly name = 'WriteConflict';

  constructor(
    message: string,
    readonly argumentName: string,
  ) {
    super(message);
  }
}

/**
 * A write refused because what it acts on is not in the graph (no open fact to end): reported at the
 * GraphQL edge as NOT_FOUND, naming the input at fault.
 */
export class NotFound extends Error {
  override readonly name = 'NotFound';

  constructor(
    message: string,
    readonly argumentName: string,
  ) {
    super(message);
  }
}

/** What a write service refuses a record with. */
export type Refusal = InputRefused | WriteConflict | NotFound;

/**
 * A batch write refused before it wrote anything: each refused record, by its place in the batch,
 * with the error writing it alone throws. An import reports every one and retries the rest.
 */
export class BatchRefused extends Error {
  override readonly name = 'BatchRefused';

  constructor(readonly refusals: Map<number, Refusal>) {
    super(`${refusals.size} record(s) of the batch refused: ${[...refusals.values()].map((refusal) => refusal.message).join(' ')}`);
  }
}

/** Throws BatchRefused when any record of the batch has a refusal (its place in the list is its place in the batch). */
export function refuseRecords(refusals: (Refusal | null)[]): void {
  const refused = new Map<number, Refusal>();
  refusals.forEach((refusal, index) => refusal && refused.set(index, refusal));
  if (refused.size > 0) throw new BatchRefused(refused);
}

/** A batch of one: its refusal as the error itself, as a single mutation reports it. */
export async function one<T>(batch: Promise<T[]>): Promise<T> {
  try {
    return (await batch)[0];
  } catch (error) {
    if (error instanceof BatchRefused) throw error.refusals.get(0) ?? error;
    throw error;
  }
}
