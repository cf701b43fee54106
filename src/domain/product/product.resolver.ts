import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { expectIdOf } from '../../graphql/entity';
import { IdArgs } from '../../graphql/id.args';
import { Country } from '../country/country.type';
import * as q from './product.queries';
import { ChipProduct, Company } from './product.type';

@Resolver(() => ChipProduct)
export class ChipProductResolver {
  @Query(() => ChipProduct, { nullable: true, description: 'A chip product by id; null when there is none.' })
  async chipProduct(@Args() { id }: IdArgs, @Ctx() { graph }: Context): Promise<ChipProduct | null> {
    expectIdOf('chipProduct', id, 'id');
    const [row] = await graph.read<{ product: ChipProduct }>(q.chipProductById, { id });
    return row?.product ?? null;
  }

  @FieldResolver(() => Company, { nullable: true, description: 'Who designs and sells it.' })
  maker(@Root() product: ChipProduct, @Ctx() { loaders }: Context) {
    return loaders.one<Company>(q.makerOfProduct, product.id);
  }
}

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => Company, { nullable: true, description: 'A company by id; null when there is none.' })
  async company(@Args() { id }: IdArgs, @Ctx() { graph }: Context): Promise<Company | null> {
    expectIdOf('company', id, 'id');
    const [row] = await graph.read<{ company: Company }>(q.companyById, { id });
    return row?.company ?? null;
  }

  @FieldResolver(() => Country, { nullable: true, description: 'Where it is based.' })
  country(@Root() company: Company, @Ctx() { loaders }: Context) {
    return loaders.one<Country>(q.countryOfCompany, company.id);
  }

  @FieldResolver(() => [ChipProduct], { description: 'Chips it makes.' })
  products(@Root() company: Company, @Ctx() { loaders }: Context) {
    return loaders.many<ChipProduct>(q.productsOfCompany, company.id);
  }
}
