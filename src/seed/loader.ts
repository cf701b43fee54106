import { Graph } from '../neo4j/graph';
import { isoCountries } from './countries';

const BATCH_SIZE = 500;

const mergeCountries = {
  name: 'mergeCountries',
  cypher: `
UNWIND $rows AS row
MERGE (c:Country {id: row.id})
SET c.code = row.code, c.alpha3 = row.alpha3, c.numeric = row.numeric, c.name = row.name, c.aliases = row.aliases`,
};

/** MERGEs rows in UNWIND batches, one transaction per batch. */
export async function mergeInBatches(graph: Graph, query: { name: string; cypher: string }, rows: object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    await graph.write((tx) => tx.run(query, { rows: batch }));
  }
}

export async function loadCountries(graph: Graph): Promise<number> {
  const rows = isoCountries();
  await mergeInBatches(graph, mergeCountries, rows);
  return rows.length;
}

const countEntities = { name: 'countEntities', cypher: 'MATCH (n) WHERE NOT n:Migration RETURN count(n) AS count' };

export async function isGraphEmpty(graph: Graph): Promise<boolean> {
  const [row] = await graph.read<{ count: number }>(countEntities);
  return row.count === 0;
}

/** Loads the whole seed graph, with a progress line per step. */
export async function loadSeed(graph: Graph, progress: (line: string) => void = () => undefined): Promise<void> {
  progress(`countries: ${await loadCountries(graph)} merged`);
}
