import http from 'node:http';

/**
 * A connect-style handler on Node's own request and response: Express runs it as middleware, and the
 * POST path of /graphql (graphql-endpoint.ts) runs it without Express.
 */
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: (error?: unknown) => void) => void;

/** Runs the handlers in turn; `done` follows the last one's next(), or the first next(error). */
export function runHandlers(handlers: readonly Handler[], req: http.IncomingMessage, res: http.ServerResponse, done: (error?: unknown) => void): void {
  const step = (index: number) => (error?: unknown) => {
    if (error || index === handlers.length) return done(error);
    try {
      handlers[index](req, res, step(index + 1));
    } catch (thrown) {
      done(thrown);
    }
  };
  step(0)();
}

/** Ends the response with one coded GraphQL error: a refusal made before Apollo sees the request. */
export function sendError(res: http.ServerResponse, status: number, message: string, extensions: { code: string } & Record<string, unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ errors: [{ message, extensions }] });
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * A handler's failure as a coded GraphQL error: the body parser's (bad JSON, too large) with its
 * status, anything else as a 500 that names nothing internal. The POST path of /graphql and the
 * Express app both end with it.
 */
export function answerHandlerError(error: unknown, res: http.ServerResponse): void {
  const { status, type } = error as { status?: number; type?: string };
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (status && status < 500) {
    sendError(res, status, (error as Error).message, { code: type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' });
    return;
  }
  sendError(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
}
