/** An argument the compiler cannot use (a forged cursor, a page size out of range): the GraphQL edge reports it as BAD_USER_INPUT naming the argument. */
export class InvalidArgumentError extends Error {
  constructor(
    message: string,
    readonly argumentName: string,
  ) {
    super(message);
  }
}
