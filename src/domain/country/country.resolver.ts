import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { PageArgs, toConnection } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { Company } from '../product/product.type';
import { assignmentsOfCountry } from '../tier/tier.queries';
import { TierAssignment } from '../tier/tier.type';
import { CountryCodeArgs } from './country.input';
import { companiesOfCountry, countriesStatement, countryStatement } from './country.queries';
import { Country, CountryConnection } from './country.type';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: 'A country by ISO 3166-1 alpha-2 code; null when there is none.' })
  async country(@Args() { code }: CountryCodeArgs, @Ctx() { graph }: Context): Promise<Country | null> {
    const { query, params } = countryStatement(code);
    const [row] = await graph.read<{ country: Country }>(query, params);
    return row?.country ?? null;
  }

  @Query(() => CountryConnection, { description: 'All countries and territories, in code order.' })
  async countries(@Args() { first, after }: PageArgs, @Ctx() { graph }: Context) {
    const { query, params } = countriesStatement({ first, after });
    const [row] = await graph.read<{ countries: Country[]; totalCount: number }>(query, params);
    return toConnection(row.countries, first, row.totalCount, (country) => country.code);
  }

  @FieldResolver(() => [TierAssignment], { description: 'Tier memberships, oldest first; only those in force on asOf when it is given.' })
  tierAssignments(
    @Root() country: Country,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) asOf?: unknown,
  ) {
    return loaders.many<TierAssignment>(assignmentsOfCountry, country.id, { asOf: asOf ?? null });
  }

  @FieldResolver(() => [Company], { description: 'Companies based here.' })
  companies(@Root() country: Country, @Ctx() { loaders }: Context) {
    return loaders.many<Company>(companiesOfCountry, country.id);
  }
}
