import { ReadModel } from '../../read/compiler';
import { property } from '../../read/fields';

export const sourceReaders: ReadModel = {
  Source: {
    label: 'Source',
    fields: {
      id: property('id'),
      title: property('title'),
      publisher: property('publisher'),
      url: property('url'),
      publishedOn: property('publishedOn'),
      kind: property('kind'),
      note: property('note'),
    },
  },
};
