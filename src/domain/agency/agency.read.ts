import Cypher from '@neo4j/cypher-builder';
import { versionReader } from '../node/version';
import { LIST_CAPS } from '../../read/caps';
import { ReadModel } from '../../read/compiler';
import { across, listProperty, property, related, relatedOne, relationshipType, scoped, sourcesFromIds } from '../../read/fields';
import { heldOn } from '../../read/temporal';

/** What an official can do about a rule: the relationships from Official to Rule. */
export const ACTION_TYPES = ['SIGNED', 'ANNOUNCED', 'INSTRUCTED', 'STATED'];

export const agencyReaders: ReadModel = {
  Agency: {
    label: 'Agency',
    fields: {
      id: property('id'),
      name: property('name'),
      acronym: property('acronym'),
      parent: relatedOne({ types: ['PART_OF'], direction: 'out', label: 'Agency' }, 'Agency'),
      rules: related({ types: ['ISSUED_BY'], direction: 'in', label: 'Rule' }, 'Rule', {
        cap: LIST_CAPS['Agency.rules'],
        orderBy: (_rel, rule) => [Cypher.coalesce(rule.property('issuedOn'), rule.property('publishedOn')), rule.property('id')],
      }),
      // Tenures held on asOf when given; a tenure whose first day is unknown counts as already begun.
      officials: across(
        { types: ['HOLDS_OFFICE'], direction: 'in', label: 'Official' },
        'Office',
        {
          cap: LIST_CAPS['Agency.officials'],
          orderBy: (rel, official) => [rel.property('validFrom'), official.property('id')],
          where: (rel, _official, { asOf }) => (asOf ? heldOn(rel.property('validFrom'), rel.property('validTo'), new Cypher.Param(asOf), 'begun') : undefined),
        },
        (agency, rel, official) => ({ agency, rel, official }),
      ),
    },
  },
  Official: {
    label: 'Official',
    fields: {
      id: property('id'),
      version: versionReader,
      name: property('name'),
      aliases: listProperty('aliases'),
      note: property('note'),
      offices: across(
        { types: ['HOLDS_OFFICE'], direction: 'out', label: 'Agency' },
        'Office',
        { cap: LIST_CAPS['Official.offices'], orderBy: (rel, agency) => [rel.property('validFrom'), agency.property('id')] },
        (official, rel, agency) => ({ official, rel, agency }),
      ),
      actions: across(
        { types: ACTION_TYPES, direction: 'out', label: 'Rule' },
        'OfficialAction',
        { cap: LIST_CAPS['Official.actions'], orderBy: (rel, rule) => [rel.property('on'), rule.property('id')] },
        (official, rel, rule) => ({ official, rel, rule }),
      ),
    },
  },
  Office: {
    fields: {
      official: scoped('Official', 'official'),
      agency: scoped('Agency', 'agency'),
      title: property('title', 'rel'),
      validFrom: property('validFrom', 'rel'),
      validTo: property('validTo', 'rel'),
      note: property('note', 'rel'),
    },
  },
  OfficialAction: {
    fields: {
      official: scoped('Official', 'official'),
      rule: scoped('Rule', 'rule'),
      kind: relationshipType(),
      on: property('on', 'rel'),
      text: property('text', 'rel'),
      sources: sourcesFromIds(LIST_CAPS['OfficialAction.sources'], 'rel'),
    },
  },
};
