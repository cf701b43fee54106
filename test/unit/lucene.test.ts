import { toLuceneQuery } from '../../src/domain/search/lucene';

describe('toLuceneQuery', () => {
  it('makes long words fuzzy, short words exact or prefix, and boosts exact matches', () => {
    expect(toLuceneQuery('Ascnd H20')).toBe('(ascnd^3 OR ascnd* OR ascnd~1) OR (h20^3 OR h20*)');
    expect(toLuceneQuery('Singapor')).toBe('(singapor^3 OR singapor* OR singapor~2)');
  });

  it('lets no Lucene syntax through', () => {
    expect(toLuceneQuery('a:b AND (c) OR "d"~ \\ /e/')).toBe('(a^3 OR a*) OR (b^3 OR b*) OR (and^3 OR and*) OR (c^3 OR c*) OR (or^3 OR or*) OR (d^3 OR d*) OR (e^3 OR e*)');
    expect(toLuceneQuery('+-&&||!(){}[]^"~*?:\\/')).toBeNull();
  });
});
