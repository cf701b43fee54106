import Cypher from '@neo4j/cypher-builder';
import { LIST_CAPS } from '../../read/caps';
import { ACTION_TYPES } from '../agency/agency.read';
import { Compiler, FieldReader, ReadModel } from '../../read/compiler';
import { connection, PageSource } from '../../read/connection';
import { across, listProperty, property, related, sourcesFromIds } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { dayOrToday, heldOn, ruleStart } from '../../read/temporal';
import { TOUCH_TYPES as IMPACT_TOUCH_TYPES } from '../impact-paths';
import { touchingFilter, touchReader } from './touching.read';

/** What a rule touches: rule -> product, company, country, ECCN or country group. */
export const TOUCH_TYPES = [...IMPACT_TOUCH_TYPES];

/** Rules this one acts on with `kind` (out), or that act on it (in). */
const lineage = (kind: string, direction: 'out' | 'in', cap: number): FieldReader =>
  related({ types: [kind], direction, label: 'Rule' }, 'Rule', { cap, orderBy: (_rel, other) => [other.property('id')] });

/**
 * PENDING before the rule starts, then IN_FORCE until it ends; from its end REVOKED, or
 * NOT_ENFORCED when it ended by an announcement of non-enforcement rather than a rescission.
 */
const status: FieldReader = (field, { node: rule }) => {
  const day = dayOrToday(field.args.asOf);
  const ended = Cypher.and(Cypher.isNotNull(rule.property('revokedOn')), Cypher.lte(rule.property('revokedOn'), day));
  return new Cypher.Case()
    .when(ended!)
    .then(new Cypher.Case().when(Cypher.eq(rule.property('endingKind'), new Cypher.Literal('NON_ENFORCEMENT'))).then(new Cypher.Literal('NOT_ENFORCED')).else(new Cypher.Literal('REVOKED')))
    .when(Cypher.gt(ruleStart(rule), day))
    .then(new Cypher.Literal('PENDING'))
    .else(new Cypher.Literal('IN_FORCE'));
};

/** How the rule stopped applying, from the properties its ending wrote; null while it applies. */
const ending: FieldReader = (field, { node: rule }, compiler) =>
  new Cypher.Case().when(Cypher.isNull(rule.property('revokedOn'))).then(Cypher.Null).else(compiler.object('RuleEnding', field, { rule }));

const endedBy: FieldReader = (field, { rule }, compiler) => {
  const by = new Cypher.Node();
  const match = new Cypher.Match(new Cypher.Pattern(by, { labels: ['Rule'], properties: { id: rule.property('endedById') } }))
    .return(compiler.node('Rule', field, by))
    .limit(new Cypher.Literal(1));
  return Cypher.head(new Cypher.Collect(match));
};

export const ruleReaders: ReadModel = {
  Rule: {
    label: 'Rule',
    fields: {
      id: property('id'),
      title: property('title'),
      shortName: property('shortName'),
      aliases: listProperty('aliases'),
      kind: property('kind'),
      citation: property('citation'),
      documentNumber: property('documentNumber'),
      rin: property('rin'),
      summary: property('summary'),
      note: property('note'),
      administration: property('administration'),
      issuedOn: property('issuedOn'),
      publishedOn: property('publishedOn'),
      effectiveOn: property('effectiveOn'),
      complianceOn: property('complianceOn'),
      revokedOn: property('revokedOn'),
      status,
      ending,
      issuedBy: related({ types: ['ISSUED_BY'], direction: 'out', label: 'Agency' }, 'Agency', {
        cap: LIST_CAPS['Rule.issuedBy'],
        orderBy: (_rel, agency) => [agency.property('id')],
      }),
      tiers: related({ types: ['DEFINED_BY'], direction: 'in', label: 'Tier' }, 'Tier', {
        cap: LIST_CAPS['Rule.tiers'],
        orderBy: (_rel, tier) => [tier.property('level')],
      }),
      touches: across(
        { types: TOUCH_TYPES, direction: 'out' },
        'Touch',
        { cap: LIST_CAPS['Rule.touches'], orderBy: (rel, target) => [rel.property('validFrom'), target.property('id')] },
        (rule, rel, target) => ({ rule, rel, target }),
      ),
      revokes: lineage('REVOKES', 'out', LIST_CAPS['Rule.revokes']),
      revokedBy: lineage('REVOKES', 'in', LIST_CAPS['Rule.revokedBy']),
      amends: lineage('AMENDS', 'out', LIST_CAPS['Rule.amends']),
      amendedBy: lineage('AMENDS', 'in', LIST_CAPS['Rule.amendedBy']),
      supersedes: lineage('SUPERSEDES', 'out', LIST_CAPS['Rule.supersedes']),
      supersededBy: lineage('SUPERSEDES', 'in', LIST_CAPS['Rule.supersededBy']),
      implements: lineage('IMPLEMENTS', 'out', LIST_CAPS['Rule.implements']),
      implementedBy: lineage('IMPLEMENTS', 'in', LIST_CAPS['Rule.implementedBy']),
      officialActions: across(
        { types: ACTION_TYPES, direction: 'in', label: 'Official' },
        'OfficialAction',
        { cap: LIST_CAPS['Rule.officialActions'], orderBy: (rel, official) => [rel.property('on'), official.property('id')] },
        (rule, rel, official) => ({ rule, rel, official }),
      ),
      sources: related({ types: ['CITES'], direction: 'out', label: 'Source' }, 'Source', {
        cap: LIST_CAPS['Rule.sources'],
        orderBy: (_rel, source) => [source.property('id')],
      }),
    },
  },
  RuleEnding: {
    fields: {
      on: property('revokedOn', 'rule'),
      kind: (_field, { rule }) => Cypher.coalesce(rule.property('endingKind'), new Cypher.Literal('FORMAL_RESCISSION')),
      by: endedBy,
      note: property('endingNote', 'rule'),
      sources: sourcesFromIds(LIST_CAPS['RuleEnding.sources'], 'rule', 'endingSourceIds'),
    },
  },
  Touch: touchReader,
};

export interface RuleFilterValues {
  kinds?: string[] | null;
  inForceOn?: unknown;
  issuedByAgencyId?: string | null;
  text?: string | null;
  touching?: string | null;
}

/**
 * The conditions of a rules filter; only those given are written into the statement. `reached` is
 * the list of rules that reach the `touching` entity, collected before the page (touching.read.ts).
 */
function matchesFilter(rule: Cypher.Node, filter: RuleFilterValues | null | undefined, reached?: Cypher.Variable): Cypher.Predicate | undefined {
  if (!filter) return undefined;
  const day = filter.inForceOn ? new Cypher.Param(filter.inForceOn) : undefined;
  const text = filter.text ? Cypher.toLower(new Cypher.Param(filter.text)) : undefined;
  const field = new Cypher.Variable();
  return Cypher.and(
    filter.kinds ? Cypher.in(rule.property('kind'), new Cypher.Param(filter.kinds)) : undefined,
    filter.issuedByAgencyId
      ? new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(rule).related({ type: 'ISSUED_BY' }).to({ labels: ['Agency'], properties: { id: new Cypher.Param(filter.issuedByAgencyId) } })))
      : undefined,
    day ? heldOn(ruleStart(rule), rule.property('revokedOn'), day) : undefined,
    text
      ? Cypher.any(field, new Cypher.List(['title', 'shortName', 'summary', 'citation', 'documentNumber'].map((name) => rule.property(name))), Cypher.contains(Cypher.toLower(field), text))
      : undefined,
    reached ? Cypher.in(rule, reached) : undefined,
  );
}

/** Rules in id order, filtered; the cursor is the id. */
export const rulePages = (filter: RuleFilterValues | null | undefined, after: string | null, reached?: Cypher.Variable): PageSource => ({
  itemType: 'Rule',
  match: (rule) => {
    const match = new Cypher.Match(new Cypher.Pattern(rule, { labels: ['Rule'] }));
    const where = matchesFilter(rule, filter, reached);
    return where ? match.where(where) : match;
  },
  orderBy: (rule) => [[rule.property('id'), 'ASC']],
  after: (rule) => Cypher.gt(rule.property('id'), new Cypher.Param(after)),
  cursor: (rule) => rule.property('id'),
});

/** A page of rules; with `touching`, the rules that reach the entity are collected first, in the same statement. */
export const rulesPage = (filter: RuleFilterValues | null | undefined, first: number, after: string | null) => {
  const touching = filter?.touching ? touchingFilter(filter.touching, 'filter.touching') : null;
  return (selection: Selection, compiler: Compiler) => {
    const page = (reached?: Cypher.Variable) => connection(selection, compiler, 'RuleConnection', rulePages(filter, after, reached), { first, hasAfter: after !== null });
    return touching ? touching(page) : new Cypher.Return([page(), VALUE]);
  };
};

