import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { IdArgs } from '../../graphql/id.args';
import { Country } from '../country/country.type';
import { findById } from '../node/node.queries';
import * as q from './product.queries';
import { ChipProduct, Company } from './product.type';

@Resolver(() => ChipProduct)
export class ChipProductResolver {
  @Query(() => ChipProduct, { nullable: true, description: 'A chip product by id; null when there is none.' })
  async chipProduct(@Args() { id }: IdArgs, @Ctx() { graph }: Context): Promise<ChipProduct | null> {
    return findById<ChipProduct>(graph, 'chipProduct', id);
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
    return findById<Company>(graph, 'company', id);
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
