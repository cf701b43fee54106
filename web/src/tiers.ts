import { query } from './api';

/**
 * The tier map's data: every country with every tier membership it ever had, read once (a few pages of
 * `countries`), so the map, the comparison of two dates and the table need no request per date.
 */
const COUNTRIES = `query MapCountries($after: String) {
  countries(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id code name tierAssignments { validFrom validTo tier { id level name rule { id } } } } }
  }
}`;

export interface Tier {
  id: string;
  level: number;
  name: string;
  rule: { id: string };
}
export interface Assignment {
  validFrom: string;
  validTo: string | null;
  tier: Tier;
}
export interface MapCountry {
  id: string;
  code: string;
  name: string;
  tierAssignments: Assignment[];
}
interface Page {
  countries: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: MapCountry }[] };
}

export async function loadCountries(): Promise<MapCountry[]> {
  const countries: MapCountry[] = [];
  let after: string | null = null;
  do {
    const page: Page = await query<Page>(COUNTRIES, { after });
    countries.push(...page.countries.edges.map((edge) => edge.node));
    after = page.countries.pageInfo.hasNextPage ? page.countries.pageInfo.endCursor : null;
  } while (after);
  return countries;
}

/** The tier a country was in on `date`: validFrom inclusive, validTo exclusive, as the API defines them. */
export const tierOn = (country: MapCountry, date: string): Tier | undefined =>
  country.tierAssignments.find((a) => a.validFrom <= date && (a.validTo === null || date < a.validTo))?.tier;

/** A tier's name, or "no tier" outside every tier. */
export const tierName = (tier: Tier | undefined) => tier?.name ?? 'no tier';

/** The rules whose tiers the countries were ever in (for the AI Diffusion map, that rule alone). */
export const tierRules = (countries: MapCountry[]) => [...new Set(countries.flatMap((country) => country.tierAssignments.map((a) => a.tier.rule.id)))].sort();
