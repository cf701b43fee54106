import Cypher from '@neo4j/cypher-builder';
import { LIST_CAPS } from '../../read/caps';
import { ReadModel } from '../../read/compiler';
import { across, confidenceOf, property, related, relatedOnce, scoped, sourcesFromIds, startFirst } from '../../read/fields';
import { heldOn, ruleStart } from '../../read/temporal';

/** A classification or membership on asOf when given: a fact with no known first day counts as begun (docs/graph-model.md). */
export const heldOnAsOf = (rel: Cypher.Variable, asOf: unknown): Cypher.Predicate | undefined =>
  asOf ? heldOn(rel.property('validFrom'), rel.property('validTo'), new Cypher.Param(asOf), 'begun') : undefined;

/** A product's classifications, oldest first (those with no known first day before the rest); those held on asOf when given. */
export const classificationsRead = across(
  { types: ['CLASSIFIED_AS'], direction: 'out', label: 'Eccn' },
  'Classification',
  {
    cap: LIST_CAPS['ChipProduct.classifications'],
    orderBy: (rel, eccn) => [...startFirst(rel.property('validFrom')), eccn.property('code')],
    where: (rel, _eccn, { asOf }) => heldOnAsOf(rel, asOf),
  },
  (product, rel, eccn) => ({ product, rel, eccn }),
);

export const eccnReaders: ReadModel = {
  Eccn: {
    label: 'Eccn',
    fields: {
      id: property('id'),
      code: property('code'),
      title: property('title'),
      rules: related({ types: ['CONTROLS'], direction: 'in', label: 'Rule' }, 'Rule', {
        cap: LIST_CAPS['Eccn.rules'],
        orderBy: (_rel, rule) => [ruleStart(rule), rule.property('id')],
      }),
      products: relatedOnce({ types: ['CLASSIFIED_AS'], direction: 'in', label: 'ChipProduct' }, 'ChipProduct', {
        cap: LIST_CAPS['Eccn.products'],
        orderBy: (product) => [product.property('name'), product.property('id')],
        where: (rel, _product, { asOf }) => heldOnAsOf(rel, asOf),
      }),
      sources: related({ types: ['CITES'], direction: 'out', label: 'Source' }, 'Source', {
        cap: LIST_CAPS['Eccn.sources'],
        orderBy: (_rel, source) => [source.property('id')],
      }),
    },
  },
  Classification: {
    fields: {
      product: scoped('ChipProduct', 'product'),
      eccn: scoped('Eccn', 'eccn'),
      validFrom: property('validFrom', 'rel'),
      validTo: property('validTo', 'rel'),
      confidence: confidenceOf('rel'),
      note: property('note', 'rel'),
      sources: sourcesFromIds(LIST_CAPS['Classification.sources'], 'rel'),
    },
  },
};
