import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context, requireEditor } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { CountingTransaction } from '../../neo4j/graph';
import { recordChange } from '../change/change.writes';
import { kindOfType } from '../entities';
import { lineageLink } from '../lineage/lineage.read';
import { LineageEdge } from '../lineage/lineage.type';
import { entityById } from '../node/node.read';
import { readRoot } from '../read';
import { RevokeRuleInput, RuleInput, RuleLinkInput } from './rule.mutation.input';
import { EndingKind } from './rule-ending.type';
import { Rule } from './rule.type';
import { createLineageLink, lineageKindOfEnding, lineageLinkCheck, lockRules, revokeRule, upsertRuleQuery } from './rule.writes';

/** A rule id from a title: lower case, words joined by hyphens. */
export function ruleIdFromTitle(title: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '');
  return `rule:${slug || 'untitled'}`;
}

/** Locks both rules and checks they exist; the link then cannot race another link on the same rules. */
async function lockExistingRules(tx: CountingTransaction, ids: Record<string, string>) {
  const rows = await tx.run<{ id: string; revokedOn: unknown }>(lockRules, { ids: [...new Set(Object.values(ids))].sort() });
  const found = new Set(rows.map((row) => row.id));
  for (const [argument, id] of Object.entries(ids)) {
    if (!found.has(id)) throw badUserInput(`No rule has id ${JSON.stringify(id)} (input.${argument}).`, `input.${argument}`);
  }
  return new Map(rows.map((row) => [row.id, row]));
}

async function refuseCycleOrDuplicate(tx: CountingTransaction, fromId: string, toId: string, kind: string) {
  if (fromId === toId) throw badUserInput('A rule cannot act on itself: that link would be a cycle.', 'input.toRuleId');
  const [check] = await tx.run<{ duplicate: boolean; cycle: boolean }>(lineageLinkCheck, { fromId, toId, kind });
  if (check.duplicate) throw badUserInput(`${fromId} already ${kind} ${toId}.`, 'input.kind');
  if (check.cycle) throw badUserInput(`${toId} already descends from ${fromId}: the link would make a rule its own ancestor.`, 'input.toRuleId');
}

@Resolver()
export class RuleMutationResolver {
  @Authorized()
  @Mutation(() => Rule, { description: 'Creates a rule, or updates the one with this id; relationships are kept and added to.' })
  async upsertRule(@Arg('input', () => RuleInput, { description: 'The rule to create, or the fields to set on the rule with this id.' }) input: RuleInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const editor = requireEditor(context);
    const id = input.id ?? ruleIdFromTitle(input.title);
    await context.graph.write(async (tx) => {
      const [row] = await tx.run<{ rule: Rule; missingAgencies: string[]; missingSources: string[] }>(upsertRuleQuery, {
        id,
        title: input.title,
        kind: input.kind,
        shortName: input.shortName ?? null,
        citation: input.citation ?? null,
        documentNumber: input.documentNumber ?? null,
        summary: input.summary ?? null,
        issuedOn: input.issuedOn ?? null,
        publishedOn: input.publishedOn ?? null,
        effectiveOn: input.effectiveOn ?? null,
        complianceOn: input.complianceOn ?? null,
        agencyIds: input.issuedByAgencyIds ?? [],
        sourceIds: input.sourceIds ?? [],
      });
      // Throwing here rolls back the rule written above: nothing is left behind.
      if (row.missingAgencies.length > 0) throw badUserInput(`No agency has id ${row.missingAgencies.join(', ')}.`, 'input.issuedByAgencyIds');
      if (row.missingSources.length > 0) throw badUserInput(`No source has id ${row.missingSources.join(', ')}.`, 'input.sourceIds');
      await recordChange(tx, editor, 'upsertRule', [id]);
    });
    return readRoot(context, info, entityById(kindOfType('Rule'), id, false));
  }

  @Authorized()
  @Mutation(() => LineageEdge, { description: 'Records that one rule revokes, amends, supersedes or implements another; refuses duplicates and cycles.' })
  async linkRules(@Arg('input', () => RuleLinkInput, { description: 'The two rules, how the first acts on the second, and when.' }) input: RuleLinkInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const editor = requireEditor(context);
    await context.graph.write(async (tx) => {
      await lockExistingRules(tx, { fromRuleId: input.fromRuleId, toRuleId: input.toRuleId });
      await refuseCycleOrDuplicate(tx, input.fromRuleId, input.toRuleId, input.kind);
      await tx.run(createLineageLink, {
        fromId: input.fromRuleId, toId: input.toRuleId, kind: input.kind, on: input.on ?? null, sourceIds: [],
      });
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
      const ids: Record<string, string> = { ruleId: input.ruleId };
      if (input.revokedByRuleId) ids.revokedByRuleId = input.revokedByRuleId;
      const rules = await lockExistingRules(tx, ids);
      const revokedOn = rules.get(input.ruleId)?.revokedOn;
      if (revokedOn && String(revokedOn) !== String(on)) {
        throw badUserInput(`${input.ruleId} was already revoked on ${String(revokedOn)}.`, 'input.on');
      }
      if (input.revokedByRuleId && !revokedOn) await refuseCycleOrDuplicate(tx, input.revokedByRuleId, input.ruleId, lineageKindOfEnding(kind));
      await revokeRule(tx, { ruleId: input.ruleId, revokedByRuleId: input.revokedByRuleId, on, kind, note: input.note });
      await recordChange(tx, editor, 'revokeRule', [input.ruleId, ...(input.revokedByRuleId ? [input.revokedByRuleId] : [])]);
    });
    return readRoot(context, info, entityById(kindOfType('Rule'), input.ruleId, false));
  }
}
