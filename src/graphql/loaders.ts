import DataLoader from 'dataloader';
import { Graph, NamedQuery } from '../neo4j/graph';

/**
 * Per-request batching: every field below a root field loads through here, so a list of N
 * parents costs one statement per field, never one per item. A batched query takes `$ids`
 * (plus fixed params) and returns rows `{id, items}`.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown[]>>();

  constructor(private readonly graph: Graph) {}

  many<T>(query: NamedQuery, id: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.loaderFor(query, params).load(id) as Promise<T[]>;
  }

  /** Items already read (by a root statement that sent the query along): loading them sends nothing. */
  prime(query: NamedQuery, id: string, params: Record<string, unknown>, items: unknown[]) {
    this.loaderFor(query, params).prime(id, items);
  }

  private loaderFor(query: NamedQuery, params: Record<string, unknown>): DataLoader<string, unknown[]> {
    const key = `${query.name}:${JSON.stringify(params)}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, unknown[]>(async (ids) => {
        const rows = await this.graph.read<{ id: string; items: unknown[] }>(query, { ...params, ids });
        const byId = new Map(rows.map((row) => [row.id, row.items]));
        return ids.map((each) => byId.get(each) ?? []);
      });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  async one<T>(query: NamedQuery, id: string, params: Record<string, unknown> = {}): Promise<T | null> {
    const [item] = await this.many<T>(query, id, params);
    return item ?? null;
  }
}

/** Wraps the body of a batched query: for each id, the body returns `collect(...) AS items`. */
export function batched(name: string, body: string): NamedQuery {
  return { name, cypher: `UNWIND $ids AS id\nCALL (id) {${body}\n}\nRETURN id, items` };
}
