import { GraphQLError } from 'graphql';
import { GraphMemoryError, GraphTimeoutError, GraphUnavailableError } from '../neo4j/errors';
import { InputRefused, NotFound, WriteConflict } from '../input-refused';

export interface MappedError {
  message: string;
  extensions: { code: string; argumentName?: string };
}

/** The error a resolver threw, below graphql-js's wrapping. */
function thrown(error: unknown): unknown {
  let inner = error;
  while (inner instanceof GraphQLError && inner.originalError) inner = inner.originalError;
  return inner;
}

/**
 * The code (and message) clients get for an error thrown below the GraphQL layer, which knows nothing
 * of GraphQL; undefined for anything else, which keeps the code it has.
 */
export function mapLowerLayerError(error: unknown): MappedError | undefined {
  const cause = thrown(error);
  if (cause instanceof GraphUnavailableError) return { message: cause.message, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  if (cause instanceof GraphTimeoutError) return { message: cause.message, extensions: { code: 'QUERY_TIMEOUT' } };
  if (cause instanceof GraphMemoryError) return { message: cause.message, extensions: { code: 'RESOURCE_EXHAUSTED' } };
  if (cause instanceof WriteConflict) return { message: cause.message, extensions: { code: 'CONFLICT', argumentName: cause.argumentName } };
  if (cause instanceof NotFound) return { message: cause.message, extensions: { code: 'NOT_FOUND', argumentName: cause.argumentName } };
  if (cause instanceof InputRefused) {
    return { message: cause.message, extensions: { code: 'BAD_USER_INPUT', argumentName: cause.argumentName } };
  }
  return undefined;
}
