import { isoCountries } from '../../src/seed/countries';

describe('isoCountries', () => {
  const countries = isoCountries();
  const byCode = new Map(countries.map((c) => [c.code, c]));

  it('holds every ISO 3166-1 entry, Taiwan, Hong Kong and Macau included', () => {
    expect(countries.length).toBeGreaterThanOrEqual(249);
    for (const code of ['TW', 'HK', 'MO', 'US', 'SG', 'ES']) expect(byCode.has(code)).toBe(true);
    expect(new Set(countries.map((c) => c.id)).size).toBe(countries.length);
  });

  it('keeps the library aliases and adds extra ones without duplicates', () => {
    expect(byCode.get('KR')).toMatchObject({ name: 'South Korea', aliases: expect.arrayContaining(['Republic of Korea']) });
    expect(byCode.get('AE')!.aliases).toContain('UAE');
    const withExtras = isoCountries({ MM: ['Burma', 'Burma'] });
    expect(withExtras.find((c) => c.code === 'MM')!.aliases.filter((a) => a === 'Burma')).toHaveLength(1);
  });
});
