import { InputRefused } from '../input-refused';

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
  ruleId: (key: string) => /^rule:[a-z0-9][a-z0-9.-]*$/.test(key),
  /** Rules in a dated order: "<order>|<date, empty when the rule has none>|<rule id>". */
  ruleDated: (key: string) => /^(ISSUED_ON|EFFECTIVE_ON)_(ASC|DESC)\|(\d{4}-\d{2}-\d{2})?\|rule:[a-z0-9][a-z0-9.-]*$/.test(key),
  change: isChangeKey,
} as const;

export type CursorKind = keyof typeof SORT_KEYS;

/** Cursors are opaque to clients: base64url of the item's sort key, stable across requests and restarts. */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(`cursor:${sortKey}`, 'utf8').toString('base64url');
}

/** The sort key in a cursor of the given list, or null for no cursor; anything else is refused naming the argument. */
export function decodeCursor(cursor: string | null | undefined, kind: CursorKind, argumentName = 'after'): string | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const sortKey = decoded.slice('cursor:'.length);
  if (!decoded.startsWith('cursor:') || encodeCursor(sortKey) !== cursor || !SORT_KEYS[kind](sortKey)) {
    throw new InputRefused(`Argument "${argumentName}" is not a cursor this API issued for this list.`, argumentName);
  }
  return sortKey;
}
