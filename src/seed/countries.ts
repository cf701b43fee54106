import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(english);

export interface CountryRow {
  id: string;
  code: string;
  alpha3: string;
  numeric: string;
  name: string;
  aliases: string[];
}

/**
 * Every ISO 3166-1 entry the library knows (its 249 plus the user-assigned XK, Kosovo), with the
 * library's English names: the first is the ISO short name, the rest become aliases.
 */
export function isoCountries(extraAliases: Record<string, string[]> = {}): CountryRow[] {
  return Object.entries(countries.getNames('en', { select: 'all' }))
    .map(([code, names]) => ({
      id: `country:${code}`,
      code,
      alpha3: countries.alpha2ToAlpha3(code) ?? '',
      numeric: countries.alpha2ToNumeric(code) ?? '',
      name: names[0],
      aliases: [...new Set([...names.slice(1), ...(extraAliases[code] ?? [])])],
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
