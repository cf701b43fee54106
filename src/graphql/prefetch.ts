import { FieldNode, getArgumentValues, getNamedType, GraphQLResolveInfo, isObjectType, Kind, SelectionSetNode } from 'graphql';
import { NamedQuery, Statement } from '../neo4j/graph';
import { Context } from './context';

/**
 * A field whose items load through a batched query (see `batched`): what its field resolver asks
 * the loaders for, given the field's arguments. A root field can send it along in its own
 * statement, so the first level of nesting costs no second round trip.
 */
export interface NestedField {
  field: string;
  query: NamedQuery;
  params(args: Record<string, unknown>): Record<string, unknown>;
}

export interface RequestedNested {
  nested: NestedField;
  params: Record<string, unknown>;
}

/** The one occurrence of `name` in a selection set (fragments included); null when absent or asked twice (aliases may differ in arguments). */
function onlyField(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode | null {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value === name) found.push(selection);
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      if (selection.kind === Kind.FRAGMENT_SPREAD) visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  visit(selectionSet);
  return found.length === 1 ? found[0] : null;
}

/** Which of `candidates` the query asks for on the objects found at `path` below the current field, with the params their resolvers will use. */
export function requestedNested(info: GraphQLResolveInfo, path: string[], candidates: NestedField[]): RequestedNested[] {
  if (info.fieldNodes.length !== 1) return [];
  let node: FieldNode | null = info.fieldNodes[0];
  let type = getNamedType(info.returnType);
  for (const step of path) {
    node = onlyField(node.selectionSet, step, info);
    const field = isObjectType(type) ? type.getFields()[step] : undefined;
    if (!node || !field) return [];
    type = getNamedType(field.type);
  }
  if (!isObjectType(type)) return [];
  const requested: RequestedNested[] = [];
  for (const nested of candidates) {
    const fieldNode = onlyField(node.selectionSet, nested.field, info);
    const field = type.getFields()[nested.field];
    if (fieldNode && field) requested.push({ nested, params: nested.params(getArgumentValues(field, fieldNode, info.variableValues)) });
  }
  return requested;
}

const composed = new Map<string, NamedQuery>();

/** The column of the root statement that holds the parents: one map (`country`) or a list of maps (`countries`). */
export interface Parents {
  column: string;
  many: boolean;
}

/**
 * The root statement followed by each requested batched query over the parents it returned. The
 * batched query's parameters are renamed per position, so two of them cannot collide with each
 * other or with the root's. The text depends only on which queries ride along, so Neo4j caches its plan.
 */
export function withNested(root: Statement, parents: Parents, requested: RequestedNested[]): Statement {
  if (requested.length === 0) return root;
  const name = [root.query.name, ...requested.map(({ nested }) => nested.query.name)].join('+');
  let query = composed.get(name);
  if (!query) {
    const parentIds = parents.many ? `[parent IN ${parents.column} | parent.id]` : `[${parents.column}.id]`;
    const calls = requested.map(({ nested }, i) => `
CALL (${parents.column}) {
  WITH ${parentIds} AS parentIds
  CALL (parentIds) {\n${nested.query.cypher.replace(/\$(\w+)/g, (_, param: string) => (param === 'ids' ? 'parentIds' : `$nested${i}_${param}`))}
  }
  RETURN collect({id: id, items: items}) AS nested${i}
}`);
    query = { name, cypher: `CALL () {${root.query.cypher}\n}${calls.join('')}\nRETURN *` };
    composed.set(name, query);
  }
  const params = { ...root.params };
  requested.forEach(({ params: nestedParams }, i) => {
    for (const [key, value] of Object.entries(nestedParams)) params[`nested${i}_${key}`] = value;
  });
  return { query, params };
}

/** Hands what rode along to the loaders, so the nested field resolvers find it there and send nothing. */
export function primeNested(context: Context, requested: RequestedNested[], row: Record<string, unknown>) {
  requested.forEach(({ nested, params }, i) => {
    for (const { id, items } of row[`nested${i}`] as { id: string; items: unknown[] }[]) context.loaders.prime(nested.query, id, params, items);
  });
}
