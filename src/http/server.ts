import { randomUUID } from 'node:crypto';
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
import { Context, createContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { costLimitPlugin, depthLimitRule, Limits } from '../graphql/limits';
import { Logger } from '../logger';
import { Graph } from '../neo4j/graph';
import { mountExplorer } from './explorer';
import { maskInternalErrors, requestLogPlugin } from './observability';

export interface ApolloOptions {
  logger: Logger;
  limits: Limits;
  /** Masks internal errors and hides schema details in client errors. */
  production: boolean;
  /** Introspection and the landing page. */
  introspection: boolean;
}

export interface ServerOptions extends ApolloOptions {
  graph: Graph;
  schema: GraphQLSchema;
  editors: Editors;
  bodyLimit: string;
}

export interface RunningServer {
  url: string;
  port: number;
  apollo: ApolloServer<Context>;
  /** Stops taking requests, lets those in flight finish, then resolves. */
  stop(): Promise<void>;
}

/** The Apollo settings the configuration asks for. */
export function apolloOptionsFrom(config: Config, logger: Logger): ApolloOptions & { bodyLimit: string } {
  const production = config.NODE_ENV === 'production';
  return {
    logger,
    production,
    introspection: config.INTROSPECTION ?? !production,
    limits: { maxDepth: config.MAX_DEPTH, maxCost: config.MAX_COST },
    bodyLimit: config.BODY_LIMIT,
  };
}

export function createApollo(schema: GraphQLSchema, options: ApolloOptions, httpServer?: http.Server): ApolloServer<Context> {
  const plugins: ApolloServerPlugin<Context>[] = [
    costLimitPlugin(schema, options.limits),
    requestLogPlugin(options.logger),
    options.introspection ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    // No field carries cache hints; the default cache-control plugin would still wrap every field resolver.
    ApolloServerPluginCacheControlDisabled(),
  ];
  if (httpServer) plugins.push(ApolloServerPluginDrainHttpServer({ httpServer }));
  return new ApolloServer<Context>({
    schema,
    plugins,
    validationRules: [depthLimitRule(options.limits.maxDepth)],
    introspection: options.introspection,
    // Bounds the work validation itself may do on a hostile document.
    maxRecursiveSelections: 10_000,
    hideSchemaDetailsFromClientErrors: options.production,
    includeStacktraceInErrorResponses: !options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const shaped = formatError(formatted, error);
      return options.production ? maskInternalErrors(shaped) : shaped;
    },
  });
}

/** GraphQL at /graphql and a health check at /health, on one HTTP server. */
export async function startServer(options: ServerOptions, port: number, host: string): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = createApollo(options.schema, options, httpServer);
  await apollo.start();

  app.get('/health', async (_req, res) => {
    const reachable = await options.graph.isReachable();
    res.status(reachable ? 200 : 503).json({ status: reachable ? 'ok' : 'unavailable', neo4j: reachable });
  });
  mountExplorer(app, options);
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = /^[\w.-]{1,64}$/.test(req.header('x-request-id') ?? '') ? req.header('x-request-id')! : randomUUID();
        res.setHeader('x-request-id', requestId);
        return createContext(options.graph, requestId, options.editors, req.header('authorization'));
      },
    }),
  );
  // Body-parser failures (bad JSON, too large) answer as GraphQL errors with a code, not HTML.
  app.use((error: { status?: number; type?: string; message: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!error.status || error.status >= 500) return next(error);
    const code = error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    res.status(error.status).json({ errors: [{ message: error.message, extensions: { code } }] });
  });

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address() as AddressInfo;
  const url = `http://${host}:${address.port}/graphql`;
  options.logger.info({ url }, 'GraphQL server listening');
  return { url, port: address.port, apollo, stop: () => apollo.stop() };
}
