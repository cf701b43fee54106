import 'reflect-metadata';
import { validate } from 'class-validator';
import { GraphQLField, GraphQLScalarType, GraphQLSchema, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { ArgumentValidationError, buildSchema } from 'type-graphql';
import { AgencyMutationResolver } from '../domain/agency/agency.mutation.resolver';
import { AgencyResolver, OfficialResolver } from '../domain/agency/agency.resolver';
import { ChangeResolver } from '../domain/change/change.resolver';
import { ChangeSubscriptionResolver } from '../domain/change/change.subscription.resolver';
import { CountryResolver } from '../domain/country/country.resolver';
import { CountryGroupResolver } from '../domain/country-group/country-group.resolver';
import { CountryGroupMutationResolver } from '../domain/country-group/country-group.mutation.resolver';
import { EccnResolver } from '../domain/eccn/eccn.resolver';
import { EccnMutationResolver } from '../domain/eccn/eccn.mutation.resolver';
import { FactMutationResolver } from '../domain/fact/fact.mutation.resolver';
import { HistoryResolver } from '../domain/history/history.resolver';
import { LineageResolver } from '../domain/lineage/lineage.resolver';
import { NodeResolver } from '../domain/node/node.resolver';
import { drawLineage } from '../domain/lineage/mermaid';
import { ListingMutationResolver } from '../domain/listing/listing.mutation.resolver';
import { ProductMutationResolver } from '../domain/product/product.mutation.resolver';
import { ChipProductResolver, CompanyResolver, ProductResolver } from '../domain/product/product.resolver';
import { RuleMutationResolver } from '../domain/rule/rule.mutation.resolver';
import { RuleResolver } from '../domain/rule/rule.resolver';
import { TouchMutationResolver } from '../domain/rule/touch.mutation.resolver';
import { SearchResolver } from '../domain/search/search.resolver';
import { SourceResolver } from '../domain/source/source.resolver';
import { SourceMutationResolver } from '../domain/source/source.mutation.resolver';
import { TierMutationResolver } from '../domain/tier/tier.mutation.resolver';
import { TierResolver } from '../domain/tier/tier.resolver';
import { ImportMutationResolver } from '../import/records/records.mutation.resolver';
import { listCap } from '../read/caps';
import { textLookupNote } from './limits';
import { Context, requireEditor } from './context';
import { cursorOf, resolveFromParents } from './from-parent';

export const resolvers = [
  NodeResolver, CountryResolver, TierResolver, RuleResolver, LineageResolver, AgencyResolver, OfficialResolver,
  ProductResolver, SearchResolver, ChangeResolver, RuleMutationResolver, TierMutationResolver,
  EccnResolver, CountryGroupResolver, ChipProductResolver, CompanyResolver, SourceResolver,
  HistoryResolver, ChangeSubscriptionResolver, EccnMutationResolver, CountryGroupMutationResolver, SourceMutationResolver, FactMutationResolver,
  ProductMutationResolver, AgencyMutationResolver, TouchMutationResolver, ListingMutationResolver, ImportMutationResolver,
] as const;

/** type-graphql wants a PubSub once there is a subscription; ours name `subscribe`, never topics. */
const noTopics = {
  publish: () => {
    throw new Error('No subscription is published by topic.');
  },
  subscribe: () => {
    throw new Error('No subscription is published by topic.');
  },
};

/** An explicit null for an argument with a default means that default: the ArgsType's field initialisers. */
function defaultNulls(value: object): void {
  if (value.constructor === Object) return;
  const given = value as Record<string, unknown>;
  const defaults = new (value.constructor as new () => Record<string, unknown>)();
  for (const [key, fallback] of Object.entries(defaults)) {
    if (given[key] === null && fallback !== undefined) given[key] = fallback;
  }
}

/**
 * Checks an argument against its class-validator rules before its resolver runs. type-graphql's
 * own check would do the same, but it also runs on scalar objects (dates arrive as neo4j Date
 * objects, which have no rules) and re-requires class-validator on each call: on a page of 50
 * countries that is 50 wasted validations per nested field.
 */
async function validateArgument(value: unknown, type: unknown): Promise<void> {
  if (value === null || typeof value !== 'object' || type instanceof GraphQLScalarType) return;
  const items = (Array.isArray(value) ? value : [value]).filter((item) => item !== null && typeof item === 'object');
  items.forEach(defaultNulls);
  const failures = (await Promise.all(items.map((item) => validate(item, { skipMissingProperties: true, forbidUnknownValues: false })))).flat();
  if (failures.length > 0) throw new ArgumentValidationError(failures);
}

/** What a field adds to an operation's cost (see limits.ts), or null when it is priced as any object or scalar. */
function costNote(typeName: string, field: GraphQLField<unknown, unknown>): string | null {
  const cap = listCap(typeName, field.name);
  const paged = field.args.some((arg) => arg.name === 'first');
  if (cap === 'page') return 'Cost: the rows of the page, counted by the field that returned it.';
  if (typeof cap === 'number') {
    return paged
      ? `Cost: \`first\` rows (at most ${cap}) times one row.`
      : `Cost: at most ${cap} rows, priced as ${cap} times one row.`;
  }
  if (paged) return 'Cost: 1 plus `first` times one item.';
  if (field.args.some((arg) => arg.name === 'maxDepth')) return 'Cost: 1 plus maxDepth x 10 plus what is selected.';
  return null;
}

/** States the cost model in the description of every list and page, from the caps table: clients read it in the SDL. */
function describeCosts(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const note = [costNote(type.name, field), textLookupNote(field)].filter(Boolean).join(' ');
      if (note) field.description = field.description ? `${field.description} ${note}` : note;
    }
  }
}

/**
 * Builds the executable schema: input classes are validated with class-validator before any
 * resolver runs, and every field below the root reads what its root field's statement returned.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validateFn: validateArgument,
    // Subscriptions bring their own source (Subscription.changed follows the change feed); no topics are published.
    pubSub: noTopics,
    // Runs before argument validation, so a write without a valid token fails as such and touches nothing.
    authChecker: ({ context }: { context: Context }) => Boolean(requireEditor(context)),
  });
  resolveFromParents(schema, { 'Lineage.mermaid': drawLineage, 'SupportedFact.cursor': cursorOf });
  describeCosts(schema);
  // type-graphql has no place for the root types' descriptions; they are set once, before first use.
  schema.getQueryType()!.description = 'Reads, open to everyone without a token.';
  schema.getSubscriptionType()!.description = 'Live reads over WebSocket (graphql-ws) at /graphql: the change feed as it commits. Open to everyone; limits as for queries.';
  schema.getMutationType()!.description = 'Writes: each needs an editor\'s token (`Authorization: Bearer <token>`), lands as one transaction and is recorded as a Change.';
  return schema;
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show only real API changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
