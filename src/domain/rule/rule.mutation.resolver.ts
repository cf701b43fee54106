import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context, requireEditor } from '../../graphql/context';
import { GraphConstraintError } from '../../neo4j/errors';
import { recordChange } from '../change/change.writes';
import { kindOfType } from '../entities';
import { InputRefused } from '../../input-refused';
import { lineageLink } from '../lineage/lineage.read';
import { LineageEdge } from '../lineage/lineage.type';
import { entityById } from '../node/node.read';
import { readRoot } from '../read';
import { RevokeRuleInput, RuleInput, RuleLinkInput } from './rule.mutation.input';
import { EndingKind } from './rule-ending.type';
import { Rule } from './rule.type';
import { linkRules, revokeRule, saveRule } from './rule.writes';

@Resolver()
export class RuleMutationResolver {
  @Authorized()
  @Mutation(() => Rule, { description: 'Creates a rule, or updates the one with this id; relationships are kept and added to.' })
  async upsertRule(@Arg('input', () => RuleInput, { description: 'The rule to create, or the fields to set on the rule with this id.' }) input: RuleInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const editor = requireEditor(context);
    let id: string;
    try {
      id = await context.graph.write(async (tx) => {
        const saved = await saveRule(tx, input);
        await recordChange(tx, editor, 'upsertRule', [saved]);
        return saved;
      });
    } catch (error) {
      // Only a create (no input.id) can break the Rule.id constraint: a concurrent create took the id first.
      if (error instanceof GraphConstraintError) {
        throw new InputRefused('A rule with the id this title gives was created at the same time: give input.id to update it, or a title of its own.', 'input.title');
      }
      throw error;
    }
    return readRoot(context, info, entityById(kindOfType('Rule'), id, false));
  }

  @Authorized()
  @Mutation(() => LineageEdge, { description: 'Records that one rule revokes, amends, supersedes or implements another; refuses duplicates and cycles.' })
  async linkRules(@Arg('input', () => RuleLinkInput, { description: 'The two rules, how the first acts on the second, and when.' }) input: RuleLinkInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const editor = requireEditor(context);
    await context.graph.write(async (tx) => {
      await linkRules(tx, input);
      await recordChange(tx, editor, 'linkRules', [input.fromRuleId, input.toRuleId]);
    });
    return readRoot(context, info, lineageLink(input.fromRuleId, input.toRuleId, input.kind));
  }

  @Authorized()
  @Mutation(() => Rule, { description: 'Sets revokedOn and how the rule ended, and ends every tier assignment and touch of the rule that is open on that date.' })
  async revokeRule(@Arg('input', () => RevokeRuleInput, { description: 'The rule, the first day it no longer holds, and the rescinding rule when there is one.' }) input: RevokeRuleInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const editor = requireEditor(context);
    const on = input.on as Parameters<typeof revokeRule>[1]['on'];
    const kind = input.kind ?? EndingKind.FORMAL_RESCISSION;
    await context.graph.write(async (tx) => {
      await revokeRule(tx, { ruleId: input.ruleId, revokedByRuleId: input.revokedByRuleId, on, kind, note: input.note });
      await recordChange(tx, editor, 'revokeRule', [input.ruleId, ...(input.revokedByRuleId ? [input.revokedByRuleId] : [])]);
    });
    return readRoot(context, info, entityById(kindOfType('Rule'), input.ruleId, false));
  }
}
