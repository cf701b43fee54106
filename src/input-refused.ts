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
