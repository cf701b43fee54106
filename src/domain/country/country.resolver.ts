import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { PageArgs, toConnection } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { Company } from '../product/product.type';
import { primeNested, requestedNested, withNested } from '../../graphql/prefetch';
import { TierAssignment } from '../tier/tier.type';
import { CountryCodeArgs } from './country.input';
import { companiesOfCountry, countriesStatement, countryStatement, tierAssignmentsOfCountry } from './country.queries';
import { Country, CountryConnection } from './country.type';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: 'A country by ISO 3166-1 alpha-2 code; null when there is none.' })
  async country(@Args() { code }: CountryCodeArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Country | null> {
    const nested = requestedNested(info, [], [tierAssignmentsOfCountry]);
    const { query, params } = withNested(countryStatement(code), { column: 'country', many: false }, nested);
    const [row] = await context.graph.read<{ country: Country }>(query, params);
    if (row) primeNested(context, nested, row);
    return row?.country ?? null;
  }

  @Query(() => CountryConnection, { description: 'All countries and territories, in code order.' })
  async countries(@Args() { first, after }: PageArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const nested = requestedNested(info, ['edges', 'node'], [tierAssignmentsOfCountry]);
    const { query, params } = withNested(countriesStatement({ first, after }), { column: 'countries', many: true }, nested);
    const [row] = await context.graph.read<{ countries: Country[]; totalCount: number }>(query, params);
    primeNested(context, nested, row);
    return toConnection(row.countries, first, row.totalCount, (country) => country.code);
  }

  @FieldResolver(() => [TierAssignment], { description: 'Tier memberships, oldest first; only those in force on asOf when it is given.' })
  async tierAssignments(
    @Root() country: Country,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) asOf?: unknown,
  ) {
    const held = await loaders.many<Omit<TierAssignment, 'country'>>(tierAssignmentsOfCountry.query, country.id, tierAssignmentsOfCountry.params({ asOf }));
    return held.map((assignment): TierAssignment => ({ ...assignment, country }));
  }

  @FieldResolver(() => [Company], { description: 'Companies based here.' })
  companies(@Root() country: Country, @Ctx() { loaders }: Context) {
    return loaders.many<Company>(companiesOfCountry, country.id);
  }
}
