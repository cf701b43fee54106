/** A write refused because of what the client asked for; the GraphQL edge reports it as BAD_USER_INPUT naming the argument. */
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
