import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitStatements } from '../../src/neo4j/migrations';
import { nameLookup, refreshNameKeys, searchLookup } from '../../src/domain/search/names';

describe('nameLookup', () => {
  it('looks the whole text up as one name, then each word as typed or as a prefix, then within one edit', () => {
    expect(nameLookup('  Huawei   Ascend ')).toEqual({
      key: 'Huawei Ascend',
      words: '(huawei^3 OR huawei*) OR (ascend^3 OR ascend*)',
      fuzzy: 'huawei~1 OR ascend~1',
    });
    expect(nameLookup('Ascnd H20 9')).toEqual({ key: 'Ascnd H20 9', words: '(ascnd^3 OR ascnd*) OR (h20^3 OR h20*) OR 9', fuzzy: 'ascnd~1' });
  });

  it('has no fuzzy query when no word has four letters', () => {
    expect(nameLookup('UAE')?.fuzzy).toBeNull();
  });

  it('lets no Lucene syntax through: words are letters and digits, the name is a key looked up as it is', () => {
    expect(nameLookup('a:b AND (c) "d"~ \\ /e/')).toEqual({
      key: 'a:b AND (c) "d"~ \\ /e/',
      words: 'a OR b OR (and^3 OR and*) OR c OR d OR e',
      fuzzy: null,
    });
    expect(nameLookup('+-&&||!(){}[]^"~*?:\\/')).toBeNull();
  });

  it('adds the page size for search', () => {
    expect(searchLookup('Kesler', 5)).toEqual({ key: 'Kesler', words: '(kesler^3 OR kesler*)', fuzzy: 'kesler~1', limit: 5 });
    expect(searchLookup('?!', 5)).toBeNull();
  });
});

describe('refreshNameKeys', () => {
  it('is the statement the newest names migration (011, every findable kind) runs on the entities stored before it', () => {
    const migration = readFileSync(path.resolve(__dirname, '../../cypher/011_name_keys.cypher'), 'utf8');
    expect(splitStatements(migration)).toContain(refreshNameKeys.cypher.trim());
  });
});
