import { ApolloServer } from '@apollo/server';
import { GraphQLSchema } from 'graphql';
import { Context, createContext } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { apolloOptionsFrom, createApollo } from '../../src/http/server';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { Graph } from '../../src/neo4j/graph';
import { Editors } from '../../src/domain/editor/editors';

/**
 * A driver on the Neo4j that global setup started, for fixtures and checks. Its statements may run
 * long on a machine whose cores are busy (a seed reload, a fixture), which is no failure of the service.
 */
export function connectTestGraph(): Graph {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: the jest global setup did not start Neo4j');
  return Graph.connect({ uri, user: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 120_000 });
}

let schema: Promise<GraphQLSchema> | undefined;

/** The service's defaults, quiet; `env` overrides settings as the environment would. */
export function testApolloOptions(env: Record<string, string> = {}) {
  return apolloOptionsFrom(loadConfig({ LOG_LEVEL: 'silent', ...env }), createLogger('silent'));
}

/** Editors the tests write as. */
export const testEditors = Editors.parse('alice:s3cret,bob:t0ken');

/** The real schema and Apollo Server, over the test Neo4j; close() releases the driver. */
export async function createTestApp() {
  schema ??= createSchema();
  const graph = connectTestGraph();
  const apollo = createApollo(await schema, testApolloOptions());
  await apollo.start();

  /** Runs an operation through Apollo and returns its single result. */
  async function execute(query: string, variables: Record<string, unknown> = {}, authorization?: string) {
    const response = await apollo.executeOperation<Record<string, any>>(
      { query, variables },
      { contextValue: createContext(graph, 'test', testEditors, authorization) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  }

  return {
    graph,
    apollo,
    execute,
    close: async () => {
      await apollo.stop();
      await graph.close();
    },
  } as { graph: Graph; apollo: ApolloServer<Context>; execute: typeof execute; close(): Promise<void> };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Registers hooks that hold a test app for the enclosing describe. */
export function useTestApp(): TestApp {
  const handle = {} as TestApp;
  beforeAll(async () => {
    Object.assign(handle, await createTestApp());
  });
  afterAll(() => handle.close());
  return handle;
}

/** Runs an operation that must succeed and returns its data. */
export async function dataOf(app: TestApp, query: string, variables?: Record<string, unknown>, authorization?: string) {
  const result = await app.execute(query, variables, authorization);
  expect(result.errors).toBeUndefined();
  return result.data!;
}
