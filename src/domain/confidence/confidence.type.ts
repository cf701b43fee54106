import { registerEnumType } from 'type-graphql';

/**
 * How firmly the sources state a fact (docs/graph-model.md): stored as the `confidence` property of each
 * dated fact, STATED when absent.
 */
export enum Confidence {
  STATED = 'STATED',
  INFERRED = 'INFERRED',
  UNCONFIRMED = 'UNCONFIRMED',
}
registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'How firmly the sources state a fact.',
  valuesConfig: {
    STATED: { description: 'A cited source states it.' },
    INFERRED: { description: 'Derived from stated facts (e.g. a rule names a product class and the product is in it); the note says how.' },
    UNCONFIRMED: { description: 'Reported, but no primary source was found; the note says what is missing.' },
  },
});

/** The stored value a fact without `confidence` has. */
export const DEFAULT_CONFIDENCE = Confidence.STATED;
