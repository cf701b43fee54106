import Cypher from '@neo4j/cypher-builder';
import { LIST_CAPS } from '../../read/caps';
import { Compiler, ReadModel } from '../../read/compiler';
import { connection, PageSource } from '../../read/connection';
import { confidence, property, relatedOne, scoped, sourcesFromIds } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { heldOn } from '../../read/temporal';
import { pageOf } from '../../read/page';

/** Members of a tier (on asOf, or ever), each once, in code order. */
const membersOf = (tier: Cypher.Variable, asOf: unknown, after: string | null): PageSource => ({
  itemType: 'Country',
  distinct: true,
  match: (country) => {
    const rel = new Cypher.Relationship();
    const match = new Cypher.Match(new Cypher.Pattern(tier).related(rel, { type: 'IN_TIER', direction: 'left' }).to(country, { labels: ['Country'] }));
    return asOf ? match.where(heldOn(rel.property('validFrom'), rel.property('validTo'), new Cypher.Param(asOf))) : match;
  },
  orderBy: (country) => [[country.property('code'), 'ASC']],
  after: (country) => Cypher.gt(country.property('code'), new Cypher.Param(after)),
  cursor: (country) => country.property('code'),
});

export const tierReaders: ReadModel = {
  Tier: {
    label: 'Tier',
    fields: {
      id: property('id'),
      level: property('level'),
      name: property('name'),
      description: property('description'),
      computeCapTpp: property('computeCapTpp'),
      note: property('note'),
      rule: relatedOne({ types: ['DEFINED_BY'], direction: 'out', label: 'Rule' }, 'Rule'),
      countries: (field, scope, compiler) => {
        const { first, after } = pageOf(field.args, 'countryCode');
        return connection(field, compiler, 'CountryConnection', membersOf(scope.node, field.args.asOf, after), { first, hasAfter: after !== null });
      },
    },
  },
  TierAssignment: {
    fields: {
      country: scoped('Country', 'country'),
      tier: scoped('Tier', 'tier'),
      validFrom: property('validFrom', 'rel'),
      validTo: property('validTo', 'rel'),
      confidence: confidence(),
      note: property('note', 'rel'),
      sources: sourcesFromIds(LIST_CAPS['TierAssignment.sources'], 'rel'),
    },
  },
  TierChange: {
    fields: {
      country: scoped('Country', 'country'),
      left: (field, scope, compiler) => compiler.object('TierAssignment', field, { country: scope.country, tier: scope.leftTier, rel: scope.left }),
      entered: (field, scope, compiler) =>
        new Cypher.Case()
          .when(Cypher.isNull(scope.entered))
          .then(Cypher.Null)
          .else(compiler.object('TierAssignment', field, { country: scope.country, tier: scope.enteredTier, rel: scope.entered })),
      on: property('validTo', 'left'),
      cause: (field, scope, compiler) => compiler.optionalNode('Rule', field, scope.cause),
    },
  },
};

export interface TierChangesFilter {
  from: unknown;
  to: unknown;
  fromLevel?: number | null;
  toLevel?: number | null;
  ruleId?: string | null;
}

/**
 * Countries whose membership of a tier ended in [from, to], with the assignment that began that
 * day (preferring the same rule's tiers) and the rule that ended it. The window is read through the
 * IN_TIER(validTo) index and the next assignment through IN_TIER(validFrom), not by walking every
 * membership a country ever had.
 */
export const tierChanges = (filter: TierChangesFilter, cap: number) => (selection: Selection, compiler: Compiler) => {
  const country = new Cypher.Node();
  const left = new Cypher.Relationship();
  const leftTier = new Cypher.Node();
  const rule = new Cypher.Node();
  const entered = new Cypher.Relationship();
  const enteredTier = new Cypher.Node();
  const cause = new Cypher.Node();

  const window = Cypher.and(
    Cypher.lte(new Cypher.Param(filter.from), left.property('validTo')),
    Cypher.lte(left.property('validTo'), new Cypher.Param(filter.to)),
    filter.fromLevel ? Cypher.eq(leftTier.property('level'), new Cypher.Param(filter.fromLevel)) : undefined,
  );
  const nextSeek = new Cypher.Raw(
    (env) =>
      `OPTIONAL MATCH ${env.compile(new Cypher.Pattern(country).related(entered, { type: 'IN_TIER' }).to(enteredTier, { labels: ['Tier'] }))}\n` +
      `USING INDEX SEEK ${env.compile(entered)}:IN_TIER(validFrom)\nWHERE ${env.compile(Cypher.eq(entered.property('validFrom'), left.property('validTo')))}`,
  );
  const pickNext = new Cypher.Return(entered, enteredTier)
    .orderBy(
      [new Cypher.Case().when(new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(enteredTier).related({ type: 'DEFINED_BY' }).to(rule)))).then(new Cypher.Literal(0)).else(new Cypher.Literal(1)), 'ASC'],
      [enteredTier.property('level'), 'ASC'],
    )
    .limit(new Cypher.Literal(1));
  const next = Cypher.utils.concat(nextSeek, pickNext);

  const change = compiler.object('TierChange', selection, { country, left, leftTier, entered, enteredTier, cause });
  // The builder writes no index hints; on a small graph the planner would rather scan every membership.
  const windowSeek = new Cypher.Raw(
    (env) =>
      `MATCH ${env.compile(new Cypher.Pattern(country, { labels: ['Country'] }).related(left, { type: 'IN_TIER' }).to(leftTier, { labels: ['Tier'] }))}\n` +
      `USING INDEX SEEK ${env.compile(left)}:IN_TIER(validTo)\nWHERE ${env.compile(window!)}`,
  );
  const inWindow = new Cypher.Match(new Cypher.Pattern(leftTier).related({ type: 'DEFINED_BY' }).to(rule, { labels: ['Rule'] }));
  if (filter.ruleId) inWindow.where(Cypher.eq(rule.property('id'), new Cypher.Param(filter.ruleId)));
  const withNext = inWindow.call(next, [country, left, rule]).with('*');
  if (filter.toLevel) withNext.where(Cypher.eq(enteredTier.property('level'), new Cypher.Param(filter.toLevel)));
  withNext
    .optionalMatch(new Cypher.Pattern(cause, { labels: ['Rule'], properties: { id: left.property('endedByRuleId') } }))
    .return([change, VALUE])
    .orderBy([left.property('validTo'), 'ASC'], [country.property('code'), 'ASC'])
    .limit(new Cypher.Literal(cap));
  return Cypher.utils.concat(windowSeek, inWindow);
};

/** One membership, as assignTier returns it after writing it. */
export const tierAssignment = (code: string, tierId: string, validFrom: unknown) => (selection: Selection, compiler: Compiler) => {
  const country = new Cypher.Node();
  const tier = new Cypher.Node();
  const rel = new Cypher.Relationship();
  return new Cypher.Match(
    new Cypher.Pattern(country, { labels: ['Country'], properties: { code: new Cypher.Param(code) } })
      .related(rel, { type: 'IN_TIER', properties: { validFrom: new Cypher.Param(validFrom) } })
      .to(tier, { labels: ['Tier'], properties: { id: new Cypher.Param(tierId) } }),
  )
    .return([compiler.object('TierAssignment', selection, { country, tier, rel }), VALUE])
    .limit(new Cypher.Literal(1));
};
