import Cypher from '@neo4j/cypher-builder';
import { Compiler } from '../../read/compiler';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';

/** A dated relationship's start equals `validFrom`, a null start matching only a null start. */
export const startsOn = (rel: Cypher.Relationship, validFrom: unknown): Cypher.Predicate =>
  validFrom === null || validFrom === undefined
    ? Cypher.isNull(rel.property('validFrom'))
    : Cypher.eq(rel.property('validFrom'), new Cypher.Param(validFrom));

/** One classification, as classify returns it after writing it: the product's, under the ECCN, from validFrom. */
export const classification = (productId: string, eccnId: string, validFrom: unknown) => (selection: Selection, compiler: Compiler) => {
  const product = new Cypher.Node();
  const eccn = new Cypher.Node();
  const rel = new Cypher.Relationship();
  return new Cypher.Match(
    new Cypher.Pattern(product, { labels: ['ChipProduct'], properties: { id: new Cypher.Param(productId) } })
      .related(rel, { type: 'CLASSIFIED_AS' })
      .to(eccn, { labels: ['Eccn'], properties: { id: new Cypher.Param(eccnId) } }),
  )
    .where(startsOn(rel, validFrom))
    .return([compiler.object('Classification', selection, { product, eccn, rel }), VALUE])
    .limit(new Cypher.Literal(1));
};
