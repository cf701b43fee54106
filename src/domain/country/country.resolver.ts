import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { decodeCursor, PageArgs, toConnection } from '../../graphql/pagination';
import { CountryCodeArgs } from './country.input';
import { countriesPage, countryByCode } from './country.queries';
import { Country, CountryConnection } from './country.type';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: 'A country by ISO 3166-1 alpha-2 code; null when there is none.' })
  async country(@Args() { code }: CountryCodeArgs, @Ctx() { graph }: Context): Promise<Country | null> {
    const [row] = await graph.read<{ country: Country }>(countryByCode, { code: code.toUpperCase() });
    return row?.country ?? null;
  }

  @Query(() => CountryConnection, { description: 'All countries and territories, in code order.' })
  async countries(@Args() { first, after }: PageArgs, @Ctx() { graph }: Context) {
    const params = { after: decodeCursor(after), limit: first + 1 };
    const [row] = await graph.read<{ countries: Country[]; totalCount: number }>(countriesPage, params);
    return toConnection(row.countries, first, row.totalCount, (country) => country.code);
  }
}
