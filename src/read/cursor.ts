import { InputRefused } from '../input-refused';
import { idPattern } from '../domain/entities';

/**
 * A supported fact's sort key, "<subject id>|<relation>|<object id, or list:<kind> for a listing, or empty>|<validFrom or empty>".
 * Ids have no "|" (see src/domain/entities.ts), so the parts are unambiguous.
 */
function isFactKey(key: string): boolean {
  const [subject, relation, object, validFrom, ...rest] = key.split('|');
  const id = /^[A-Za-z]+:[A-Za-z0-9][A-Za-z0-9.:_-]*$/;
  return rest.length === 0 && validFrom !== undefined && id.test(subject) && /^[A-Z][A-Z_]*$/.test(relation) && (object === '' || id.test(object)) && /^(\d{4}-\d{2}-\d{2})?$/.test(validFrom);
}

/**
 * What the sort key of each paged list looks like. A cursor is decoded against the list it is
 * given to, so a forged or foreign one is refused before any Cypher runs, never handed to Neo4j.
 */
const SORT_KEYS = {
  countryCode: (key: string) => /^[A-Z]{2}$/.test(key),
  ruleId: (key: string) => idPattern('rule').test(key),
  /** A change's position, a decimal integer (Change.position). */
  change: (key: string) => /^(0|[1-9][0-9]{0,15})$/.test(key),
  chipProductId: (key: string) => idPattern('chipProduct').test(key),
  companyId: (key: string) => idPattern('company').test(key),
  sourceId: (key: string) => idPattern('source').test(key),
  supportedFact: isFactKey,
  /** Rules in a dated order: "<order>|<date, empty when the rule has none>|<rule id>". */
  ruleDated: (key: string) => {
    const [order, day, id, ...rest] = key.split('|');
    return rest.length === 0 && /^(ISSUED_ON|EFFECTIVE_ON)_(ASC|DESC)$/.test(order) && /^(\d{4}-\d{2}-\d{2})?$/.test(day) && idPattern('rule').test(id ?? '');
  },
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
