import 'reflect-metadata';
import { validate } from 'class-validator';
import { GraphQLScalarType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { ArgumentValidationError, buildSchema } from 'type-graphql';
import { AgencyResolver, OfficialResolver } from '../domain/agency/agency.resolver';
import { ChangeResolver } from '../domain/change/change.resolver';
import { CountryResolver } from '../domain/country/country.resolver';
import { LineageResolver } from '../domain/lineage/lineage.resolver';
import { NodeResolver } from '../domain/node/node.resolver';
import { drawLineage } from '../domain/lineage/mermaid';
import { ProductResolver } from '../domain/product/product.resolver';
import { RuleMutationResolver } from '../domain/rule/rule.mutation.resolver';
import { RuleResolver } from '../domain/rule/rule.resolver';
import { SearchResolver } from '../domain/search/search.resolver';
import { TierMutationResolver } from '../domain/tier/tier.mutation.resolver';
import { TierResolver } from '../domain/tier/tier.resolver';
import { Context, requireEditor } from './context';
import { resolveFromParents } from './from-parent';

export const resolvers = [
  NodeResolver, CountryResolver, TierResolver, RuleResolver, LineageResolver, AgencyResolver, OfficialResolver,
  ProductResolver, SearchResolver, ChangeResolver, RuleMutationResolver, TierMutationResolver,
] as const;

/**
 * Checks an argument against its class-validator rules before its resolver runs. type-graphql's
 * own check would do the same, but it also runs on scalar objects (dates arrive as neo4j Date
 * objects, which have no rules) and re-requires class-validator on each call: on a page of 50
 * countries that is 50 wasted validations per nested field.
 */
async function validateArgument(value: unknown, type: unknown): Promise<void> {
  if (value === null || typeof value !== 'object' || type instanceof GraphQLScalarType) return;
  const items = (Array.isArray(value) ? value : [value]).filter((item) => item !== null && typeof item === 'object');
  const failures = (await Promise.all(items.map((item) => validate(item, { skipMissingProperties: true, forbidUnknownValues: false })))).flat();
  if (failures.length > 0) throw new ArgumentValidationError(failures);
}

/**
 * Builds the executable schema: input classes are validated with class-validator before any
 * resolver runs, and every field below the root reads what its root field's statement returned.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validateFn: validateArgument,
    // Runs before argument validation, so a write without a valid token fails as such and touches nothing.
    authChecker: ({ context }: { context: Context }) => Boolean(requireEditor(context)),
  });
  resolveFromParents(schema, { 'Lineage.mermaid': drawLineage });
  // type-graphql has no place for the root types' descriptions; they are set once, before first use.
  schema.getQueryType()!.description = 'Reads, open to everyone without a token.';
  schema.getMutationType()!.description = 'Writes: each needs an editor\'s token (`Authorization: Bearer <token>`), lands as one transaction and is recorded as a Change.';
  return schema;
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show only real API changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
