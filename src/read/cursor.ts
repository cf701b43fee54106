import { InvalidArgumentError } from './errors';

/** Cursors are opaque to clients: base64url of the item's sort key, stable across requests. */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(`cursor:${sortKey}`, 'utf8').toString('base64url');
}

/** The sort key inside a cursor this API issued; anything else is refused before any Cypher runs. */
export function decodeCursor(cursor: string | null | undefined, argumentName = 'after'): string | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('cursor:') || encodeCursor(decoded.slice('cursor:'.length)) !== cursor) {
    throw new InvalidArgumentError(`Argument "${argumentName}" is not a cursor this API issued.`, argumentName);
  }
  return decoded.slice('cursor:'.length);
}
