import { TYPE_BY_PREFIX, TypeName } from '../../graphql/entity';
import { NamedQuery } from '../../neo4j/graph';

/** One lookup per type, each on its label's id index. */
export const nodeByIdQueries = Object.fromEntries(
  Object.values(TYPE_BY_PREFIX).map((label) => [
    label,
    { name: `nodeById${label}`, cypher: `MATCH (n:${label} {id: $id}) RETURN n {.*} AS node` },
  ]),
) as Record<TypeName, NamedQuery>;
