import { isRetryableError } from 'neo4j-driver';

/** Neo4j cannot be reached, or no connection came free in time: the same request may succeed shortly. */
export class GraphUnavailableError extends Error {
  override readonly name = 'GraphUnavailableError';
}

/** Neo4j aborted a statement that ran past the query timeout. */
export class GraphTimeoutError extends Error {
  override readonly name = 'GraphTimeoutError';
}

/** Neo4j refused a statement for want of memory: retrying at once would only ask again. */
export class GraphMemoryError extends Error {
  override readonly name = 'GraphMemoryError';
}

/** A write broke a uniqueness constraint: another write took the same key first. */
export class GraphConstraintError extends Error {
  override readonly name = 'GraphConstraintError';
}

/** Statements Neo4j stopped because memory ran short, the transaction's own limit or the shared pool (or a stack overflow). */
const MEMORY_CODES = /^Neo\.\w+\.General\.(TransactionOutOfMemoryError|TransactionMemoryLimit|MemoryPoolOutOfMemoryError|OutOfMemoryError|StackOverFlowError)$/;
const TIMEOUT_CODES = /^Neo\.\w+\.Transaction\.(TransactionTimedOut|TransactionTimedOutClientConfiguration)$/;
/** A transaction stopped from outside: past its timeout (a lock wait reports it so), by an operator, or at shutdown. */
const TERMINATED_CODES = /^Neo\.\w+\.Transaction\.(LockClientStopped|Terminated)$/;
/** The driver gives a pool acquisition timeout no code of its own, only this message. */
const ACQUISITION_TIMEOUT = /^Connection acquisition timed out/;

function codeOf(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? '');
}

export function isMemoryError(error: unknown): boolean {
  return MEMORY_CODES.test(codeOf(error));
}

/**
 * What a driver error means for the caller, as one of the errors above; anything else is returned as
 * it is. ranPastTimeout: the transaction had run for the query timeout when it failed.
 */
export function translateDriverError(error: unknown, ranPastTimeout = false): unknown {
  const code = codeOf(error);
  const cause = { cause: error };
  if (MEMORY_CODES.test(code)) {
    return new GraphMemoryError('The graph database ran out of memory for this request; ask for fewer items, or try again later.', cause);
  }
  if (TIMEOUT_CODES.test(code) || (TERMINATED_CODES.test(code) && ranPastTimeout)) {
    return new GraphTimeoutError("The statement ran past the database's time limit and was stopped; ask for less, or try again.", cause);
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new GraphConstraintError((error as Error).message, cause);
  }
  if (ACQUISITION_TIMEOUT.test((error as Error | null)?.message ?? '')) {
    return new GraphUnavailableError('The graph database is busy: no connection came free in time; try again shortly.', cause);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || TERMINATED_CODES.test(code) || isRetryableError(error)) {
    return new GraphUnavailableError('The graph database is unavailable; try again shortly.', cause);
  }
  return error;
}
