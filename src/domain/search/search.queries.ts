import { NamedQuery } from '../../neo4j/graph';

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
