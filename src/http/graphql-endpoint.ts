import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import bodyParser from 'body-parser';
import { parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import { Editors } from '../domain/editor/editors';
import { Context, createContext } from '../graphql/context';
import { documentShapeProblem, MAX_TOKENS } from '../graphql/limits';
import { Graph } from '../neo4j/graph';
import { noStoreByDefault } from './caching';
import { answerHandlerError, Handler, runHandlers, sendError } from './handlers';

export interface EndpointOptions {
  graph: Graph;
  editors: Editors;
  bodyLimit: string;
  maxDepth: number;
}

/** /graphql: the handlers every request to it passes, and Apollo at their end. */
export interface GraphqlEndpoint {
  /** After the app-wide ones and before Apollo: caching default, body, costly documents. */
  handlers: Handler[];
  /** The context of one request: its id (the client's `x-request-id` when well formed), the graph and the editors. */
  context(req: http.IncomingMessage, res: http.ServerResponse): Promise<Context>;
  /**
   * Serves one POST with `leading` (the app-wide and limiting handlers), `handlers` and Apollo, without
   * Express: POST is every query a client sends from code, and Express's routing and response helpers
   * cost about a third of such a request's CPU (bench/README.md, round eight). GETs keep Express, which
   * adds the ETag and answers If-None-Match.
   */
  servePost(leading: Handler[]): http.RequestListener;
}

/** Whether a request is a POST to /graphql, which the server answers without Express (see servePost). */
export function isGraphqlPost(req: http.IncomingMessage): boolean {
  return req.method === 'POST' && /^\/graphql\/?(\?|$)/i.test(req.url ?? '');
}

export function graphqlEndpoint(apollo: ApolloServer<Context>, options: EndpointOptions): GraphqlEndpoint {
  const handlers = [noStoreByDefault, bodyParser.json({ limit: options.bodyLimit }) as Handler, refuseCostlyDocuments(options.maxDepth)];
  const context = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    return createContext(options.graph, requestId, options.editors, req.headers.authorization);
  };
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const search = req.url!.includes('?') ? req.url!.slice(req.url!.indexOf('?')) : '';
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search, body: (req as { body?: unknown }).body },
      context: () => context(req, res),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // Said outright: compression's wrapper of end() would otherwise send the answer chunked.
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return {
    handlers,
    context,
    servePost: (leading) => {
      const all = [...leading, ...handlers];
      return (req, res) => runHandlers(all, req, res, (error) => {
        if (error) return answerHandlerError(error, res);
        answer(req, res).catch((failure: unknown) => answerHandlerError(failure, res));
      });
    },
  };
}

/**
 * Refuses, before Apollo validates it, a document whose validation alone would take seconds (see
 * documentShapeProblem). Parsing it here is bounded by the same token limit; a document that does
 * not parse is left to Apollo, which refuses it the same way.
 */
function refuseCostlyDocuments(maxDepth: number): Handler {
  // Inline fragments nest selection sets without adding depth: allow one of them per level.
  const maxNesting = 2 * maxDepth + 1;
  // The verdict depends on the text alone: a repeated query is not parsed again here.
  const verdicts = new LRUCache<string, { problem: string | null }>({ maxSize: 16 * 1024 * 1024, sizeCalculation: (_verdict, query) => query.length + 64 });
  return (req, res, next) => {
    const query: unknown = req.method === 'GET' ? new URLSearchParams(req.url!.split('?')[1] ?? '').get('query') : (req as { body?: { query?: unknown } }).body?.query;
    if (typeof query !== 'string') return next();
    let verdict = verdicts.get(query);
    if (!verdict) {
      try {
        verdict = { problem: documentShapeProblem(parse(query, { noLocation: true, maxTokens: MAX_TOKENS }), maxNesting) };
      } catch {
        return next();
      }
      verdicts.set(query, verdict);
    }
    const { problem } = verdict;
    if (!problem) return next();
    sendError(res, 400, problem, { code: 'QUERY_TOO_COMPLEX' });
  };
}
