import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENTITIES, idPattern, kindOfId } from '../../src/domain/entities';

describe('the entity registry', () => {
  it('is what the full-text index migration covers: every kind, every searchable property', () => {
    const migration = readFileSync(path.join(__dirname, '../../cypher/002_fulltext.cypher'), 'utf8');
    const labels = /FOR \(n:([\w|]+)\)/.exec(migration)![1].split('|');
    const properties = [...migration.matchAll(/n\.(\w+)/g)].map((match) => match[1]);
    expect(new Set(labels)).toEqual(new Set(ENTITIES.map((kind) => kind.type)));
    expect(new Set(properties)).toEqual(new Set(ENTITIES.flatMap((kind) => kind.searchable)));
  });

  it('is what the exact-name index migration covers: every findable kind', () => {
    const migration = readFileSync(path.join(__dirname, '../../cypher/006_entity_names.cypher'), 'utf8');
    for (const [, labels] of migration.matchAll(/\(n:([\w|]+)\)/g)) {
      expect(new Set(labels.split('|'))).toEqual(new Set(ENTITIES.filter((kind) => kind.findable).map((kind) => kind.type)));
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
});
