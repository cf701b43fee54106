import { GraphQLFormattedError, GraphQLError, Kind, parse, Source, visit } from 'graphql';
import { mapLowerLayerError } from './error-codes';

/** The error for an argument (or input field) a client got wrong: clients switch on the code and read the name. */
export function badUserInput(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

/** type-graphql's class-validator failures: one entry per bad field, nested for inputs. */
interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

function describeFailures(failures: ValidationFailure[], prefix = ''): { fields: string[]; messages: string[] } {
  const fields: string[] = [];
  const messages: string[] = [];
  for (const failure of failures) {
    const field = prefix ? `${prefix}.${failure.property}` : failure.property;
    if (failure.constraints) {
      fields.push(field);
      messages.push(...Object.values(failure.constraints));
    }
    const nested = describeFailures(failure.children ?? [], field);
    fields.push(...nested.fields);
    messages.push(...nested.messages);
  }
  return { fields, messages };
}

/** An argument or input field of a document: where its name and value span, and what is nested in it. */
interface ArgumentSpan {
  name: string;
  start: number;
  end: number;
  inner: ArgumentSpan[];
}

/** The argument spans of each document, built on its first bad literal: never one walk per error. */
const spansBySource = new WeakMap<Source, ArgumentSpan[]>();

function argumentSpans(source: Source): ArgumentSpan[] {
  let spans = spansBySource.get(source);
  if (spans) return spans;
  const outermost: ArgumentSpan[] = [];
  const open: ArgumentSpan[] = [];
  // The server parsed this document already, under its token limit, so this parse is bounded too.
  visit(parse(source), {
    enter(node) {
      if ((node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) && node.loc) {
        const span = { name: node.name.value, start: node.loc.start, end: node.loc.end, inner: [] };
        (open.length > 0 ? open[open.length - 1].inner : outermost).push(span);
        open.push(span);
      }
    },
    leave(node) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) open.pop();
    },
  });
  spans = outermost;
  spansBySource.set(source, spans);
  return spans;
}

/** The span of `spans` (sorted, disjoint) holding position, by binary search. */
function spanAt(spans: ArgumentSpan[], position: number): ArgumentSpan | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle];
    if (position < span.start) high = middle - 1;
    else if (position > span.end) low = middle + 1;
    else return span;
  }
  return undefined;
}

/** The argument (or input field path) whose literal value holds the error position, e.g. "filter.inForceOn". */
function argumentAt(error: GraphQLError): string | null {
  const position = error.nodes?.[0]?.loc?.start;
  const source = error.source;
  if (position === undefined || !source) return null;
  const names: string[] = [];
  for (let span = spanAt(argumentSpans(source), position); span; span = spanAt(span.inner, position)) names.push(span.name);
  return names.length > 0 ? names.join('.') : null;
}

const BAD_LITERAL = /^(Expected value of type|Value ".*" does not exist in|Value is not a valid|Int cannot represent|Float cannot represent|String cannot represent|Boolean cannot represent|ID cannot represent|Enum ".*" cannot represent)/;

/**
 * Every bad input reaches the client as BAD_USER_INPUT with the argument named: class-validator
 * failures (type-graphql) and literal values graphql-js refused during validation alike.
 * Errors from lower layers (Neo4j, domain refusals) get their code here (./error-codes).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const lower = mapLowerLayerError(error);
  if (lower) return { ...formatted, message: lower.message, extensions: { ...formatted.extensions, ...lower.extensions } };
  const extensions = formatted.extensions ?? {};
  const failures = extensions.validationErrors as ValidationFailure[] | undefined;
  if (extensions.code === 'BAD_USER_INPUT' && Array.isArray(failures)) {
    const { fields, messages } = describeFailures(failures);
    const { validationErrors: _dropped, ...rest } = extensions;
    return {
      ...formatted,
      message: `Invalid value for ${fields.map((f) => `"${f}"`).join(', ')}: ${messages.join('; ')}`,
      extensions: { ...rest, code: 'BAD_USER_INPUT', invalidFields: fields },
    };
  }
  if (extensions.code === 'GRAPHQL_VALIDATION_FAILED' && BAD_LITERAL.test(formatted.message) && error instanceof GraphQLError) {
    const argumentName = argumentAt(error);
    return {
      ...formatted,
      message: argumentName ? `Invalid value for argument "${argumentName}": ${formatted.message}` : formatted.message,
      extensions: { ...extensions, code: 'BAD_USER_INPUT', ...(argumentName ? { argumentName } : {}) },
    };
  }
  return formatted;
}

/** graphql-js's hints at names the schema has ("Did you mean \"text\"?"), wherever a message carries them. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * In production no error names what the schema has beyond what the client sent: Apollo strips
 * suggestions from validation errors only, so variable and argument errors are stripped here.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.message.includes('Did you mean')) return formatted;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, '') };
}
