import { NamedQuery } from '../../neo4j/graph';
import { findableLabels, touchableLabels } from '../entities';

/**
 * Names resolve in three steps, each tried only when the one before found nothing, cheapest first:
 *
 * 1. named: the whole text is a name, alias, code, title, citation or document number of an entity
 *    (case-insensitive), or a product family with or without its maker ("Ascend", "Huawei Ascend").
 *    One seek on the unique index of (:NameKey {key}), a node per key each entity stores in `nameKeys`
 *    with a NAMES link to every entity it names. A seek costs Neo4j a fraction of a full-text query
 *    (0.8 ms of CPU a statement less on rulesTouching("Nvidia"), see bench/README.md), and most names
 *    asked are exact.
 * 2. words: each word as typed (boosted) or, from three letters on, as a prefix, in `entity_text`.
 * 3. fuzzy: each word of four letters or more within one edit ("Ascnd", "Kesler"). Lucene builds an
 *    automaton per fuzzy word, and for two edits that costs 15 to 80 ms even on the small graph
 *    (about 2 ms for one edit), so typos are tolerated one edit per word.
 *
 * `search` fills its page from steps 1 and 2 and falls back to 3; `rulesTouching` takes the first
 * step that finds something it can touch. The texts below are subquery bodies: the caller wraps
 * them in `CALL () { ... }` and passes `nameLookup(text)` as the one parameter `$names`.
 */

/** Labels whose names resolve: the registry's findable kinds (every entity but sources). */
export const NAMED_LABELS = findableLabels.join('|');

/** What a rule can touch, and so what rulesTouching resolves a name to. */
const TOUCHABLE = touchableLabels.map((label) => `node:${label}`).join(' OR ');

/** Hits scoring at least this share of the best hit count as what the text names. */
const RELATIVE_SCORE = 0.5;

/** rulesTouching resolves a name to at most this many entities. */
const MAX_TARGETS = 100;

const MAX_WORDS = 16;

/**
 * Cypher for the lookup keys of node `n`: its names lowercased, its product family, and its
 * maker's name before the family, so "Huawei Ascend" names each Ascend chip exactly.
 */
const nameKeysOf = (n: string) => `[key IN [${n}.name, ${n}.title, ${n}.shortName, ${n}.acronym, ${n}.code, ${n}.citation, ${n}.documentNumber, ${n}.family]
    + coalesce(${n}.aliases, [])
    + COLLECT { MATCH (${n})-[:MADE_BY]->(maker:Company) WHERE ${n}.family IS NOT NULL RETURN maker.name + ' ' + ${n}.family }
  WHERE key IS NOT NULL | toLower(trim(key))]`;

/**
 * Keys longer than this are stored in `nameKeys` but get no NameKey node: no name a write accepts is
 * this long (500 characters at most, a product's maker and family 401), and an index key has a size limit.
 */
const MAX_KEY_LENGTH = 1_000;

/**
 * Cypher that links node `n` to a NameKey per key in its `nameKeys` and drops the links of keys it no
 * longer has. A NameKey left with no link stays: removing it could race a write linking to it, and a
 * seek that finds it finds nothing. The stale links' far end has no label: with `:NameKey` there, a
 * planner that thinks NameKeys few scans them all for each node (a synthetic batch went quadratic).
 */
const linkNameKeys = (n: string) => `
WITH *
CALL (${n}) {
  OPTIONAL MATCH (${n})<-[stale:NAMES]-(old) WHERE NOT old.key IN ${n}.nameKeys
  DELETE stale
}
CALL (${n}) {
  UNWIND [key IN ${n}.nameKeys WHERE size(key) <= ${MAX_KEY_LENGTH}] AS key
  MERGE (nameKey:NameKey {key: key})
  MERGE (nameKey)-[:NAMES]->(${n})
}`;

/**
 * Cypher that sets node `n`'s `nameKeys` and its NameKey links. Every writer of the properties keys
 * are made of ends with it (the write services, synthetic data, the name keys' migrations).
 */
export const setNameKeys = (n: string) => `SET ${n}.nameKeys = ${nameKeysOf(n)}${linkNameKeys(n)}`;

/** Sets nameKeys and their links where they are missing or stale; migration 011 runs the same statement. */
export const refreshNameKeys: NamedQuery = {
  name: 'refreshNameKeys',
  cypher: `
MATCH (n:${NAMED_LABELS})
WITH n, ${nameKeysOf('n')} AS keys
WHERE n.nameKeys IS NULL OR n.nameKeys <> keys
   OR any(key IN keys WHERE size(key) <= ${MAX_KEY_LENGTH} AND NOT EXISTS { (n)<-[:NAMES]-(:NameKey {key: key}) })
SET n.nameKeys = keys${linkNameKeys('n')}`,
};

/**
 * Subquery body: the entities that `where` keeps among those one of whose keys is the whole text
 * (`$names.key`), as the one row `named`, at most `limit` of them. One row even when none is named.
 */
export const namedExactly = (limit: string, where?: string) => `
  OPTIONAL MATCH (:NameKey {key: toLower($names.key)})-[:NAMES]->(node)${where ? `
  WHERE ${where}` : ''}
  WITH node LIMIT ${limit}
  RETURN collect(node) AS named`;

/** The parameter `$names`: what a person typed, as an exact key and as Lucene queries; only letters and digits reach the word queries. */
export interface NameLookup {
  /** The whole text trimmed, its spaces made single; lowercased in Cypher, as the stored keys are. Null when too long to be a key. */
  key: string | null;
  words: string;
  /** Null when no word is long enough to be fuzzy. */
  fuzzy: string | null;
}

/** Null when the text has no letters or digits. */
export function nameLookup(text: string): NameLookup | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const key = text.trim().replace(/\s+/g, ' ');
  const fuzzy = words.filter((word) => word.length >= 4).map((word) => `${word}~1`);
  return {
    key: key.length <= MAX_KEY_LENGTH ? key : null,
    words: words.map((word) => (word.length >= 3 ? `(${word}^3 OR ${word}*)` : word)).join(' OR '),
    fuzzy: fuzzy.length > 0 ? fuzzy.join(' OR ') : null,
  };
}

/** The parameter `$names` of searchHits: the lookup and how many hits to return. */
export function searchLookup(text: string, limit: number): (NameLookup & { limit: number }) | null {
  const lookup = nameLookup(text);
  return lookup && { ...lookup, limit };
}

/**
 * Search hits as rows `node, score`, best first, at most `$names.limit`. Entities named exactly come first, scored one above the best word hit; word hits follow
 * with their Lucene scores; fuzzy hits only when neither found anything.
 */
export const searchHits = `
CALL () {${namedExactly('toInteger($names.limit)')}
}
CALL (named) {
  CALL db.index.fulltext.queryNodes('entity_text', $names.words, {limit: toInteger($names.limit) * 2 + size(named)}) YIELD node, score
  WHERE NOT node:Source AND NOT node IN named
  RETURN collect({node: node, score: score}) AS byWords
}
CALL (named, byWords) {
  WITH * WHERE named = [] AND byWords = [] AND $names.fuzzy IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_text', $names.fuzzy, {limit: toInteger($names.limit) * 2}) YIELD node, score
  WHERE NOT node:Source
  RETURN collect({node: node, score: score}) AS byTypos
}
WITH named, byWords + byTypos AS scored
UNWIND [node IN named | {node: node, score: coalesce(scored[0].score, 0.0) + 1.0}] + scored AS hit
RETURN hit.node AS node, hit.score AS score
ORDER BY score DESC, node.id
LIMIT toInteger($names.limit)`;

/**
 * What rulesTouching resolves a name to, as rows `target`: the products, companies and countries
 * of the first step that finds any (by words or typos: those within RELATIVE_SCORE of the best),
 * plus the makers of the products found (a rule on a company touches its products).
 */
export const touchTargets = `
CALL () {${namedExactly(String(MAX_TARGETS), TOUCHABLE)}
}
CALL (named) {
  WITH * WHERE named = []
  CALL db.index.fulltext.queryNodes('entity_text', $names.words, {limit: ${MAX_TARGETS}}) YIELD node, score
  WHERE ${TOUCHABLE}
  RETURN collect({node: node, score: score}) AS byWords
}
CALL (named, byWords) {
  WITH * WHERE named = [] AND byWords = [] AND $names.fuzzy IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_text', $names.fuzzy, {limit: ${MAX_TARGETS}}) YIELD node, score
  WHERE ${TOUCHABLE}
  RETURN collect({node: node, score: score}) AS byTypos
}
WITH named, byWords + byTypos AS scored
WITH named + [hit IN scored WHERE hit.score >= scored[0].score * ${RELATIVE_SCORE} | hit.node] AS found
CALL (found) {
  UNWIND found AS product
  MATCH (product:ChipProduct)-[:MADE_BY]->(maker:Company)
  RETURN collect(DISTINCT maker) AS makers
}
UNWIND found + [maker IN makers WHERE NOT maker IN found] AS target
RETURN target`;

/**
 * The parameter `$suggest`: a looser lookup, run only when a rulesTouching text named nothing, to
 * say what it may have meant: each word within two edits (from four letters on) or by its first
 * three letters. `ids` when the text was an id: the suggestions are ids then (from its slug's words).
 */
export interface SuggestionLookup {
  query: string;
  ids: boolean;
}

/** Null when no word has three letters or digits (nothing to suggest from). */
export function suggestionLookup(text: string, isId: boolean): SuggestionLookup | null {
  const source = isId ? text.slice(text.indexOf(':') + 1) : text;
  const words = (source.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  const parts = words.flatMap((word) => [...(word.length >= 4 ? [`${word}~2`] : []), ...(word.length >= 3 ? [`${word.slice(0, 3)}*`] : [])]);
  return parts.length > 0 ? { query: parts.join(' OR '), ids: isId } : null;
}

/** How many suggestions a NOT_FOUND carries. */
export const MAX_SUGGESTIONS = 5;

/**
 * Subquery body (for `CALL (targets) { ... }`): when the list `targets` is empty, the touchable
 * entities closest to `$suggest`, as the one row `suggestions` (names, or ids for an id), best first;
 * an empty list otherwise. Aggregating at the end keeps the row when the gate lets nothing through.
 */
export const suggestionHits = (targets: string, suggestions: string) => `
WITH * WHERE ${targets} = [] AND $suggest IS NOT NULL
CALL db.index.fulltext.queryNodes('entity_text', $suggest.query, {limit: ${MAX_TARGETS}}) YIELD node, score
WHERE ${TOUCHABLE}
WITH CASE WHEN $suggest.ids THEN node.id ELSE coalesce(node.name, node.title) END AS suggestion, max(score) AS score
ORDER BY score DESC, suggestion
LIMIT ${MAX_SUGGESTIONS}
RETURN collect(suggestion) AS ${suggestions}`;
