import Cypher from '@neo4j/cypher-builder';
import { LIST_CAPS } from '../../read/caps';
import { Compiler, ReadModel } from '../../read/compiler';
import { connection, PageSource } from '../../read/connection';
import { across, listProperty, property, related } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { heldOn } from '../../read/temporal';
import { groupsRead } from '../country-group/country-group.read';

/**
 * A country's memberships, oldest first; only those held on `asOf` when it is given. Each
 * membership also stores its country's code, so the country's own memberships are one seek on
 * IN_TIER(countryCode, validFrom) instead of a walk over every membership it ever had.
 */
export const tierAssignmentsRead = across(
  { types: ['IN_TIER'], direction: 'out', label: 'Tier' },
  'TierAssignment',
  {
    cap: LIST_CAPS['Country.tierAssignments'],
    seek: 'IN_TIER(countryCode, validFrom)',
    orderBy: (rel, tier) => [rel.property('validFrom'), tier.property('level')],
    where: (rel, _tier, { asOf }, country) =>
      Cypher.and(
        Cypher.eq(rel.property('countryCode'), country.property('code')),
        // Without a date every membership is asked for; the existence test still names validFrom for the index.
        asOf ? heldOn(rel.property('validFrom'), rel.property('validTo'), new Cypher.Param(asOf)) : Cypher.isNotNull(rel.property('validFrom')),
      ),
  },
  (country, rel, tier) => ({ country, tier, rel }),
);

export const countryReaders: ReadModel = {
  Country: {
    label: 'Country',
    fields: {
      id: property('id'),
      code: property('code'),
      name: property('name'),
      aliases: listProperty('aliases'),
      tierAssignments: tierAssignmentsRead,
      groups: groupsRead,
      companies: related({ types: ['BASED_IN'], direction: 'in', label: 'Company' }, 'Company', {
        cap: LIST_CAPS['Country.companies'],
        orderBy: (_rel, company) => [company.property('id')],
      }),
    },
  },
};

/** One country by ISO code (upper-cased by the caller). */
export const countryByCode = (code: string) => (selection: Selection, compiler: Compiler) => {
  const country = new Cypher.Node();
  return new Cypher.Match(new Cypher.Pattern(country, { labels: ['Country'], properties: { code: new Cypher.Param(code) } }))
    .return([compiler.object('Country', selection, { node: country }), VALUE]);
};

/** Every country, in code order; the cursor is the code. */
export const countryPages = (after: string | null): PageSource => ({
  itemType: 'Country',
  match: (country) => new Cypher.Match(new Cypher.Pattern(country, { labels: ['Country'] })),
  orderBy: (country) => [[country.property('code'), 'ASC']],
  after: (country) => Cypher.gt(country.property('code'), new Cypher.Param(after)),
  cursor: (country) => country.property('code'),
});

export const countriesPage = (first: number, after: string | null) => (selection: Selection, compiler: Compiler) =>
  new Cypher.Return([connection(selection, compiler, 'CountryConnection', countryPages(after), { first, hasAfter: after !== null }), VALUE]);
