import Cypher from '@neo4j/cypher-builder';
import { versionReader } from '../node/version';
import { LIST_CAPS } from '../../read/caps';
import { ACTION_TYPES } from '../agency/agency.read';
import { Compiler, FieldReader, ReadModel } from '../../read/compiler';
import { connection, PageSource } from '../../read/connection';
import { across, listProperty, property, related, sourcesFromIds } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { heldOn, ruleStart } from '../../read/temporal';
import { InputRefused } from '../../input-refused';
import { ruleListingsRead } from '../listing/listing.read';
import { ruleFilterV3, RuleFilterV3 } from './rule-filter.read';
import { RuleOrder, ruleKeyset } from './rule-order';
import { ruleStatus, ruleStatusHistory, statusReaders } from './status.read';
import { ImpactPathKind, TOUCH_TYPES as IMPACT_TOUCH_TYPES } from '../impact-paths';
import { touchingFilter, touchReader } from './touching.read';

/** What a rule touches: rule -> product, company, country, ECCN or country group. */
export const TOUCH_TYPES = [...IMPACT_TOUCH_TYPES];

/** Rules this one acts on with `kind` (out), or that act on it (in). */
const lineage = (kind: string, direction: 'out' | 'in', cap: number): FieldReader =>
  related({ types: [kind], direction, label: 'Rule' }, 'Rule', { cap, orderBy: (_rel, other) => [other.property('id')] });

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
      version: versionReader,
      title: property('title'),
      shortName: property('shortName'),
      aliases: listProperty('aliases'),
      kind: property('kind'),
      citation: property('citation'),
      documentNumber: property('documentNumber'),
      rin: property('rin'),
      cfrParts: listProperty('cfrParts'),
      summary: property('summary'),
      note: property('note'),
      administration: property('administration'),
      issuedOn: property('issuedOn'),
      publishedOn: property('publishedOn'),
      effectiveOn: property('effectiveOn'),
      complianceOn: property('complianceOn'),
      revokedOn: property('revokedOn'),
      status: ruleStatus,
      statusHistory: ruleStatusHistory,
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
      eccns: related({ types: ['CONTROLS'], direction: 'out', label: 'Eccn' }, 'Eccn', { cap: LIST_CAPS['Rule.eccns'], orderBy: (_rel, eccn) => [eccn.property('code')] }),
      listings: ruleListingsRead,
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
  ...statusReaders,
};

export interface RuleFilterValues extends RuleFilterV3 {
  kinds?: string[] | null;
  inForceOn?: unknown;
  issuedByAgencyId?: string | null;
  text?: string | null;
  touching?: string | null;
  touchingVia?: ImpactPathKind[] | null;
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
    ruleFilterV3(rule, filter),
    reached ? Cypher.in(rule, reached) : undefined,
  );
}

/** Rules in the given order (id order by default), filtered; the cursor is the order's sort key (rule-order.ts). */
export const rulePages = (filter: RuleFilterValues | null | undefined, after: string | null, order: RuleOrder = RuleOrder.ID, reached?: Cypher.Variable): PageSource => ({
  itemType: 'Rule',
  match: (rule) => {
    const match = new Cypher.Match(new Cypher.Pattern(rule, { labels: ['Rule'] }));
    const where = matchesFilter(rule, filter, reached);
    return where ? match.where(where) : match;
  },
  ...ruleKeyset(order, after),
});

/** A page of rules; with `touching`, the rules that reach the entity are collected first, in the same statement. */
export const rulesPage = (filter: RuleFilterValues | null | undefined, first: number, after: string | null, order: RuleOrder = RuleOrder.ID) => {
  if (filter?.touchingVia && !filter.touching) throw new InputRefused('filter.touchingVia narrows filter.touching, which is not given.', 'filter.touchingVia');
  const touching = filter?.touching ? touchingFilter(filter.touching, 'filter.touching', filter.touchingVia ?? null) : null;
  return (selection: Selection, compiler: Compiler) => {
    const page = (reached?: Cypher.Variable) => connection(selection, compiler, 'RuleConnection', rulePages(filter, after, order, reached), { first, hasAfter: after !== null });
    return touching ? touching(page) : new Cypher.Return([page(), VALUE]);
  };
};

