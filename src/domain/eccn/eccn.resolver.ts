import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars';
import { LIST_CAPS } from '../../read/caps';
import { ChipProduct } from '../product/product.type';
import { kindOfType } from '../entities';
import { entitiesOfKind, entityById } from '../node/node.read';
import { readField, readRoot } from '../read';
import { eccnCodeOf, EccnCodeArgs } from './eccn.input';
import { Eccn } from './eccn.type';

@Resolver(() => Eccn)
export class EccnResolver {
  @Query(() => Eccn, { nullable: true, description: "An ECCN by its code, e.g. '3A090'; null when the graph has no such entry." })
  eccn(@Args() { code }: EccnCodeArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(kindOfType('Eccn'), `eccn:${eccnCodeOf(code, 'code')}`, false));
  }

  @Query(() => [Eccn], { description: 'Every ECCN the graph holds, by code.' })
  eccns(@Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entitiesOfKind(kindOfType('Eccn'), (eccn) => [eccn.property('code')], LIST_CAPS['Query.eccns']));
  }

  @FieldResolver(() => [ChipProduct], { description: 'Products classified under the entry on asOf (ever, when not given), by name.' })
  products(@Root() eccn: Eccn, @Info() info: GraphQLResolveInfo, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) _asOf?: unknown) {
    return readField(eccn, info);
  }
}
