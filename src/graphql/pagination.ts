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

/** Cursors are opaque to clients: base64url of the item's sort key, stable across requests. */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(`cursor:${sortKey}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('cursor:') || encodeCursor(decoded.slice('cursor:'.length)) !== cursor) {
    throw badUserInput('Argument "after" is not a cursor this API issued.', 'after');
  }
  return decoded.slice('cursor:'.length);
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
