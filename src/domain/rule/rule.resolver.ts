import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { IdArgs } from '../../graphql/id.args';
import { DateScalar } from '../../graphql/scalars';
import { LIST_CAPS } from '../../read/caps';
import { pageOf } from '../../read/page';
import { kindOfId } from '../entities';
import { entityById } from '../node/node.read';
import { expectIdOf } from '../node/node.resolver';
import { readField, readRoot } from '../read';
import { RulesArgs, RulesTouchingArgs } from './rule.input';
import { RuleOrder } from './rule-order';
import { rulesPage } from './rule.read';
import { Rule, RuleConnection, RuleStatus } from './rule.type';
import { rulesTouching } from './touching.read';
import { Touch } from './touch.type';

@Resolver(() => Rule)
export class RuleResolver {
  @Query(() => Rule, { nullable: true, description: 'A rule by id; null when there is none.' })
  rule(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(expectIdOf('Rule', id, 'id'), id, false));
  }

  @Query(() => RuleConnection, { description: 'Rules, filtered, in the given order (id order when not given).' })
  rules(@Args() { filter, orderBy, ...page }: RulesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const order = orderBy ?? RuleOrder.ID;
    const { first, after } = pageOf(page, order === RuleOrder.ID ? 'ruleId' : 'ruleDated');
    return readRoot(context, info, rulesPage(filter, first, after, order));
  }

  @Query(() => [Touch], {
    description:
      "Rules that touch an entity, given by id or by name (e.g. 'Huawei Ascend' matches the Ascend products and their maker), directly or along a path; only those in force on asOf when given.",
  })
  async rulesTouching(@Args() { entity, asOf }: RulesTouchingArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const read = rulesTouching(entity, kindOfId(entity), asOf, LIST_CAPS['Query.rulesTouching']);
    return read ? readRoot(context, info, read) : [];
  }

  @FieldResolver(() => RuleStatus, { description: 'Status on asOf (today when not given).' })
  status(@Root() rule: Rule, @Info() info: GraphQLResolveInfo, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) _asOf?: unknown) {
    return readField(rule, info);
  }
}
