import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CountryResolver } from '../domain/country/country.resolver';

export const resolvers = [CountryResolver] as const;

/** Builds the executable schema; input classes are validated with class-validator before any resolver runs. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show only real API changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
