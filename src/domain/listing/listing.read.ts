import Cypher from '@neo4j/cypher-builder';
import { LIST_CAPS } from '../../read/caps';
import { Compiler, ReadModel } from '../../read/compiler';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { confidenceOf, property, related, relatedOnce, relatedOne, sourcesFromIds, startFirst } from '../../read/fields';
import { heldOn, ruleStart } from '../../read/temporal';

/** The rules of a listing, the first that acted on it first. */
const byStart = (_rel: Cypher.Relationship, rule: Cypher.Node) => [ruleStart(rule), rule.property('id')];

/** A company's listings, oldest first; those in force on asOf when given (a listing with no known first day counts as begun). */
export const listingsRead = related({ types: ['LISTED'], direction: 'out', label: 'Listing' }, 'Listing', {
  cap: LIST_CAPS['Company.listings'],
  orderBy: (_rel, listing) => [...startFirst(listing.property('validFrom')), listing.property('list'), listing.property('id')],
  where: (_rel, listing, { asOf }) => (asOf ? heldOn(listing.property('validFrom'), listing.property('validTo'), new Cypher.Param(asOf), 'begun') : undefined),
});

/** Listings a rule added, changed or removed, each once, oldest first. */
export const ruleListingsRead = relatedOnce({ types: ['ADDS_LISTING', 'REMOVES_LISTING'], direction: 'out', label: 'Listing' }, 'Listing', {
  cap: LIST_CAPS['Rule.listings'],
  orderBy: (listing) => [...startFirst(listing.property('validFrom')), listing.property('id')],
});

export const listingReaders: ReadModel = {
  Listing: {
    label: 'Listing',
    fields: {
      party: relatedOne({ types: ['LISTED'], direction: 'in', label: 'Company' }, 'Company'),
      list: property('list'),
      licenseRequirement: property('licenseRequirement'),
      licensePolicy: property('licensePolicy'),
      validFrom: property('validFrom'),
      validTo: property('validTo'),
      addedBy: relatedOne({ types: ['ADDS_LISTING'], direction: 'in', label: 'Rule' }, 'Rule', byStart),
      removedBy: relatedOne({ types: ['REMOVES_LISTING'], direction: 'in', label: 'Rule' }, 'Rule', byStart),
      confidence: confidenceOf('node'),
      note: property('note'),
      sources: sourcesFromIds(LIST_CAPS['Listing.sources'], 'node'),
    },
  },
};

/** One listing by id, as recordListing returns it after writing it. */
export const listingById = (id: string) => (selection: Selection, compiler: Compiler) => {
  const node = new Cypher.Node();
  return new Cypher.Match(new Cypher.Pattern(node, { labels: ['Listing'], properties: { id: new Cypher.Param(id) } }))
    .return([compiler.object('Listing', selection, { node }), VALUE]);
};
