import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitStatements } from '../../src/neo4j/migrations';

describe('splitStatements', () => {
  it('splits on line-ending semicolons and drops comments', () => {
    const text = '// a comment\nCREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;\n\nCREATE INDEX b\nIF NOT EXISTS FOR (n:B) ON (n.x);\n';
    expect(splitStatements(text)).toEqual([
      'CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX b\nIF NOT EXISTS FOR (n:B) ON (n.x)',
    ]);
  });

  it('finds only idempotent statements in the shipped migrations', () => {
    const dir = path.resolve(__dirname, '../../cypher');
    const statements = readdirSync(dir).flatMap((file) => splitStatements(readFileSync(path.join(dir, file), 'utf8')));
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) {
      // Schema statements are skipped when the index exists (or, for a drop, is gone); data a migration needs (the lineage lock node) is
      // MERGEd; backfills write only what is missing or differs (numberings, such as Change.position, only what is missing).
      if (statement.startsWith('CREATE')) expect(statement).toMatch(/IF NOT EXISTS/);
      // An index whose label list changes is dropped and created again (a run cut short between the two repeats both).
      else if (statement.startsWith('DROP')) expect(statement).toMatch(/^DROP INDEX \w+ IF EXISTS$/);
      else if (statement.startsWith('MERGE')) expect(statement).toMatch(/^MERGE \(/);
      else if (/\bIS NULL OR\b/.test(statement)) expect(statement).toMatch(/^MATCH [\s\S]*\bWHERE (\w+)\.(\w+) IS NULL OR \1\.\2 <> [\s\S]*\bSET \1\.\2 = /);
      else expect(statement).toMatch(/^MATCH [\s\S]*\bWHERE (\w+)\.(\w+) IS NULL\b[\s\S]*\bSET \(?\w+(?:\[\w+\])?\)?\.\2 = /);
    }
  });
});
