import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { IdArgs } from '../../graphql/id.args';
import { DateScalar } from '../../graphql/scalars';
import { LIST_CAPS } from '../../read/caps';
import { pageOf } from '../../read/page';
import { entityById } from '../node/node.read';
import { expectIdOf } from '../node/node.resolver';
import { readField, readRoot } from '../read';
import { RulesArgs, RulesTouchingArgs } from './rule.input';
import { RuleOrder } from './rule-order';
import { rulesPage } from './rule.read';
import { Rule, RuleConnection, RuleStatus } from './rule.type';
import { rulesTouching, unlessUnresolved } from './touching.read';
import { Touch } from './touch.type';

@Resolver(() => Rule)
export class RuleResolver {
  @Query(() => Rule, { nullable: true, description: 'A rule by id; null when there is none.' })
  rule(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(expectIdOf('Rule', id, 'id'), id, false));
  }

  @Query(() => RuleConnection, { description: 'Rules, filtered, in the given order (id order when not given).' })
  async rules(@Args() { filter, orderBy, ...page }: RulesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const order = orderBy ?? RuleOrder.ID;
    const { first, after } = pageOf(page, order === RuleOrder.ID ? 'ruleId' : 'ruleDated');
    const answer = await readRoot(context, info, rulesPage(filter, first, after, order));
    return filter?.touching ? unlessUnresolved(answer, filter.touching, 'filter.touching') : answer;
  }

  @Query(() => [Touch], {
    description:
      "Rules that touch an entity, given by id or by name (e.g. 'Huawei Ascend' matches the Ascend products and their maker), directly or along a path; only those in force on asOf when given. " +
      'Paths: a product through its maker or its ECCN, a company through its products, parent, subsidiaries or listings, a country through its tier or country groups or the companies based there; ' +
      'every dated hop holds on asOf (without asOf, the hops overlap in time). `via` narrows the paths to the kinds asked for. Each touch is one path, ordered by rule id, path length, target id. ' +
      'An id or name that resolves to nothing is a NOT_FOUND error (extensions: argumentName, text, suggestions with the closest names), never an empty list: ' +
      'the same single statement resolves the text and, when nothing resolved, returns one marker row with the suggestions instead of touches.',
  })
  async rulesTouching(@Args() { entity, asOf, via }: RulesTouchingArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const answer = await readRoot(context, info, rulesTouching(entity, asOf, via ?? null, LIST_CAPS['Query.rulesTouching']));
    return unlessUnresolved(answer, entity, 'entity');
  }

  @FieldResolver(() => RuleStatus, { description: 'Status on asOf (today when not given).' })
  status(@Root() rule: Rule, @Info() info: GraphQLResolveInfo, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) _asOf?: unknown) {
    return readField(rule, info);
  }
}
