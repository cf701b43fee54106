import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { badUserInput } from './errors';
import { PageInfo } from './node.type';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: `How many items, 1 to ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first = 50;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (from pageInfo.endCursor).' })
  @IsOptional()
  @IsString()
  after?: string | null;
}

/** A change's sort key, "<at as ISO 8601 in UTC>|change:<uuid>". */
function isChangeKey(key: string): boolean {
  const [at, id, ...rest] = key.split('|');
  return rest.length === 0 && id !== undefined && /^change:[0-9a-f-]{36}$/.test(id) && !Number.isNaN(Date.parse(at)) && new Date(at).toISOString() === at;
}

/**
 * What the sort key of each paged list looks like. A cursor is decoded against the list it is
 * given to, so a forged or foreign one is refused before any Cypher runs, never handed to Neo4j.
 */
const SORT_KEYS = {
  countryCode: (key: string) => /^[A-Z]{2}$/.test(key),
  ruleId: (key: string) => /^rule:[A-Za-z0-9][A-Za-z0-9.-]*$/.test(key),
  change: isChangeKey,
} as const;

export type CursorKind = keyof typeof SORT_KEYS;

/** Cursors are opaque to clients: base64url of the item's sort key, stable across requests and restarts. */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(`cursor:${sortKey}`, 'utf8').toString('base64url');
}

/** The sort key in a cursor of the given list, or null for no cursor; BAD_USER_INPUT naming `after` otherwise. */
export function decodeCursor(cursor: string | null | undefined, kind: CursorKind): string | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const sortKey = decoded.slice('cursor:'.length);
  if (!decoded.startsWith('cursor:') || encodeCursor(sortKey) !== cursor || !SORT_KEYS[kind](sortKey)) {
    throw badUserInput('Argument "after" is not a cursor this API issued for this list.', 'after');
  }
  return sortKey;
}

/** Turns the rows of a page query (which fetches one extra to see whether more follow) into a connection. */
export function toConnection<T>(rows: T[], first: number, totalCount: number, sortKey: (node: T) => string) {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(sortKey(node)) }));
  const pageInfo: PageInfo = {
    hasNextPage: rows.length > first,
    endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
  };
  return { edges, pageInfo, totalCount };
}
