/**
 * The most items each list that is not paged can return. The compiled Cypher ends each of these
 * lists with this LIMIT, and the cost limit prices the list by the same number.
 */
export const LIST_CAPS = {
  'Country.tierAssignments': 100,
  'Country.companies': 100,
  'Rule.issuedBy': 10,
  'Rule.tiers': 10,
  'Rule.touches': 200,
  'Rule.lineage': 50,
  'Rule.officialActions': 50,
  'Rule.sources': 50,
  'Agency.rules': 200,
  'Agency.officials': 100,
  'Official.offices': 50,
  'Official.actions': 100,
  'Company.products': 100,
  'Fact.sources': 50,
  'Query.rulesTouching': 1000,
  'Query.tierChanges': 5000,
  'Lineage.rules': 500,
} as const;
