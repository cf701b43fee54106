import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { Context, createContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { Editors } from '../domain/editor/editors';
import { Logger } from '../logger';
import { Graph } from '../neo4j/graph';

export interface ServerOptions {
  graph: Graph;
  schema: GraphQLSchema;
  logger: Logger;
  editors: Editors;
  bodyLimit?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  apollo: ApolloServer<Context>;
  /** Stops taking requests, lets those in flight finish, then resolves. */
  stop(): Promise<void>;
}

export function createApollo(schema: GraphQLSchema, httpServer?: http.Server): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    formatError,
    plugins: httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : [],
  });
}

/** GraphQL at /graphql and a health check at /health, on one HTTP server. */
export async function startServer(options: ServerOptions, port: number, host: string): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = createApollo(options.schema, httpServer);
  await apollo.start();

  app.get('/health', async (_req, res) => {
    const reachable = await options.graph.isReachable();
    res.status(reachable ? 200 : 503).json({ status: reachable ? 'ok' : 'unavailable', neo4j: reachable });
  });
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(options.graph, req.header('x-request-id') ?? randomUUID(), options.editors, req.header('authorization')),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address() as AddressInfo;
  const url = `http://${host}:${address.port}/graphql`;
  options.logger.info({ url }, 'GraphQL server listening');
  return { url, port: address.port, apollo, stop: () => apollo.stop() };
}
