import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ENTITIES, idPattern, kindOfId } from '../../src/domain/entities';
import { splitStatements } from '../../src/neo4j/migrations';

const migrations = path.join(__dirname, '../../cypher');

/** The statements of every migration, in the order they are applied. */
function migrationStatements(): string[] {
  return readdirSync(migrations)
    .filter((file) => /^\d{3}_.+\.cypher$/.test(file))
    .sort()
    .flatMap((file) => splitStatements(readFileSync(path.join(migrations, file), 'utf8')));
}

/** The last statement that creates the index `name`: a later migration drops and recreates an index whose labels change. */
function newestDefinition(name: string): string {
  const definitions = migrationStatements().filter((statement) => new RegExp(`^CREATE FULLTEXT INDEX ${name}\\b`).test(statement));
  expect(definitions.length).toBeGreaterThan(0);
  return definitions[definitions.length - 1];
}

describe('the entity registry', () => {
  it('is what the full-text index covers: every kind, every searchable property', () => {
    const definition = newestDefinition('entity_text');
    const labels = /FOR \(n:([\w|]+)\)/.exec(definition)![1].split('|');
    const properties = [...definition.matchAll(/n\.(\w+)/g)].map((match) => match[1]);
    expect(new Set(labels)).toEqual(new Set(ENTITIES.map((kind) => kind.type)));
    expect(new Set(properties)).toEqual(new Set(ENTITIES.flatMap((kind) => kind.searchable)));
  });

  it('is what the newest name keys refresh walks: every findable kind gets its NameKey links', () => {
    const findable = new Set(ENTITIES.filter((kind) => kind.findable).map((kind) => kind.type));
    const refreshes = migrationStatements().filter((statement) => /^MATCH \(n:[\w|]+\)[\s\S]*SET n\.nameKeys = keys\b/.test(statement));
    expect(refreshes[refreshes.length - 1]).toContain('MERGE (nameKey)-[:NAMES]->(n)');
    const newest = /^MATCH \(n:([\w|]+)\)/.exec(refreshes[refreshes.length - 1])![1].split('|');
    expect(new Set(newest)).toEqual(findable);
  });

  it('drops an index before a later migration creates it again, so the new definition is the one Neo4j holds', () => {
    const statements = migrationStatements();
    for (const name of ['entity_text', 'entity_names']) {
      const creates = statements.flatMap((statement, at) => (new RegExp(`^CREATE FULLTEXT INDEX ${name}\\b`).test(statement) ? [at] : []));
      for (const [previous, next] of creates.slice(1).map((at, i) => [creates[i], at])) {
        expect(statements.slice(previous + 1, next)).toContain(`DROP INDEX ${name} IF EXISTS`);
      }
    }
  });

  it('has one id grammar for the API and the seed', () => {
    expect(kindOfId('rule:ai-diffusion')?.type).toBe('Rule');
    expect(kindOfId('country:SG')?.type).toBe('Country');
    for (const bad of ['rule:ABC', 'country:sg', 'constructor:x', '__proto__:x', 'rule:', 'planet:mars', 'rule']) expect(kindOfId(bad)).toBeNull();
    expect(idPattern('rule').test('rule:ai-diffusion')).toBe(true);
    expect(idPattern('rule').test('rule:ABC')).toBe(false);
    expect(idPattern('country').test('country:SG')).toBe(true);
    // The grammar's edges: 1 to 120 characters, lower-case words joined by single dots or hyphens.
    for (const good of ['rule:a', `rule:${'a'.repeat(120)}`, 'rule:a.b-c', 'rule:0-9.x']) {
      expect(kindOfId(good)?.type).toBe('Rule');
      expect(idPattern('rule').test(good)).toBe(true);
    }
    for (const bad of [`rule:${'a'.repeat(121)}`, 'rule:-a', 'rule:a-', 'rule:.a', 'rule:a.', 'rule:a--b', 'rule:a..b', 'rule:a_b', 'rule:ABC-x', 'rule:a b']) {
      expect(kindOfId(bad)).toBeNull();
      expect(idPattern('rule').test(bad)).toBe(false);
    }
  });

  it('names ECCNs by their code as written and country groups by their code without the colon', () => {
    for (const id of ['eccn:3A090', 'eccn:3A001.z', 'eccn:4E091', 'eccn:3A090.a', 'eccn:4A090.b.1']) expect(kindOfId(id)?.type).toBe('Eccn');
    for (const bad of ['eccn:3a090', 'eccn:3A09', 'eccn:3F090', 'eccn:3A090.', 'eccn:3A090.A', 'eccn:EAR99']) expect(kindOfId(bad)).toBeNull();
    for (const id of ['countryGroup:D5', 'countryGroup:E1', 'countryGroup:B', 'countryGroup:A6']) expect(kindOfId(id)?.type).toBe('CountryGroup');
    for (const bad of ['countryGroup:D:5', 'countryGroup:d5', 'countryGroup:F1', 'countryGroup:D0']) expect(kindOfId(bad)).toBeNull();
    expect(idPattern('eccn').test('eccn:3A001.z')).toBe(true);
    expect(idPattern('countryGroup').test('countryGroup:D5')).toBe(true);
  });
});
