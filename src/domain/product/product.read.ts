import Cypher from '@neo4j/cypher-builder';
import { versionReader } from '../node/version';
import { LIST_CAPS } from '../../read/caps';
import { Compiler, FieldReader, ReadModel } from '../../read/compiler';
import { connection, PageSource } from '../../read/connection';
import { listProperty, property, related, relatedOnce, relatedOne, sourcesFromIds, startFirst } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { dayOrToday, heldOn, ruleStart } from '../../read/temporal';
import { classificationsRead } from '../eccn/eccn.read';
import { listingsRead } from '../listing/listing.read';

/** What a rule touches (rule -> product, company, country, ECCN or country group). */
const TOUCHES = Cypher.labelExpr.or('TARGETS', 'RESTRICTS', 'PROHIBITS_USE');

/** A fact with no known first day counts as begun (docs/graph-model.md). */
const heldToday = (rel: Cypher.Variable) => heldOn(rel.property('validFrom'), rel.property('validTo'), Cypher.date(), 'begun');

/** The figures of a product, or null when it has none. */
const performance: FieldReader = (field, { node: product }, compiler) => {
  const figures = ['tpp', 'performanceDensity', 'memoryBandwidthGBs', 'announcedOn'].map((name) => Cypher.isNull(product.property(name)));
  return new Cypher.Case().when(Cypher.and(...figures)!).then(Cypher.Null).else(compiler.object('ChipPerformance', field, { product }));
};

/** The code of the classification in force today (the latest to begin), else the code stored on the product before v3. */
const eccnCode: FieldReader = (_field, { node: product }) => {
  const rel = new Cypher.Relationship();
  const eccn = new Cypher.Node();
  const current = new Cypher.Match(new Cypher.Pattern(product).related(rel, { type: 'CLASSIFIED_AS' }).to(eccn, { labels: ['Eccn'] }))
    .where(heldToday(rel))
    .return(eccn.property('code'))
    .orderBy([rel.property('validFrom'), 'DESC'], [eccn.property('code'), 'ASC'])
    .limit(new Cypher.Literal(1));
  return Cypher.coalesce(Cypher.head(new Cypher.Collect(current)), product.property('eccn'));
};

export const productReaders: ReadModel = {
  ChipProduct: {
    label: 'ChipProduct',
    fields: {
      id: property('id'),
      version: versionReader,
      name: property('name'),
      aliases: listProperty('aliases'),
      family: property('family'),
      tpp: property('tpp'),
      eccn: eccnCode,
      note: property('note'),
      maker: relatedOne({ types: ['MADE_BY'], direction: 'out', label: 'Company' }, 'Company'),
      classifications: classificationsRead,
      performance,
    },
  },
  ChipPerformance: {
    fields: {
      tpp: property('tpp', 'product'),
      performanceDensity: property('performanceDensity', 'product'),
      memoryBandwidthGBs: property('memoryBandwidthGBs', 'product'),
      announcedOn: property('announcedOn', 'product'),
      sources: sourcesFromIds(LIST_CAPS['ChipPerformance.sources'], 'product', 'performanceSourceIds'),
    },
  },
  Company: {
    label: 'Company',
    fields: {
      id: property('id'),
      version: versionReader,
      name: property('name'),
      aliases: listProperty('aliases'),
      note: property('note'),
      country: relatedOne({ types: ['BASED_IN'], direction: 'out', label: 'Country' }, 'Country'),
      products: related({ types: ['MADE_BY'], direction: 'in', label: 'ChipProduct' }, 'ChipProduct', {
        cap: LIST_CAPS['Company.products'],
        orderBy: (_rel, product) => [product.property('name')],
      }),
      // The owner today: of several (a joint venture), the one it has belonged to longest.
      parent: (field, scope, compiler) =>
        Cypher.head(
          related({ types: ['SUBSIDIARY_OF'], direction: 'out', label: 'Company' }, 'Company', {
            cap: 1,
            orderBy: (rel, parent) => [...startFirst(rel.property('validFrom')), parent.property('id')],
            where: (rel) => heldToday(rel),
          })(field, scope, compiler),
        ),
      subsidiaries: relatedOnce({ types: ['SUBSIDIARY_OF'], direction: 'in', label: 'Company' }, 'Company', {
        cap: LIST_CAPS['Company.subsidiaries'],
        orderBy: (company) => [company.property('name'), company.property('id')],
        where: (rel) => heldToday(rel),
      }),
      listings: listingsRead,
    },
  },
};

/** Lower-cased words to look for in names; compared with CONTAINS, so "ascend 910" finds "Huawei Ascend 910B". */
function mentions(node: Cypher.Node, text: string, properties: string[]): Cypher.Predicate {
  const wanted = Cypher.toLower(new Cypher.Param(text));
  const alias = new Cypher.Variable();
  return Cypher.or(
    ...properties.map((name) => Cypher.contains(Cypher.toLower(Cypher.coalesce(node.property(name), new Cypher.Literal(''))), wanted)),
    Cypher.any(alias, Cypher.coalesce(node.property('aliases'), new Cypher.List([])), Cypher.contains(Cypher.toLower(alias), wanted)),
  )!;
}

/** A MATCH of every node of `label` into `item`, narrowed by the conditions given (none: every node). */
function matchWhere(item: Cypher.Node, label: string, conditions: (Cypher.Predicate | undefined)[]): Cypher.Match {
  const match = new Cypher.Match(new Cypher.Pattern(item, { labels: [label] }));
  const where = Cypher.and(...conditions);
  return where ? match.where(where) : match;
}

/** Items of `label` in id order; the cursor is the id. */
function byId(label: string, after: string | null, conditions: (item: Cypher.Node) => (Cypher.Predicate | undefined)[]): PageSource {
  return {
    itemType: label,
    match: (item) => matchWhere(item, label, conditions(item)),
    orderBy: (item) => [[item.property('id'), 'ASC']],
    after: (item) => Cypher.gt(item.property('id'), new Cypher.Param(after)),
    cursor: (item) => item.property('id'),
  };
}

export interface ChipProductFilterValues {
  makerId?: string | null;
  family?: string | null;
  /** Normalised (see eccnCodeOf). */
  eccn?: string | null;
  minTpp?: number | null;
  maxTpp?: number | null;
  touchedOn?: unknown;
  text?: string | null;
}

/**
 * A rule in force on `day` touches the product on that day: directly, through its maker, or through an
 * ECCN the product is classified under that day (a touch of the entry, or the rule CONTROLS it).
 */
function touchedOn(product: Cypher.Node, day: Cypher.Expr): Cypher.Predicate {
  const ruleInForce = (rule: Cypher.Node) => heldOn(ruleStart(rule), rule.property('revokedOn'), day);
  const touchHeld = (touch: Cypher.Relationship) => heldOn(touch.property('validFrom'), touch.property('validTo'), day, 'begun');
  const direct = () => {
    const touch = new Cypher.Relationship();
    const rule = new Cypher.Node();
    return new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(product).related(touch, { type: TOUCHES, direction: 'left' }).to(rule, { labels: ['Rule'] })).where(Cypher.and(touchHeld(touch), ruleInForce(rule))!));
  };
  const viaMaker = () => {
    const touch = new Cypher.Relationship();
    const rule = new Cypher.Node();
    const pattern = new Cypher.Pattern(product).related({ type: 'MADE_BY' }).to({ labels: ['Company'] }).related(touch, { type: TOUCHES, direction: 'left' }).to(rule, { labels: ['Rule'] });
    return new Cypher.Exists(new Cypher.Match(pattern).where(Cypher.and(touchHeld(touch), ruleInForce(rule))!));
  };
  const viaEccn = () => {
    const classified = new Cypher.Relationship();
    const touch = new Cypher.Relationship();
    const rule = new Cypher.Node();
    const pattern = new Cypher.Pattern(product)
      .related(classified, { type: 'CLASSIFIED_AS' })
      .to({ labels: ['Eccn'] })
      .related(touch, { type: Cypher.labelExpr.or('TARGETS', 'RESTRICTS', 'PROHIBITS_USE', 'CONTROLS'), direction: 'left' })
      .to(rule, { labels: ['Rule'] });
    const touchApplies = Cypher.or(Cypher.eq(Cypher.type(touch), new Cypher.Literal('CONTROLS')), touchHeld(touch))!;
    return new Cypher.Exists(new Cypher.Match(pattern).where(Cypher.and(heldOn(classified.property('validFrom'), classified.property('validTo'), day, 'begun'), touchApplies, ruleInForce(rule))!));
  };
  return Cypher.or(direct(), viaMaker(), viaEccn())!;
}

function chipProductConditions(product: Cypher.Node, filter: ChipProductFilterValues | null | undefined): (Cypher.Predicate | undefined)[] {
  if (!filter) return [];
  const eccn = new Cypher.Node();
  const code = filter.eccn ? new Cypher.Param(filter.eccn) : undefined;
  return [
    filter.makerId
      ? new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(product).related({ type: 'MADE_BY' }).to({ labels: ['Company'], properties: { id: new Cypher.Param(filter.makerId) } })))
      : undefined,
    filter.family ? Cypher.eq(Cypher.toLower(product.property('family')), Cypher.toLower(new Cypher.Param(filter.family))) : undefined,
    code
      ? new Cypher.Exists(
          new Cypher.Match(new Cypher.Pattern(product).related({ type: 'CLASSIFIED_AS' }).to(eccn, { labels: ['Eccn'] })).where(
            Cypher.or(Cypher.eq(eccn.property('code'), code), Cypher.startsWith(eccn.property('code'), Cypher.plus(code, new Cypher.Literal('.'))))!,
          ),
        )
      : undefined,
    filter.minTpp !== null && filter.minTpp !== undefined ? Cypher.gte(product.property('tpp'), new Cypher.Param(filter.minTpp)) : undefined,
    filter.maxTpp !== null && filter.maxTpp !== undefined ? Cypher.lte(product.property('tpp'), new Cypher.Param(filter.maxTpp)) : undefined,
    filter.touchedOn ? touchedOn(product, new Cypher.Param(filter.touchedOn)) : undefined,
    filter.text ? mentions(product, filter.text, ['name', 'family']) : undefined,
  ];
}

export const chipProductsPage = (filter: ChipProductFilterValues | null | undefined, first: number, after: string | null) => (selection: Selection, compiler: Compiler) =>
  new Cypher.Return([
    connection(selection, compiler, 'ChipProductConnection', byId('ChipProduct', after, (product) => chipProductConditions(product, filter)), { first, hasAfter: after !== null }),
    VALUE,
  ]);

export interface CompanyFilterValues {
  /** Upper case. */
  countryCode?: string | null;
  listed?: string | null;
  listedOn?: unknown;
  text?: string | null;
}

function companyConditions(company: Cypher.Node, filter: CompanyFilterValues | null | undefined): (Cypher.Predicate | undefined)[] {
  if (!filter) return [];
  const listing = new Cypher.Node();
  const listed = filter.listed || filter.listedOn;
  return [
    filter.countryCode
      ? new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(company).related({ type: 'BASED_IN' }).to({ labels: ['Country'], properties: { code: new Cypher.Param(filter.countryCode) } })))
      : undefined,
    listed
      ? new Cypher.Exists(
          new Cypher.Match(new Cypher.Pattern(company).related({ type: 'LISTED' }).to(listing, { labels: ['Listing'] })).where(
            Cypher.and(
              filter.listed ? Cypher.eq(listing.property('list'), new Cypher.Param(filter.listed)) : undefined,
              heldOn(listing.property('validFrom'), listing.property('validTo'), dayOrToday(filter.listedOn), 'begun'),
            )!,
          ),
        )
      : undefined,
    filter.text ? mentions(company, filter.text, ['name']) : undefined,
  ];
}

export const companiesPage = (filter: CompanyFilterValues | null | undefined, first: number, after: string | null) => (selection: Selection, compiler: Compiler) =>
  new Cypher.Return([
    connection(selection, compiler, 'CompanyConnection', byId('Company', after, (company) => companyConditions(company, filter)), { first, hasAfter: after !== null }),
    VALUE,
  ]);

export { byId, mentions };
