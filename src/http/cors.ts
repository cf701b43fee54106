import cors from 'cors';
import { Handler } from './handlers';

/**
 * CORS for /graphql: only the listed origins get `Access-Control-Allow-Origin` (none when the list
 * is empty, so browsers keep other sites out). Every preflight is answered here with 204, before
 * Apollo's CSRF prevention would refuse an OPTIONS request; CSRF prevention still guards every
 * other request. No credentials mode: editors send a bearer token in `Authorization`, never a cookie.
 */
export function corsMiddleware(origins: readonly string[]): Handler {
  return cors({
    origin: [...origins],
    methods: ['GET', 'POST'],
    // apollo-require-preflight lets a browser GET pass CSRF prevention; x-request-id is the client's own id.
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
