import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { GraphConstraintError } from '../../neo4j/errors';
import { mutate } from '../change/mutation';
import { kindOfType } from '../entities';
import { WriteConflict } from '../../input-refused';
import { lineageLink } from '../lineage/lineage.read';
import { LineageEdge } from '../lineage/lineage.type';
import { entityById } from '../node/node.read';
import { RevokeRuleInput, RuleInput, RuleLinkInput } from './rule.mutation.input';
import { EndingKind } from './rule-ending.type';
import { RuleSuspensionInput } from './rule-suspension.input';
import { suspendRule } from './rule.service';
import { Rule } from './rule.type';
import { linkRules, revokeRule, ruleIdOf, saveRule } from './rule.writes';

/** Each mutation is one transaction (change/mutation.ts): its answer is read inside it, its Change recorded last. */
@Resolver()
export class RuleMutationResolver {
  @Authorized()
  @Mutation(() => Rule, { description: 'Creates a rule, or updates the one with this id; relationships are kept and added to.' })
  async upsertRule(@Arg('input', () => RuleInput, { description: 'The rule to create, or the fields to set on the rule with this id.' }) input: RuleInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const id = ruleIdOf(input);
    try {
      return await mutate(context, info, 'upsertRule', [id], entityById(kindOfType('Rule'), id, false), (tx) => saveRule(tx, input));
    } catch (error) {
      // Only a create (no input.id) can break the Rule.id constraint: a concurrent create took the id first.
      if (error instanceof GraphConstraintError) {
        throw new WriteConflict('A rule with the id this title gives was created at the same time: give input.id to update it, or a title of its own.', 'input.title');
      }
      throw error;
    }
  }

  @Authorized()
  @Mutation(() => LineageEdge, { description: 'Records that one rule revokes, amends, supersedes, implements, ends the enforcement of or corrects another; refuses cycles, and the same link with another date.' })
  async linkRules(@Arg('input', () => RuleLinkInput, { description: 'The two rules, how the first acts on the second, and when.' }) input: RuleLinkInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return mutate(context, info, 'linkRules', [input.fromRuleId, input.toRuleId], lineageLink(input.fromRuleId, input.toRuleId, input.kind), (tx) => linkRules(tx, input));
  }

  @Authorized()
  @Mutation(() => Rule, { description: 'Records that one rule suspends another for a period (a SUSPENDS link; the rule reads SUSPENDED inside it). The same suspension again changes nothing; another period from the same instrument is a CONFLICT.' })
  async suspendRule(@Arg('input', () => RuleSuspensionInput, { description: 'The rule, the suspending instrument, the period and the sources.' }) input: RuleSuspensionInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const params = { ruleId: input.ruleId, byRuleId: input.byRuleId, from: input.from, until: input.until ?? null, sourceIds: input.sourceIds };
    return mutate(context, info, 'suspendRule', [input.ruleId, input.byRuleId], entityById(kindOfType('Rule'), input.ruleId, false), (tx) => suspendRule(tx, params));
  }

  @Authorized()
  @Mutation(() => Rule, { description: 'Sets revokedOn and how the rule ended, and ends every tier assignment and touch of the rule that is open on that date. A rule ends once: the same ending again changes nothing, another is a CONFLICT.' })
  async revokeRule(@Arg('input', () => RevokeRuleInput, { description: 'The rule, the first day it no longer holds, and the rescinding rule when there is one.' }) input: RevokeRuleInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const on = input.on as Parameters<typeof revokeRule>[1]['on'];
    const kind = input.kind ?? EndingKind.FORMAL_RESCISSION;
    return mutate(context, info, 'revokeRule', [input.ruleId, input.revokedByRuleId], entityById(kindOfType('Rule'), input.ruleId, false), (tx) =>
      revokeRule(tx, { ruleId: input.ruleId, revokedByRuleId: input.revokedByRuleId, on, kind, note: input.note }),
    );
  }
}
