import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { IdArgs } from '../../graphql/id.args';
import { LIST_CAPS } from '../../read/caps';
import { CountryConnection } from '../country/country.type';
import { expectIdOf } from '../node/node.resolver';
import { readField, readRoot } from '../read';
import { TierChangesArgs, TierCountriesArgs } from './tier.input';
import { tierChanges } from './tier.read';
import { Tier, TierChange } from './tier.type';
import { entityById } from '../node/node.read';

@Resolver(() => Tier)
export class TierResolver {
  @Query(() => Tier, { nullable: true, description: 'A tier by id; null when there is none.' })
  tier(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(expectIdOf('Tier', id, 'id'), id, false));
  }

  @Query(() => [TierChange], {
    description: 'Countries that left a tier between from and to (inclusive); fromLevel/toLevel narrow it, ruleId picks the rule (all rules when absent).',
  })
  tierChanges(@Args() args: TierChangesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    if (args.to.toString() < args.from.toString()) throw badUserInput('Argument "to" must not be before "from".', 'to');
    if (args.ruleId) expectIdOf('Rule', args.ruleId, 'ruleId');
    return readRoot(context, info, tierChanges(args, LIST_CAPS['Query.tierChanges']));
  }

  @FieldResolver(() => CountryConnection, { description: 'Countries in this tier on asOf (or ever, when asOf is not given).' })
  countries(@Root() tier: Tier, @Args() _args: TierCountriesArgs, @Info() info: GraphQLResolveInfo) {
    return readField(tier, info);
  }
}

