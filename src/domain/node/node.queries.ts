import { expectIdOf, IdPrefix, TYPE_BY_PREFIX, TypeName, typeOfId } from '../../graphql/entity';
import { Graph, NamedQuery, Statement } from '../../neo4j/graph';

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

/**
 * The single lookup behind rule(id), tier(id), agency(id), ...: an id of another type is
 * BAD_USER_INPUT naming the argument; an id nothing has is null.
 */
export async function findById<T>(graph: Graph, prefix: IdPrefix, id: string): Promise<T | null> {
  expectIdOf(prefix, id, 'id');
  const [row] = await graph.read<{ node: T }>(nodeByIdQueries[TYPE_BY_PREFIX[prefix]], { id });
  return row?.node ?? null;
}
