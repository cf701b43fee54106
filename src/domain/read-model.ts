import { ReadModel } from '../read/compiler';
import { agencyReaders } from './agency/agency.read';
import { changeReaders } from './change/change.read';
import { countryReaders } from './country/country.read';
import { countryGroupReaders } from './country-group/country-group.read';
import { eccnReaders } from './eccn/eccn.read';
import { listingReaders } from './listing/listing.read';
import { historyReaders } from './history/history.read';
import { lineageReaders } from './lineage/lineage.read';
import { productReaders } from './product/product.read';
import { ruleReaders } from './rule/rule.read';
import { searchReaders } from './search/search.read';
import { sourceReaders } from './source/source.read';
import { tierReaders } from './tier/tier.read';

/** How every object type of the API is read from the graph: one entry per type, from its domain folder. */
export const readModel: ReadModel = {
  ...countryReaders,
  ...tierReaders,
  ...ruleReaders,
  ...agencyReaders,
  ...productReaders,
  ...sourceReaders,
  ...searchReaders,
  ...lineageReaders,
  ...changeReaders,
  ...eccnReaders,
  ...countryGroupReaders,
  ...listingReaders,
  ...historyReaders,
};
