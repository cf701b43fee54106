import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AgencyResolver, OfficialActionResolver, OfficialResolver } from '../domain/agency/agency.resolver';
import { ChangeResolver } from '../domain/change/change.resolver';
import { CountryResolver } from '../domain/country/country.resolver';
import { LineageResolver } from '../domain/lineage/lineage.resolver';
import { NodeResolver } from '../domain/node/node.resolver';
import { ChipProductResolver, CompanyResolver } from '../domain/product/product.resolver';
import { RuleMutationResolver } from '../domain/rule/rule.mutation.resolver';
import { RuleResolver } from '../domain/rule/rule.resolver';
import { TouchResolver } from '../domain/rule/touch.resolver';
import { SearchResolver } from '../domain/search/search.resolver';
import { TierMutationResolver } from '../domain/tier/tier.mutation.resolver';
import { TierAssignmentResolver, TierResolver } from '../domain/tier/tier.resolver';
import { Context, requireEditor } from './context';

export const resolvers = [
  NodeResolver, CountryResolver, TierResolver, TierAssignmentResolver, RuleResolver, TouchResolver, LineageResolver,
  AgencyResolver, OfficialResolver, OfficialActionResolver, ChipProductResolver, CompanyResolver, SearchResolver,
  ChangeResolver, RuleMutationResolver, TierMutationResolver,
] as const;

/** Builds the executable schema; input classes are validated with class-validator before any resolver runs. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    // Runs before argument validation, so a write without a valid token fails as such and touches nothing.
    authChecker: ({ context }: { context: Context }) => Boolean(requireEditor(context)),
  });
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show only real API changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
