import { batched } from '../../graphql/loaders';
import { NestedField } from '../../graphql/prefetch';
import { assignmentsOfCountry } from '../tier/tier.queries';
import { NamedQuery, Statement } from '../../neo4j/graph';
import { decodeCursor } from '../../graphql/pagination';

/** One country by its ISO code. */
export const countryByCode: NamedQuery = {
  name: 'countryByCode',
  cypher: `
MATCH (c:Country {code: $code})
RETURN c {.id, .code, .name, aliases: coalesce(c.aliases, [])} AS country`,
};

export const countryStatement = (code: string): Statement => ({ query: countryByCode, params: { code: code.toUpperCase() } });

export const countriesStatement = ({ first, after }: { first: number; after?: string | null }): Statement => ({
  query: countriesPage,
  params: { after: decodeCursor(after, 'countryCode'), limit: first + 1 },
});

/** A page of countries in code order, one more than asked so the caller knows whether more follow. */
export const countriesPage: NamedQuery = {
  name: 'countriesPage',
  cypher: `
CALL {
  MATCH (c:Country)
  WHERE $after IS NULL OR c.code > $after
  WITH c ORDER BY c.code LIMIT toInteger($limit)
  RETURN collect(c {.id, .code, .name, aliases: coalesce(c.aliases, [])}) AS countries
}
CALL {
  MATCH (c:Country)
  RETURN count(c) AS totalCount
}
RETURN countries, totalCount`,
};

export const companiesOfCountry = batched('companiesOfCountry', `
  MATCH (:Country {id: id})<-[:BASED_IN]-(company:Company)
  WITH company ORDER BY company.id
  RETURN collect(company {.*}) AS items`);

/** Country.tierAssignments: asked on most country questions, so country and countries send it along. */
export const tierAssignmentsOfCountry: NestedField = {
  field: 'tierAssignments',
  query: assignmentsOfCountry,
  params: ({ asOf }) => ({ asOf: asOf ?? null }),
};
