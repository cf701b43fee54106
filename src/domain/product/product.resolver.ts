import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { IdArgs } from '../../graphql/id.args';
import { entityById } from '../node/node.read';
import { expectIdOf } from '../node/node.resolver';
import { readRoot } from '../read';
import { ChipProduct, Company } from './product.type';

@Resolver()
export class ProductResolver {
  @Query(() => ChipProduct, { nullable: true, description: 'A chip product by id; null when there is none.' })
  chipProduct(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(expectIdOf('ChipProduct', id, 'id'), id, false));
  }

  @Query(() => Company, { nullable: true, description: 'A company by id; null when there is none.' })
  company(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(expectIdOf('Company', id, 'id'), id, false));
  }
}
