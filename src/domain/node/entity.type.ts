import { createUnionType } from 'type-graphql';
import { Agency, Official } from '../agency/agency.type';
import { Country } from '../country/country.type';
import { CountryGroup } from '../country-group/country-group.type';
import { Eccn } from '../eccn/eccn.type';
import { ChipProduct, Company } from '../product/product.type';
import { Rule } from '../rule/rule.type';
import { Tier } from '../tier/tier.type';

export const Entity = createUnionType({
  name: 'Entity',
  description: 'Any thing in the graph a rule can touch or a search can find (sources aside).',
  types: () => [Country, Tier, Rule, Agency, Official, ChipProduct, Company, Eccn, CountryGroup] as const,
});
