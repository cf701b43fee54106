import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { Config } from '../config';
import { Editors } from '../domain/editor/editors';
import { Context } from '../graphql/context';
import { formatError, withoutSuggestions } from '../graphql/errors';
import {
  aliasLimitRule, costLimitPlugin, depthLimitRule, knownOperationTypeRule, Limits, MAX_ALIASES, MAX_TOKENS, MAX_VALIDATION_ERRORS, reservedNamesRule,
} from '../graphql/limits';
import { Logger } from '../logger';
import { Graph } from '../neo4j/graph';
import { httpCachePlugin } from './caching';
import { compiledExecution } from './compiled-execution';
import { concurrencyLimit, ConcurrencyLimits } from './concurrency';
import { corsMiddleware } from './cors';
import { mountExplorer } from './explorer';
import { exportRoutes } from './exports';
import { graphqlEndpoint, isGraphqlPost } from './graphql-endpoint';
import { answerHandlerError, Handler } from './handlers';
import { maskInternalErrors, requestLogPlugin } from './observability';
import { persistedQueryErrorsPlugin } from './persisted-queries';
import { compressResponses, securityHeaders } from './security';
import { requestErrorStatusPlugin } from './status';
import { attachSubscriptions, SubscriptionLimits } from './subscriptions';

export interface ApolloOptions {
  logger: Logger;
  limits: Limits;
  /** Masks internal errors and hides schema details in client errors. */
  production: boolean;
  /** Introspection and the landing page. */
  introspection: boolean;
  /** Seconds a cache may keep a read-only GET answer. */
  cacheMaxAge: number;
  /** Queries compiled by graphql-jit (compiled-execution.ts), or executed by graphql-js. */
  execution: 'compiled' | 'graphql-js';
}

export interface ServerOptions extends ApolloOptions {
  graph: Graph;
  schema: GraphQLSchema;
  editors: Editors;
  bodyLimit: string;
  /** Browser origins allowed by CORS; empty means same-origin only. */
  corsOrigins: readonly string[];
  /** Requests in flight per anonymous client and per editor. */
  concurrency: ConcurrencyLimits;
  /** Most rows one list export under /export may have; 10,000 when left out. */
  exportMaxRows?: number;
  /** Bounds on WebSocket clients (subscriptions.ts); its defaults when left out. */
  subscriptions?: Partial<SubscriptionLimits>;
}

export interface RunningServer {
  url: string;
  port: number;
  apollo: ApolloServer<Context>;
  /** Stops taking requests, lets those in flight finish, then resolves. */
  stop(): Promise<void>;
}

/** Rows one list export may have unless EXPORT_MAX_ROWS says otherwise. */
export const DEFAULT_EXPORT_MAX_ROWS = 10_000;

/** The Apollo settings the configuration asks for. */
export function apolloOptionsFrom(config: Config, logger: Logger): ApolloOptions & Pick<ServerOptions, 'bodyLimit' | 'corsOrigins' | 'concurrency' | 'exportMaxRows'> {
  const production = config.NODE_ENV === 'production';
  return {
    logger,
    production,
    introspection: config.INTROSPECTION ?? !production,
    limits: { maxDepth: config.MAX_DEPTH, maxCost: config.MAX_COST },
    cacheMaxAge: config.CACHE_MAX_AGE,
    execution: config.GRAPHQL_EXECUTION,
    bodyLimit: config.BODY_LIMIT,
    corsOrigins: config.CORS_ORIGINS ?? [],
    concurrency: { anonymous: config.MAX_IN_FLIGHT, editor: config.MAX_IN_FLIGHT_EDITOR },
    exportMaxRows: config.EXPORT_MAX_ROWS,
  };
}

export function createApollo(schema: GraphQLSchema, options: ApolloOptions, httpServer?: http.Server): ApolloServer<Context> {
  const plugins: ApolloServerPlugin<Context>[] = [
    persistedQueryErrorsPlugin(),
    costLimitPlugin(schema, options.limits),
    requestLogPlugin(options.logger),
    httpCachePlugin(options.cacheMaxAge),
    requestErrorStatusPlugin(),
    options.introspection ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    // No field carries cache hints; the default cache-control plugin would still wrap every field resolver.
    ApolloServerPluginCacheControlDisabled(),
  ];
  if (httpServer) plugins.push(ApolloServerPluginDrainHttpServer({ httpServer }));
  return new ApolloServer<Context>({
    ...(options.execution === 'compiled' ? { gateway: compiledExecution(schema) } : { schema }),
    plugins,
    validationRules: [depthLimitRule(options.limits.maxDepth), aliasLimitRule(MAX_ALIASES), reservedNamesRule, knownOperationTypeRule],
    introspection: options.introspection,
    // Bound the work one document can ask for before anything runs: parsing stops at MAX_TOKENS,
    // validation at a few errors and at 10,000 selections with fragments expanded.
    parseOptions: { maxTokens: MAX_TOKENS },
    validationOptions: { maxErrors: MAX_VALIDATION_ERRORS },
    maxRecursiveSelections: 10_000,
    hideSchemaDetailsFromClientErrors: options.production,
    includeStacktraceInErrorResponses: !options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const shaped = formatError(formatted, error);
      return options.production ? maskInternalErrors(withoutSuggestions(shaped)) : shaped;
    },
  });
}

/** GraphQL at /graphql, exports under /export and a health check at /health, on one HTTP server. */
export async function startServer(options: ServerOptions, port: number, host: string): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  // Byte-identical answers to a repeated GET get the same ETag, and If-None-Match a 304.
  app.set('etag', 'strong');
  // Security headers (CSP and the rest) and compression on every response: see security.ts.
  const everyResponse = [securityHeaders(), compressResponses()];
  app.use(...everyResponse);
  let servePost: http.RequestListener | undefined;
  const httpServer = http.createServer((req, res) => (servePost && isGraphqlPost(req) ? servePost(req, res) : app(req, res)));
  // Keep idle sockets open longer than clients and proxies do (Node's 5 s default): a client that reuses
  // a socket the server is closing at that moment sees ECONNRESET, which a loaded machine makes likely.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const apollo = createApollo(options.schema, options, httpServer);
  await apollo.start();
  const endpoint = graphqlEndpoint(apollo, { graph: options.graph, editors: options.editors, bodyLimit: options.bodyLimit, maxDepth: options.limits.maxDepth });

  app.get('/health', async (_req, res) => {
    const reachable = await options.graph.isReachable();
    res.status(reachable ? 200 : 503).json({ status: reachable ? 'ok' : 'unavailable', neo4j: reachable });
  });
  mountExplorer(app, options);
  // One count of requests in flight per client for /graphql and /export together.
  const limited: Handler[] = [corsMiddleware(options.corsOrigins), concurrencyLimit(options.concurrency, options.editors)];
  app.use(
    '/export',
    ...limited,
    exportRoutes({ apollo, graph: options.graph, editors: options.editors, logger: options.logger, maxRows: options.exportMaxRows ?? DEFAULT_EXPORT_MAX_ROWS }),
  );
  app.use('/graphql', ...limited, ...endpoint.handlers, expressMiddleware(apollo, { context: ({ req, res }) => endpoint.context(req, res) }));
  servePost = endpoint.servePost([...everyResponse, ...limited]);
  // Body-parser failures (bad JSON, too large) answer as GraphQL errors with a code, not HTML.
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => answerHandlerError(error, res));

  // GraphQL over WebSocket on the same port and path; stop() closes its sockets before draining HTTP.
  const subscriptions = attachSubscriptions(httpServer, options);
  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address() as AddressInfo;
  const url = `http://${host}:${address.port}/graphql`;
  options.logger.info({ url }, 'GraphQL server listening');
  return { url, port: address.port, apollo, stop: async () => {
    await subscriptions.close();
    await apollo.stop();
  } };
}
