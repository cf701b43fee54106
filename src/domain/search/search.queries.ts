import { NamedQuery, Statement } from '../../neo4j/graph';
import { toLuceneQuery } from './lucene';

/** Best full-text hits over every entity but sources, best first. */
export const searchEntities: NamedQuery = {
  name: 'searchEntities',
  cypher: `
CALL db.index.fulltext.queryNodes('entity_text', $lucene, {limit: toInteger($limit) * 2}) YIELD node, score
WHERE NOT node:Source
RETURN node {.*} AS entity, score
ORDER BY score DESC, entity.id
LIMIT toInteger($limit)`,
};

/** Null when the text has no words to look for. */
export function searchStatement({ text, first }: { text: string; first: number }): Statement | null {
  const lucene = toLuceneQuery(text);
  return lucene ? { query: searchEntities, params: { lucene, limit: first } } : null;
}
