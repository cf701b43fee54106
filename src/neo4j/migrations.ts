import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import { Graph } from './graph';

const migrationsDir = path.join(projectRoot, 'cypher');

/** Statements in a migration file are separated by a semicolon at the end of a line; `//` lines are comments. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

const recordedQuery = {
  name: 'migrationsApplied',
  cypher: 'MATCH (m:Migration) RETURN m.id AS id',
};
const recordQuery = {
  name: 'recordMigration',
  cypher: 'MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime()',
};

/**
 * Applies each cypher/NNN_*.cypher file once, in order, and records it as a (:Migration) node.
 * Statements use IF NOT EXISTS, so a run cut short is safe to repeat.
 */
export async function applyMigrations(graph: Graph, log: (line: string) => void = () => undefined): Promise<string[]> {
  await graph.schema('CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE');
  const applied = new Set((await graph.read<{ id: string }>(recordedQuery)).map((row) => row.id));
  const files = readdirSync(migrationsDir)
    .filter((file) => /^\d{3}_.+\.cypher$/.test(file))
    .sort();
  const newlyApplied: string[] = [];
  for (const file of files) {
    const id = file.replace(/\.cypher$/, '');
    if (applied.has(id)) continue;
    for (const statement of splitStatements(readFileSync(path.join(migrationsDir, file), 'utf8'))) {
      await graph.schema(statement);
    }
    await graph.write((tx) => tx.run(recordQuery, { id }));
    log(`migration ${id} applied`);
    newlyApplied.push(id);
  }
  await graph.schema('CALL db.awaitIndexes(60)');
  return newlyApplied;
}
