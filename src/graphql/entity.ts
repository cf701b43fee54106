/**
 * Objects of an interface or union (Node, Entity) come out of the compiled statement with their
 * `__typename`, written by the compiler from the node's label. resolveFromParents makes this every
 * abstract type's resolveType, replacing type-graphql's async default.
 */
export function typeNameOf(value: object): string {
  const { __typename } = value as { __typename?: string };
  if (!__typename) throw new Error('An abstract value was read without its __typename');
  return __typename;
}
