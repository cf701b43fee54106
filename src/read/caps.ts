/**
 * The most rows each list field of the API can return, by `Type.field`. The cost estimator prices a
 * list as this many items and the schema states it in the field's description; the statements that
 * load a list LIMIT it to the same number. Plain data, so Cypher translation can import it too.
 *
 * `'page'` marks the edges of a connection: their rows are the `first` of the field that returned the
 * connection, which is priced by it. Lists of scalars (aliases, entityIds) are properties of one node
 * and are not listed. A test fails when a list field of the schema has no entry here.
 */
export const LIST_CAPS = {
  'Query.tierChanges': 5000,
  'Query.factChanges': 5000,
  'Query.rulesTouching': 1000,
  'Query.search': 100,
  'Query.changesSince': 1000,
  // One entry per importable kind (src/import/records/record-kinds.ts).
  'ImportResult.kinds': 10,
  'Agency.rules': 1000,
  'Agency.officials': 100,
  'Official.offices': 100,
  'Official.actions': 100,
  'OfficialAction.sources': 10,
  'Company.products': 100,
  'Country.companies': 100,
  'Country.tierAssignments': 50,
  'TierAssignment.sources': 10,
  'Rule.issuedBy': 5,
  'Rule.tiers': 10,
  'Rule.touches': 500,
  'Rule.revokes': 100,
  'Rule.revokedBy': 100,
  'Rule.amends': 100,
  'Rule.amendedBy': 100,
  'Rule.supersedes': 100,
  'Rule.supersededBy': 100,
  'Rule.implements': 100,
  'Rule.implementedBy': 100,
  'Rule.officialActions': 100,
  'Rule.sources': 20,
  'Rule.statusHistory': 50,
  'RuleStatusPeriod.sources': 10,
  'RuleEnding.sources': 10,
  'Touch.path': 10,
  'Touch.sources': 10,
  'FactChange.sources': 10,
  'Lineage.rules': 1000,
  'Lineage.edges': 1000,
  'CountryConnection.edges': 'page',
  'RuleConnection.edges': 'page',
  'ChangeConnection.edges': 'page',
  // v3 entities: ECCNs, country groups, listings, sources and the lists of every kind. Sized so that the
  // natural nested question (every group with its members, every ECCN with its products, every official
  // with their offices) prices under the default MAX_COST of 50,000.
  'Query.officials': 200,
  'Query.agencies': 200,
  'Query.countryGroups': 50,
  'Query.eccns': 200,
  'ChipProductConnection.edges': 'page',
  'CompanyConnection.edges': 'page',
  'SourceConnection.edges': 'page',
  'ChipProduct.classifications': 50,
  'ChipPerformance.sources': 10,
  'Classification.sources': 10,
  'Company.subsidiaries': 100,
  'Company.listings': 50,
  'Country.groups': 50,
  'CountryGroup.members': 250,
  'CountryGroup.sources': 20,
  'CountryGroupMembership.sources': 10,
  'Eccn.rules': 100,
  'Eccn.products': 200,
  'Eccn.sources': 20,
  'Listing.sources': 10,
  'Rule.eccns': 100,
  'Rule.listings': 1000,
  'Source.supports': 500,
} as const satisfies Record<string, number | 'page'>;

export type ListField = keyof typeof LIST_CAPS;

/** The cap of `Type.field`, 'page' for connection edges, or undefined when it is not a list of things. */
export function listCap(typeName: string, fieldName: string): number | 'page' | undefined {
  return (LIST_CAPS as Record<string, number | 'page'>)[`${typeName}.${fieldName}`];
}
