import { Editors } from '../domain/editor/editors';
import { Handler, sendError } from './handlers';

/** How many requests one client may have in flight at once. */
export interface ConcurrencyLimits {
  /** Per client address, for requests without a valid editor token. */
  anonymous: number;
  /** Per editor, for requests with a valid editor token. */
  editor: number;
}

/** Seconds a refused client is told to wait: in-flight requests finish within a few. */
const RETRY_AFTER_SECONDS = 1;

/** The editor an Authorization header names, or null (no header, or a token that is not valid). */
function editorOf(editors: Editors, authorization: string | undefined): string | null {
  if (!authorization) return null;
  try {
    return editors.authenticate(authorization);
  } catch {
    return null;
  }
}

/**
 * Limits the requests each client has in flight: an anonymous client by its address, an editor by
 * name (a separate, usually higher allowance). One more is answered at once with 429, `Retry-After`
 * and a GraphQL error coded RATE_LIMITED, before its body is read. Counting requests in flight,
 * not requests per minute, bounds what one client holds of the Neo4j connection pool however fast
 * its queries are: express-rate-limit and its kin count per window, which does not.
 */
export function concurrencyLimit(limits: ConcurrencyLimits, editors: Editors): Handler {
  const inFlight = new Map<string, number>();
  return (req, res, next) => {
    const editor = editorOf(editors, req.headers.authorization);
    const key = editor === null ? `address:${req.socket.remoteAddress ?? 'unknown'}` : `editor:${editor}`;
    const allowance = editor === null ? limits.anonymous : limits.editor;
    const current = inFlight.get(key) ?? 0;
    if (current >= allowance) {
      sendError(
        res,
        429,
        `Too many requests in flight from this ${editor === null ? 'client' : 'editor'}: at most ${allowance} at once. Retry after ${RETRY_AFTER_SECONDS} s.`,
        { code: 'RATE_LIMITED', limit: allowance, retryAfterSeconds: RETRY_AFTER_SECONDS },
        { 'retry-after': String(RETRY_AFTER_SECONDS) },
      );
      return;
    }
    inFlight.set(key, current + 1);
    let released = false;
    // 'close' follows every response, finished or aborted, exactly once per request.
    res.once('close', () => {
      if (released) return;
      released = true;
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left > 0) inFlight.set(key, left);
      else inFlight.delete(key);
    });
    next();
  };
}
