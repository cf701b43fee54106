import { NAMED_LABELS, namedExactly } from '../search/names';

/** A name resolves to at most this many entities. */
const MAX_ENTITIES = 20;

/** Word and typo hits scoring at least this share of the best hit count as what the text names. */
const RELATIVE_SCORE = 0.5;

const NAMED = NAMED_LABELS.split('|').map((label) => `node:${label}`).join(' OR ');

/**
 * The entities a name stands for, as rows `node`, in the steps of names.ts (`$names` is its nameLookup):
 * the entities named exactly (name, alias, code, title, citation...); else those whose words match, within
 * RELATIVE_SCORE of the best; else those within one typo per word. Any findable kind (sources aside).
 */
export const namedEntities = `
CALL () {${namedExactly(String(MAX_ENTITIES), NAMED)}
}
CALL (named) {
  WITH * WHERE named = []
  CALL db.index.fulltext.queryNodes('entity_text', $names.words, {limit: ${MAX_ENTITIES}}) YIELD node, score
  WHERE ${NAMED}
  RETURN collect({node: node, score: score}) AS byWords
}
CALL (named, byWords) {
  WITH * WHERE named = [] AND byWords = [] AND $names.fuzzy IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_text', $names.fuzzy, {limit: ${MAX_ENTITIES}}) YIELD node, score
  WHERE ${NAMED}
  RETURN collect({node: node, score: score}) AS byTypos
}
WITH named, byWords + byTypos AS scored
UNWIND named + [hit IN scored WHERE hit.score >= scored[0].score * ${RELATIVE_SCORE} | hit.node] AS node
RETURN node`;
