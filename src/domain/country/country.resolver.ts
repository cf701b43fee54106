import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { PageArgs } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { pageOf } from '../../read/page';
import { readField, readRoot } from '../read';
import { TierAssignment } from '../tier/tier.type';
import { CountryGroupMembership } from '../country-group/country-group.type';
import { CountryCodeArgs } from './country.input';
import { countriesPage, countryByCode } from './country.read';
import { Country, CountryConnection } from './country.type';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: 'A country by ISO 3166-1 alpha-2 code; null when there is none.' })
  country(@Args() { code }: CountryCodeArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, countryByCode(code.toUpperCase()));
  }

  @Query(() => CountryConnection, { description: 'All countries and territories, in code order.' })
  countries(@Args() args: PageArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const { first, after } = pageOf(args, 'countryCode');
    return readRoot(context, info, countriesPage(first, after));
  }

  @FieldResolver(() => [TierAssignment], { description: 'Tier memberships, oldest first; only those in force on asOf when it is given.' })
  tierAssignments(@Root() country: Country, @Info() info: GraphQLResolveInfo, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) _asOf?: unknown) {
    return readField(country, info);
  }

  @FieldResolver(() => [CountryGroupMembership], { description: 'Country-group memberships, oldest first; those in force on asOf when given.' })
  groups(@Root() country: Country, @Info() info: GraphQLResolveInfo, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) _asOf?: unknown) {
    return readField(country, info);
  }
}
