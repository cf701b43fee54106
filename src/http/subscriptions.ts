import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Duplex } from 'node:stream';
import {
  DocumentNode, ExecutionArgs, getOperationAST, GraphQLError, GraphQLFormattedError, GraphQLSchema, parse, specifiedRules, validate,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ChangeFeed } from '../domain/change/change.feed';
import { SubscriptionContext } from '../domain/change/change.subscription.resolver';
import { Editors } from '../domain/editor/editors';
import { createContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { aliasLimitRule, costLimitPlugin, depthLimitRule, documentShapeProblem, Limits, MAX_ALIASES, MAX_TOKENS, MAX_VALIDATION_ERRORS } from '../graphql/limits';
import { Logger } from '../logger';
import { Graph } from '../neo4j/graph';
import { maskInternalErrors } from './observability';

/** Bounds on what one client may hold open; the defaults are what the service runs with. */
export interface SubscriptionLimits {
  /** Open WebSocket connections per client address; one more is refused with HTTP 429 before the upgrade. */
  maxConnectionsPerClient: number;
  /** Operations one connection may run at once; one more gets an error TOO_MANY_SUBSCRIPTIONS. */
  maxSubscriptionsPerConnection: number;
  /** Milliseconds between two reads of the change feed (one poller for the process, shared by all subscribers). */
  pollIntervalMs: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  maxConnectionsPerClient: 16,
  maxSubscriptionsPerConnection: 16,
  pollIntervalMs: 200,
};

export interface SubscriptionServerOptions {
  graph: Graph;
  schema: GraphQLSchema;
  editors: Editors;
  logger: Logger;
  limits: Limits;
  production: boolean;
  /** Browser origins allowed (as for CORS); same-origin and clients that send no Origin are allowed too. */
  corsOrigins: readonly string[];
  subscriptions?: Partial<SubscriptionLimits>;
}

/** A message a WebSocket frame may carry at most: more than any document the token limit lets through. */
const MAX_PAYLOAD_BYTES = 256 * 1024;
const CHANGE_PAGE_SIZE = 100;
/** Changes one subscriber may have waiting undelivered before it is ended (it can resubscribe with `after`). */
const MAX_BACKLOG = 10_000;

/** Answers an upgrade request with an HTTP error instead of a WebSocket, the GraphQL way: a coded error as JSON. */
function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string, code: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Whether a browser page at `origin` may open a socket: listed, or the same origin as the server it asked (the Host header). */
function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The error a document refused before it runs gets; its code is what clients switch on. */
function refused(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/**
 * Parses, validates and prices a document as the HTTP pipeline does (limits.ts): the same token
 * limit, shape check, depth and alias rules, and the cost plugin's pricing, which throws its coded
 * refusal. Returns the document, or the errors to answer with.
 */
async function checkDocument(schema: GraphQLSchema, limits: Limits, query: string, variables: Record<string, unknown>, operationName: string | null | undefined): Promise<DocumentNode | GraphQLError[]> {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: MAX_TOKENS });
  } catch (error) {
    return [refused(error instanceof Error ? error.message : String(error), 'GRAPHQL_PARSE_FAILED')];
  }
  const problem = documentShapeProblem(document, 2 * limits.maxDepth + 1);
  if (problem) return [refused(problem, 'QUERY_TOO_COMPLEX')];
  const errors = validate(schema, document, [...specifiedRules, depthLimitRule(limits.maxDepth), aliasLimitRule(MAX_ALIASES)], { maxErrors: MAX_VALIDATION_ERRORS });
  if (errors.length > 0) return errors.map((error) => refused(error.message, 'GRAPHQL_VALIDATION_FAILED'));
  if (!getOperationAST(document, operationName)) return [refused('The document has no operation of that name, or several and no operationName.', 'BAD_REQUEST')];
  const pricing = await costLimitPlugin(schema, limits).requestDidStart!({} as never);
  try {
    // The plugin's hook reads only the request's variables and operation name and the document.
    await pricing?.didResolveOperation?.({ request: { variables, operationName: operationName ?? undefined }, document } as never);
  } catch (error) {
    if (error instanceof GraphQLError) {
      const { http: _status, ...extensions } = error.extensions as Record<string, unknown>;
      return [new GraphQLError(error.message, { extensions })];
    }
    throw error;
  }
  return document;
}

export interface SubscriptionServer {
  /** Closes every socket (code 1001) and stops the change feed's poller. */
  close(): Promise<void>;
}

/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the HTTP server's /graphql: the same schema,
 * limits, editors and origin rules as HTTP. Upgrades bypass express, so CORS and compression never
 * see them; the origin and per-client checks are made here, before the socket is accepted.
 */
export function attachSubscriptions(httpServer: http.Server, options: SubscriptionServerOptions): SubscriptionServer {
  const settings = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.subscriptions };
  const feed = new ChangeFeed(options.graph, {
    intervalMs: settings.pollIntervalMs,
    pageSize: CHANGE_PAGE_SIZE,
    maxBacklog: MAX_BACKLOG,
    onError: (error) => options.logger.warn({ err: error }, 'reading the change feed failed; retrying'),
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  const perClient = new Map<string, number>();

  httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/graphql') return refuseUpgrade(socket, 404, 'Not Found', 'GraphQL over WebSocket is served at /graphql.', 'NOT_FOUND');
    if (!originAllowed(request.headers.origin, request.headers.host, options.corsOrigins)) {
      return refuseUpgrade(socket, 403, 'Forbidden', 'This origin may not open a WebSocket here (CORS_ORIGINS).', 'FORBIDDEN_ORIGIN');
    }
    const client = request.socket.remoteAddress ?? 'unknown';
    const open = perClient.get(client) ?? 0;
    if (open >= settings.maxConnectionsPerClient) {
      return refuseUpgrade(socket, 429, 'Too Many Requests', `At most ${settings.maxConnectionsPerClient} WebSocket connections per client.`, 'TOO_MANY_CONNECTIONS');
    }
    perClient.set(client, open + 1);
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
    };
    socket.once('close', release);
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.once('close', release);
      wss.emit('connection', ws, request);
    });
  });

  const format = (error: GraphQLError): GraphQLFormattedError => {
    const shaped = formatError(error.toJSON(), error);
    return options.production ? maskInternalErrors(shaped) : shaped;
  };

  const disposable = useServer(
    {
      schema: options.schema,
      onSubscribe: async (ctx, id, payload) => {
        if (Object.keys(ctx.subscriptions).length > settings.maxSubscriptionsPerConnection) {
          return [refused(`At most ${settings.maxSubscriptionsPerConnection} operations per connection at once.`, 'TOO_MANY_SUBSCRIPTIONS', { limit: settings.maxSubscriptionsPerConnection })];
        }
        const variables = payload.variables ?? {};
        const checked = await checkDocument(options.schema, options.limits, payload.query, variables, payload.operationName);
        if (Array.isArray(checked)) return checked;
        const authorization = ctx.connectionParams?.authorization;
        const contextValue: SubscriptionContext = {
          ...createContext(options.graph, `ws:${randomUUID()}:${id}`.slice(0, 64), options.editors, typeof authorization === 'string' ? authorization : undefined),
          changeFeed: feed,
        };
        const args: ExecutionArgs = { schema: options.schema, document: checked, variableValues: variables, operationName: payload.operationName, contextValue };
        return args;
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(format) } : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
    },
    wss,
  );

  return {
    async close() {
      // Sockets first: ending the feed first completes every subscription, and a lazy client then
      // closes its own socket (1000) before the server's "going away" (1001) reaches it.
      await disposable.dispose();
      await feed.close();
    },
  };
}
