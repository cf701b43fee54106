/**
 * The entity registry: every kind of node the graph holds, once. `node(id)`, `search`,
 * `rulesTouching`, the full-text index migration (checked by a test) and the seed's id checks
 * all read it. To add an entity, see src/domain/README.md.
 */
export interface EntityKind {
  /** GraphQL type and Neo4j label (they are the same word). */
  type: string;
  /** Ids are `<prefix>:<slug>`. */
  prefix: string;
  /** What a slug may be: lower-case words joined by dots and hyphens (SLUG), a country's ISO code, an ECCN or a country group's code. */
  slug: RegExp;
  /** Properties the full-text index (entity_text) covers for this kind. */
  searchable: readonly string[];
  /** Whether `search` returns it (sources are cited, not searched for). */
  findable: boolean;
  /** Whether a rule's touch (TARGETS, RESTRICTS, PROHIBITS_USE) may end on it. */
  touchable: boolean;
}

/**
 * The one id grammar of every kind but countries: lower-case letters and digits in words joined by
 * single dots or hyphens (no dot or hyphen first, last or doubled), 1 to 120 characters. Inputs
 * (mutations), reads (rule(id), node(id), ruleLineage), cursors and the seed all test ids with it.
 */
export const MAX_SLUG_LENGTH = 120;
const SLUG = new RegExp(`^(?=.{1,${MAX_SLUG_LENGTH}}$)[a-z0-9]+(?:[.-][a-z0-9]+)*$`);

/**
 * An ECCN as the Commerce Control List writes it: category digit, product group letter (A-E), three digits,
 * then paragraphs in lower case, e.g. 3A090, 3A001.z, 4E091, 3A090.a.
 */
export const ECCN_CODE = /^[0-9][A-E][0-9]{3}(?:\.[a-z0-9]+)*$/;

/** A country group's code without its colon, e.g. D5, E1, A6, B (Supplement No. 1 to part 740). */
export const COUNTRY_GROUP_SLUG = /^[A-E](?:[1-9][0-9]?)?$/;

export const ENTITIES: readonly EntityKind[] = [
  { type: 'Country', prefix: 'country', slug: /^[A-Z]{2}$/, searchable: ['name', 'aliases', 'code'], findable: true, touchable: true },
  { type: 'Tier', prefix: 'tier', slug: SLUG, searchable: ['name'], findable: true, touchable: false },
  { type: 'Rule', prefix: 'rule', slug: SLUG, searchable: ['title', 'shortName', 'aliases', 'citation', 'documentNumber', 'summary'], findable: true, touchable: false },
  { type: 'Agency', prefix: 'agency', slug: SLUG, searchable: ['name', 'acronym'], findable: true, touchable: false },
  { type: 'Official', prefix: 'official', slug: SLUG, searchable: ['name', 'aliases'], findable: true, touchable: false },
  { type: 'ChipProduct', prefix: 'chipProduct', slug: SLUG, searchable: ['name', 'aliases'], findable: true, touchable: true },
  { type: 'Company', prefix: 'company', slug: SLUG, searchable: ['name', 'aliases'], findable: true, touchable: true },
  { type: 'Source', prefix: 'source', slug: SLUG, searchable: ['title'], findable: false, touchable: false },
  { type: 'Eccn', prefix: 'eccn', slug: ECCN_CODE, searchable: ['code', 'title'], findable: true, touchable: true },
  { type: 'CountryGroup', prefix: 'countryGroup', slug: COUNTRY_GROUP_SLUG, searchable: ['code', 'name'], findable: true, touchable: true },
];

const byPrefix = new Map(ENTITIES.map((kind) => [kind.prefix, kind]));
const byType = new Map(ENTITIES.map((kind) => [kind.type, kind]));

/** The kind an id names, or null when it is not `<known prefix>:<valid slug>`. */
export function kindOfId(id: string): EntityKind | null {
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const kind = byPrefix.get(id.slice(0, colon));
  return kind && kind.slug.test(id.slice(colon + 1)) ? kind : null;
}

export function kindOfType(type: string): EntityKind {
  const kind = byType.get(type);
  if (!kind) throw new Error(`No entity kind ${type}`);
  return kind;
}

/** The ids of one kind as a pattern, for class-validator's @Matches in mutation inputs and the seed's record shapes, and for cursors. */
export function idPattern(prefix: string): RegExp {
  const kind = byPrefix.get(prefix);
  if (!kind) throw new Error(`No entity kind with prefix ${prefix}`);
  return new RegExp(`^${prefix}:${kind.slug.source.replace(/^\^/, '')}`);
}

export const touchableLabels = ENTITIES.filter((kind) => kind.touchable).map((kind) => kind.type);
export const findableLabels = ENTITIES.filter((kind) => kind.findable).map((kind) => kind.type);
