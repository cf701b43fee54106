import { NamedQuery, Statement } from '../../neo4j/graph';
import { searchHits, searchLookup } from './names';

/** Best hits over every entity but sources, best first (see names.ts for the order). */
export const searchEntities: NamedQuery = {
  name: 'searchEntities',
  cypher: `
CALL () {${searchHits}
}
RETURN node {.*} AS entity, score`,
};

/** Null when the text has no words to look for. */
export function searchStatement({ text, first }: { text: string; first: number }): Statement | null {
  const names = searchLookup(text, first);
  return names ? { query: searchEntities, params: { names } } : null;
}
