import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { IdArgs } from '../../graphql/id.args';
import { expectIdOf } from '../../graphql/entity';
import { badUserInput } from '../../graphql/errors';
import { decodeCursor, toConnection } from '../../graphql/pagination';
import { Country, CountryConnection } from '../country/country.type';
import { Rule } from '../rule/rule.type';
import { sourcesOf } from '../source/source.resolver';
import { Source } from '../source/source.type';
import { TierChangesArgs, TierCountriesArgs } from './tier.input';
import { findById } from '../node/node.queries';
import * as q from './tier.queries';
import { Tier, TierAssignment, TierChange } from './tier.type';

@Resolver(() => Tier)
export class TierResolver {
  @Query(() => Tier, { nullable: true, description: 'A tier by id; null when there is none.' })
  async tier(@Args() { id }: IdArgs, @Ctx() { graph }: Context): Promise<Tier | null> {
    return findById<Tier>(graph, 'tier', id);
  }

  @Query(() => [TierChange], {
    description: 'Countries that left a tier between from and to (inclusive); fromLevel/toLevel narrow it, ruleId picks the rule (all rules when absent).',
  })
  async tierChanges(@Args() args: TierChangesArgs, @Ctx() { graph }: Context): Promise<TierChange[]> {
    if (args.to.toString() < args.from.toString()) {
      throw badUserInput('Argument "to" must not be before "from".', 'to');
    }
    if (args.ruleId) expectIdOf('rule', args.ruleId, 'ruleId');
    const { query, params } = q.tierChangesStatement(args);
    const [row] = await graph.read<q.TierChangesRow>(query, params);
    return q.tierChangesFrom(row);
  }

  @FieldResolver(() => Rule, { description: 'The rule that defines the tier.' })
  async rule(@Root() tier: Tier, @Ctx() { loaders }: Context) {
    return loaders.one<Rule>(q.ruleOfTier, tier.id);
  }

  @FieldResolver(() => CountryConnection, { description: 'Countries in this tier on asOf (or ever, when asOf is not given).' })
  async countries(@Root() tier: Tier, @Args() { asOf, first, after }: TierCountriesArgs, @Ctx() { loaders }: Context) {
    const params = { asOf: asOf ?? null, after: decodeCursor(after, 'countryCode'), limit: first + 1 };
    const page = await loaders.one<{ countries: Country[]; totalCount: number }>(q.countriesOfTier, tier.id, params);
    return toConnection(page?.countries ?? [], first, page?.totalCount ?? 0, (country) => country.code);
  }
}

@Resolver(() => TierAssignment)
export class TierAssignmentResolver {
  @FieldResolver(() => [Source], { description: 'Where the membership is stated.' })
  sources(@Root() assignment: TierAssignment, @Ctx() context: Context) {
    return sourcesOf(assignment.sourceIds, context);
  }
}
