import { execute, GraphQLSchema, parse } from 'graphql';
import { Context } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { Graph, NamedQuery } from '../../src/neo4j/graph';
import { testEditors } from './app';

export interface Translated {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

let schema: Promise<GraphQLSchema> | undefined;

/**
 * What a GraphQL document sends to Neo4j, without a database: the document runs through the
 * real schema and resolvers, and each statement is recorded (and answered with no rows).
 */
export async function translate(document: string, variables?: Record<string, unknown>): Promise<{ statements: Translated[]; errors: string[] }> {
  schema ??= createSchema();
  const statements: Translated[] = [];
  const recorder = {
    read: async (query: NamedQuery, params: Record<string, unknown>) => {
      statements.push({ name: query.name, cypher: query.cypher, params });
      return [];
    },
  } as unknown as Graph;
  const context: Context = { graph: recorder, requestId: 'translation', editors: testEditors };
  const result = await execute({ schema: await schema, document: parse(document), variableValues: variables ?? {}, contextValue: context });
  // Non-null roots answered with no rows fail after their statement was recorded; only other errors matter here.
  const errors = (result.errors ?? []).map((error) => error.message).filter((message) => !/Cannot return null for non-nullable|No rule has id/.test(message));
  return { statements, errors };
}
