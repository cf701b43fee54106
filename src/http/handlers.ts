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

/** Ends the response with a JSON body (a refusal made before Apollo sees the request). */
export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
