import { LIST_CAPS } from '../../read/caps';
import { ReadModel } from '../../read/compiler';
import { across, confidenceOf, property, referenced, related, scoped, sourcesFromIds, startFirst } from '../../read/fields';
import { heldOnAsOf } from '../eccn/eccn.read';

/** A country's group memberships, oldest first; those held on asOf when given. */
export const groupsRead = across(
  { types: ['IN_GROUP'], direction: 'out', label: 'CountryGroup' },
  'CountryGroupMembership',
  {
    cap: LIST_CAPS['Country.groups'],
    orderBy: (rel, group) => [...startFirst(rel.property('validFrom')), group.property('code')],
    where: (rel, _group, { asOf }) => heldOnAsOf(rel, asOf),
  },
  (country, rel, group) => ({ country, rel, group }),
);

export const countryGroupReaders: ReadModel = {
  CountryGroup: {
    label: 'CountryGroup',
    fields: {
      id: property('id'),
      code: property('code'),
      name: property('name'),
      description: property('description'),
      // Members on asOf (every membership ever when not given), by country code, oldest first.
      members: across(
        { types: ['IN_GROUP'], direction: 'in', label: 'Country' },
        'CountryGroupMembership',
        {
          cap: LIST_CAPS['CountryGroup.members'],
          orderBy: (rel, country) => [country.property('code'), ...startFirst(rel.property('validFrom'))],
          where: (rel, _country, { asOf }) => heldOnAsOf(rel, asOf),
        },
        (group, rel, country) => ({ group, rel, country }),
      ),
      sources: related({ types: ['CITES'], direction: 'out', label: 'Source' }, 'Source', {
        cap: LIST_CAPS['CountryGroup.sources'],
        orderBy: (_rel, source) => [source.property('id')],
      }),
    },
  },
  CountryGroupMembership: {
    fields: {
      country: scoped('Country', 'country'),
      group: scoped('CountryGroup', 'group'),
      validFrom: property('validFrom', 'rel'),
      validTo: property('validTo', 'rel'),
      addedBy: referenced('Rule', 'Rule', 'rel', 'addedBy'),
      removedBy: referenced('Rule', 'Rule', 'rel', 'removedBy'),
      confidence: confidenceOf('rel'),
      note: property('note', 'rel'),
      sources: sourcesFromIds(LIST_CAPS['CountryGroupMembership.sources'], 'rel'),
    },
  },
};
