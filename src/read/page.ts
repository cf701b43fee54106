import { CursorKind, decodeCursor } from './cursor';
import { InputRefused } from '../input-refused';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** A page's `first` and decoded `after`, checked here because nested pages are compiled before any resolver sees them. */
export function pageOf(args: { first?: unknown; after?: unknown }, kind: CursorKind): { first: number; after: string | null } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InputRefused(`Argument "first" must be an integer from 1 to ${MAX_PAGE_SIZE}.`, 'first');
  }
  if (args.after !== null && args.after !== undefined && typeof args.after !== 'string') {
    throw new InputRefused('Argument "after" must be a cursor.', 'after');
  }
  return { first, after: decodeCursor(args.after as string | null | undefined, kind) };
}
