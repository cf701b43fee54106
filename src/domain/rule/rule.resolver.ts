import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { IdArgs } from '../../graphql/id.args';
import { toConnection } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { Agency, OfficialAction } from '../agency/agency.type';
import { sourcesCitedByRule } from '../source/source.queries';
import { Source } from '../source/source.type';
import { Tier } from '../tier/tier.type';
import { RulesArgs, RulesTouchingArgs } from './rule.input';
import { findById } from '../node/node.queries';
import * as q from './rule.queries';
import { EndingKind, RuleEnding } from './rule-ending.type';
import { ruleStatus } from './rule.status';
import { sourcesOf } from '../source/source.resolver';
import { Rule, RuleConnection, RuleStatus } from './rule.type';
import { Touch } from './touch.type';

@Resolver(() => Rule)
export class RuleResolver {
  @Query(() => Rule, { nullable: true, description: 'A rule by id; null when there is none.' })
  async rule(@Args() { id }: IdArgs, @Ctx() { graph }: Context): Promise<Rule | null> {
    return findById<Rule>(graph, 'rule', id);
  }

  @Query(() => RuleConnection, { description: 'Rules, in id order, optionally filtered.' })
  async rules(@Args() { filter, first, after }: RulesArgs, @Ctx() { graph }: Context) {
    const { query, params } = q.rulesStatement({ filter, first, after });
    const [row] = await graph.read<{ rules: Rule[]; totalCount: number }>(query, params);
    return toConnection(row.rules, first, row.totalCount, (rule) => rule.id);
  }

  @Query(() => [Touch], {
    description:
      "Rules that touch an entity, given by id or by name (e.g. 'Huawei Ascend' matches the Ascend products and their maker), directly or along a path; only those in force on asOf when given.",
  })
  async rulesTouching(@Args() { entity, asOf }: RulesTouchingArgs, @Ctx() { graph }: Context): Promise<Touch[]> {
    const statement = q.rulesTouchingStatement({ entity, asOf });
    return statement ? graph.read<Touch>(statement.query, statement.params) : [];
  }

  @FieldResolver(() => RuleStatus, { description: 'Status on asOf (today when not given).' })
  status(@Root() rule: Rule, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) asOf?: { toString(): string }): RuleStatus {
    return ruleStatus(rule, asOf);
  }

  /** Built from the rule's ending properties; a revocation stored before endings had kinds reads as FORMAL_RESCISSION. */
  @FieldResolver(() => RuleEnding, { nullable: true, description: 'How the rule stopped applying; null while it applies.' })
  async ending(@Root() rule: Rule, @Ctx() context: Context): Promise<RuleEnding | null> {
    if (!rule.revokedOn) return null;
    const [by, sources] = await Promise.all([
      rule.endedById ? findById<Rule>(context.graph, 'rule', rule.endedById) : null,
      sourcesOf(rule.endingSourceIds, context),
    ]);
    const kind = (rule.endingKind as EndingKind | null | undefined) ?? EndingKind.FORMAL_RESCISSION;
    return { on: rule.revokedOn, kind, by, note: rule.endingNote ?? null, sources };
  }

  @FieldResolver(() => [Agency], { description: 'Who issued it.' })
  issuedBy(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Agency>(q.agenciesOfRule, rule.id);
  }

  @FieldResolver(() => [Tier], { description: 'The tiers it defines, least restricted first.' })
  tiers(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Tier>(q.tiersOfRule, rule.id);
  }

  @FieldResolver(() => [Touch], { description: 'What this rule targets, directly.' })
  touches(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Touch>(q.directTouchesOfRule, rule.id);
  }

  @FieldResolver(() => [Rule], { description: 'Rules this one revoked.' })
  revokes(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Rule>(q.lineageTargets, rule.id, { kind: 'REVOKES' });
  }

  @FieldResolver(() => [Rule], { description: 'Rules that revoked this one.' })
  revokedBy(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Rule>(q.lineageSources, rule.id, { kind: 'REVOKES' });
  }

  @FieldResolver(() => [Rule], { description: 'Rules this one amended.' })
  amends(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Rule>(q.lineageTargets, rule.id, { kind: 'AMENDS' });
  }

  @FieldResolver(() => [Rule], { description: 'Rules that amended this one.' })
  amendedBy(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Rule>(q.lineageSources, rule.id, { kind: 'AMENDS' });
  }

  @FieldResolver(() => [Rule], { description: 'Rules this one superseded.' })
  supersedes(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Rule>(q.lineageTargets, rule.id, { kind: 'SUPERSEDES' });
  }

  @FieldResolver(() => [Rule], { description: 'Rules that superseded this one.' })
  supersededBy(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Rule>(q.lineageSources, rule.id, { kind: 'SUPERSEDES' });
  }

  @FieldResolver(() => [Rule], { description: 'Rules this one implements.' })
  implements(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Rule>(q.lineageTargets, rule.id, { kind: 'IMPLEMENTS' });
  }

  @FieldResolver(() => [Rule], { description: 'Rules that implement this one.' })
  implementedBy(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Rule>(q.lineageSources, rule.id, { kind: 'IMPLEMENTS' });
  }

  @FieldResolver(() => [OfficialAction], { description: 'Officials who signed, announced or gave instructions about this rule.' })
  officialActions(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<OfficialAction>(q.actionsOnRule, rule.id);
  }

  @FieldResolver(() => [Source], { description: 'Where the facts about this rule come from.' })
  sources(@Root() rule: Rule, @Ctx() { loaders }: Context) {
    return loaders.many<Source>(sourcesCitedByRule, rule.id);
  }
}
