import { TYPE_BY_PREFIX, TypeName, typeOfId } from '../../graphql/entity';
import { NamedQuery, Statement } from '../../neo4j/graph';

/** One lookup per type, each on its label's id index. */
export const nodeByIdQueries = Object.fromEntries(
  Object.values(TYPE_BY_PREFIX).map((label) => [
    label,
    { name: `nodeById${label}`, cypher: `MATCH (n:${label} {id: $id}) RETURN n {.*} AS node` },
  ]),
) as Record<TypeName, NamedQuery>;

/** Null for an id that names none of our types. */
export function nodeStatement(id: string): Statement | null {
  const type = typeOfId(id);
  return type ? { query: nodeByIdQueries[type], params: { id } } : null;
}
