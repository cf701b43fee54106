import { LIST_CAPS } from '../../read/caps';
import { ReadModel } from '../../read/compiler';
import { listProperty, property, related, relatedOne } from '../../read/fields';

export const productReaders: ReadModel = {
  ChipProduct: {
    label: 'ChipProduct',
    fields: {
      id: property('id'),
      name: property('name'),
      aliases: listProperty('aliases'),
      family: property('family'),
      tpp: property('tpp'),
      eccn: property('eccn'),
      note: property('note'),
      maker: relatedOne({ types: ['MADE_BY'], direction: 'out', label: 'Company' }, 'Company'),
    },
  },
  Company: {
    label: 'Company',
    fields: {
      id: property('id'),
      name: property('name'),
      aliases: listProperty('aliases'),
      country: relatedOne({ types: ['BASED_IN'], direction: 'out', label: 'Country' }, 'Country'),
      products: related({ types: ['MADE_BY'], direction: 'in', label: 'ChipProduct' }, 'ChipProduct', {
        cap: LIST_CAPS['Company.products'],
        orderBy: (_rel, product) => [product.property('name')],
      }),
    },
  },
};
