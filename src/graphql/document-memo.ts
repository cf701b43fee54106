import { LRUCache } from 'lru-cache';

/**
 * Work that depends only on a document (and its variables) kept for the next request with the same
 * one. Apollo keeps one parsed document per query text, so a document's AST node (its
 * OperationDefinitionNode or DocumentNode) identifies it across requests; the node's id lives in a
 * WeakMap and goes when Apollo drops the document. Entries are bounded by size, least recently
 * used first out; a key past MAX_KEY_LENGTH (large variables) is not kept: that request does the work.
 */
export class DocumentMemo<V extends object> {
  private static readonly ids = new WeakMap<object, number>();
  private static nextId = 0;
  private static readonly MAX_KEY_LENGTH = 4_096;
  private readonly entries: LRUCache<string, V>;

  constructor(maxSize: number, sizeOf: (value: V) => number) {
    this.entries = new LRUCache<string, V>({ maxSize, sizeCalculation: (value, key) => sizeOf(value) + key.length });
  }

  /** The kept value for the document node and the rest of the key, or the computed one, kept. */
  get(node: object, rest: string, compute: () => V): V {
    const key = DocumentMemo.keyOf(node, rest);
    const kept = key === null ? undefined : this.entries.get(key);
    if (kept) return kept;
    const value = compute();
    if (key !== null) this.entries.set(key, value);
    return value;
  }

  private static keyOf(node: object, rest: string): string | null {
    let id = DocumentMemo.ids.get(node);
    if (id === undefined) {
      id = DocumentMemo.nextId++;
      DocumentMemo.ids.set(node, id);
    }
    const key = `${id}\u0000${rest}`;
    return key.length <= DocumentMemo.MAX_KEY_LENGTH ? key : null;
  }
}
