import { GraphQLFieldResolver, GraphQLSchema, isAbstractType, isObjectType } from 'graphql';
import { isDateTime } from 'neo4j-driver';
import { encodeCursor } from '../read/cursor';
import { typeNameOf } from './entity';

/** Turns what the statement stored for a field into what the API returns (a cursor from a sort key, a drawing from its parts). */
export type Finisher = (stored: any) => unknown;

/** An instant as ISO 8601 in UTC with milliseconds, so a cursor's text never depends on how Neo4j prints it. */
const keyPart = (part: unknown) => (isDateTime(part) ? part.toStandardDate().toISOString() : String(part));

/** A sort key, or its parts joined by "|", as an opaque cursor. */
export const cursorOf: Finisher = (sortKey: unknown) => {
  if (sortKey === null || sortKey === undefined) return null;
  return encodeCursor(Array.isArray(sortKey) ? sortKey.map(keyPart).join('|') : keyPart(sortKey));
};

function isCursor(typeName: string, fieldName: string): boolean {
  return (typeName.endsWith('Edge') && fieldName === 'cursor') || (typeName === 'PageInfo' && (fieldName === 'startCursor' || fieldName === 'endCursor'));
}

/**
 * Below the root, every field reads what the root statement stored under its response key
 * (alias): no resolver of ours runs, no statement is sent, and nothing is awaited. Fields with arguments are declared by
 * resolver methods that read the same way, since type-graphql declares arguments only there.
 */
export function resolveFromParents(schema: GraphQLSchema, finishers: Record<string, Finisher>): void {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((type) => type?.name));
  for (const type of Object.values(schema.getTypeMap())) {
    // type-graphql wraps resolveType in an async function: a promise per abstract value (every step of
    // a touch's path), which graphql-js then awaits list by list. The stored __typename is known at once.
    if (isAbstractType(type)) type.resolveType = typeNameOf;
    if (!isObjectType(type) || roots.has(type.name) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length > 0) continue;
      const finish = finishers[`${type.name}.${field.name}`] ?? (isCursor(type.name, field.name) ? cursorOf : undefined);
      const read: GraphQLFieldResolver<Record<string, unknown>, unknown> = finish
        ? (parent, _args, _context, info) => finish(parent[info.path.key])
        : (parent, _args, _context, info) => parent[info.path.key];
      field.resolve = read;
    }
  }
}
