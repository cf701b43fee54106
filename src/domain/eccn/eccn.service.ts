import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import type { WriteOutcome } from '../change/change.writes';
import { Confidence } from '../confidence/confidence.type';
import { createUnlessOverlapping, lockNode, MISSING_SOURCES, overlappingQuery, refuseMissing } from '../fact/dated-fact.writes';

export type Classify = {
  productId: string;
  /** The ECCN's id, 'eccn:<code as written>'. */
  eccnId: string;
  validFrom: unknown;
  validTo: unknown;
  confidence: Confidence;
  note: string | null;
  sourceIds: string[];
};

/** Locks the product, so two classifications of it are checked one after the other, and reports what the input names that does not exist. */
const lockProductQuery: NamedQuery = {
  name: 'classifyLockProduct',
  cypher: `
OPTIONAL MATCH (product:ChipProduct {id: $productId})
${lockNode('product')}
WITH product
OPTIONAL MATCH (eccn:Eccn {id: $eccnId})
RETURN product IS NOT NULL AS productFound, eccn IS NOT NULL AS eccnFound, ${MISSING_SOURCES} AS missingSources`,
};

const queries = {
  overlapping: overlappingQuery('classifyOverlapping', 'MATCH (:ChipProduct {id: $productId})-[c:CLASSIFIED_AS]->(:Eccn {id: $eccnId})', 'c', {
    confidence: 'confidence', note: 'note', sourceIds: 'sourceIds',
  }),
  /** The classification, as docs/graph-model.md describes it. */
  create: {
    name: 'classify',
    cypher: `
MATCH (product:ChipProduct {id: $productId}), (eccn:Eccn {id: $eccnId})
CREATE (product)-[c:CLASSIFIED_AS]->(eccn)
SET c.validFrom = $validFrom, c.validTo = $validTo, c.confidence = $confidence, c.note = $note, c.sourceIds = $sourceIds`,
  },
};

/**
 * Classifies a product under an ECCN. The product, the ECCN and every source must exist
 * (BAD_USER_INPUT naming the field); a classification under the same ECCN whose period overlaps is a
 * CONFLICT, unless it is exactly this one (a retry: nothing written, no Change).
 */
export async function classify(tx: CountingTransaction, input: Classify): Promise<WriteOutcome> {
  const [found] = await tx.run<{ productFound: boolean; eccnFound: boolean; missingSources: string[] }>(lockProductQuery, input);
  refuseMissing([
    [!found.productFound, `No chip product has id ${input.productId}.`, 'input.productId'],
    [!found.eccnFound, `No ECCN ${input.eccnId.slice('eccn:'.length)} is in the graph.`, 'input.eccn'],
    [found.missingSources.length > 0, `No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds'],
  ]);
  const changed = await createUnlessOverlapping(tx, queries, input,
    (periods) => `${input.productId} is already classified under ${input.eccnId} for ${periods}: end that classification first.`);
  return { entityIds: [input.productId, input.eccnId], changed };
}
