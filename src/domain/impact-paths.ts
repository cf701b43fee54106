/**
 * The impact paths: every way a rule can reach an entity, one line per kind of relationship.
 * `rulesTouching` and `rules(filter: { touching })` generate their statement from this list
 * (src/domain/rule/touching.read.ts), so a new kind of relationship is one more line here.
 * docs/graph-model.md ("Impact paths") says the same in words.
 */

/** What a rule touches directly: rule -> product, company, country, ECCN or country group. */
export const TOUCH_TYPES = ['TARGETS', 'RESTRICTS', 'PROHIBITS_USE'] as const;

/**
 * One hop, walked from the entity toward the rule. `direction` is as stored, seen from the node
 * the hop leaves: 'out' for (from)-[]->(to), 'in' for (from)<-[]-(to).
 */
export interface PathHop {
  types: readonly string[];
  direction: 'out' | 'in';
  /** Label of the node the hop reaches; the last hop of a path reaches `Rule`. */
  to: string;
  /**
   * Where the hop's dated fact lives, which `asOf` tests and whose `confidence` counts:
   * on the relationship, on the node it reaches (a Listing holds its own dates), or nowhere
   * (a structural hop such as MADE_BY: always held, and STATED).
   */
  fact: 'relationship' | 'node' | 'structural';
}

/** The kinds of path, as clients name them to narrow `rulesTouching` (one per line of IMPACT_PATHS). */
export enum ImpactPathKind {
  DIRECT = 'DIRECT',
  MAKER = 'MAKER',
  PRODUCTS = 'PRODUCTS',
  PARENT = 'PARENT',
  SUBSIDIARIES = 'SUBSIDIARIES',
  LISTINGS = 'LISTINGS',
  TIER = 'TIER',
  COUNTRY_GROUPS = 'COUNTRY_GROUPS',
  COMPANIES_BASED_THERE = 'COMPANIES_BASED_THERE',
  ECCN = 'ECCN',
  ECCN_CONTROLS = 'ECCN_CONTROLS',
}

export interface ImpactPath {
  kind: ImpactPathKind;
  /** What the path means, in words (the GraphQL enum value's description). */
  description: string;
  /** The kind of entity asked about (its label); null for any kind. */
  from: string | null;
  /** Hops from the entity to the rule; the last one reaches the rule. */
  hops: readonly PathHop[];
  /** What Touch.relation reports; the type of the rule's own relationship (the last hop's) when absent. */
  relation?: string;
}

const touchedBy: PathHop = { types: TOUCH_TYPES, direction: 'in', to: 'Rule', fact: 'relationship' };
const hop = (types: string | readonly string[], direction: 'out' | 'in', to: string, fact: PathHop['fact']): PathHop => ({
  types: typeof types === 'string' ? [types] : types,
  direction,
  to,
  fact,
});

/**
 * A rule reaches an entity X when one of these holds; every dated hop is tested on asOf when it is
 * given, and the hops of one path must overlap in time when it is not. Confidence is the weakest
 * of the path's facts (UNCONFIRMED < INFERRED < STATED; a fact without one counts as STATED).
 */
export const IMPACT_PATHS: readonly ImpactPath[] = [
  { kind: ImpactPathKind.DIRECT, description: 'The rule targets, restricts or prohibits the use of the entity itself.', from: null, hops: [touchedBy] },
  {
    kind: ImpactPathKind.MAKER,
    description: "A product's maker is touched by the rule.",
    from: 'ChipProduct',
    hops: [hop('MADE_BY', 'out', 'Company', 'structural'), touchedBy],
  },
  {
    kind: ImpactPathKind.PRODUCTS,
    description: "One of a company's products is touched by the rule.",
    from: 'Company',
    hops: [hop('MADE_BY', 'in', 'ChipProduct', 'structural'), touchedBy],
  },
  {
    kind: ImpactPathKind.PARENT,
    description: "A company's parent is touched by the rule (while the company belonged to it).",
    from: 'Company',
    hops: [hop('SUBSIDIARY_OF', 'out', 'Company', 'relationship'), touchedBy],
  },
  {
    kind: ImpactPathKind.SUBSIDIARIES,
    description: "One of a company's subsidiaries is touched by the rule (while it belonged to the company).",
    from: 'Company',
    hops: [hop('SUBSIDIARY_OF', 'in', 'Company', 'relationship'), touchedBy],
  },
  {
    kind: ImpactPathKind.LISTINGS,
    description: "The rule added or removed one of a company's listings (e.g. on the Entity List).",
    from: 'Company',
    hops: [hop('LISTED', 'out', 'Listing', 'node'), hop(['ADDS_LISTING', 'REMOVES_LISTING'], 'in', 'Rule', 'structural')],
  },
  {
    kind: ImpactPathKind.TIER,
    description: "The rule defines a tier the country was in.",
    from: 'Country',
    hops: [hop('IN_TIER', 'out', 'Tier', 'relationship'), hop('DEFINED_BY', 'out', 'Rule', 'structural')],
  },
  {
    kind: ImpactPathKind.COUNTRY_GROUPS,
    description: 'The rule touches a country group (e.g. D:5) the country was in.',
    from: 'Country',
    hops: [hop('IN_GROUP', 'out', 'CountryGroup', 'relationship'), touchedBy],
  },
  {
    kind: ImpactPathKind.COMPANIES_BASED_THERE,
    description: 'The rule touches a company based in the country.',
    from: 'Country',
    hops: [hop('BASED_IN', 'in', 'Company', 'structural'), touchedBy],
  },
  {
    kind: ImpactPathKind.ECCN,
    description: 'The rule touches, created or changed an ECCN the product is classified under.',
    from: 'ChipProduct',
    hops: [hop('CLASSIFIED_AS', 'out', 'Eccn', 'relationship'), hop([...TOUCH_TYPES, 'CONTROLS'], 'in', 'Rule', 'relationship')],
  },
  {
    kind: ImpactPathKind.ECCN_CONTROLS,
    description: 'The rule created or changed the ECCN itself.',
    from: 'Eccn',
    hops: [hop('CONTROLS', 'in', 'Rule', 'structural')],
  },
];

/** Confidence values, weakest first. */
export const CONFIDENCE_ORDER = ['UNCONFIRMED', 'INFERRED', 'STATED'] as const;
