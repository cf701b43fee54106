import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused, WriteConflict } from '../../input-refused';
import type { WriteOutcome } from '../change/change.writes';
import { Confidence } from '../confidence/confidence.type';

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

/**
 * Locks the product (SET then REMOVE a marker takes its write lock, so two classifications of one
 * product are checked one after the other) and reports what the input names that does not exist.
 */
const lockProductQuery: NamedQuery = {
  name: 'classifyLockProduct',
  cypher: `
OPTIONAL MATCH (product:ChipProduct {id: $productId})
FOREACH (_ IN CASE WHEN product IS NULL THEN [] ELSE [1] END | SET product.writeLock = true REMOVE product.writeLock)
WITH product
OPTIONAL MATCH (eccn:Eccn {id: $eccnId})
RETURN product IS NOT NULL AS productFound, eccn IS NOT NULL AS eccnFound,
       [id IN $sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }] AS missingSources`,
};

/**
 * Classifications of the product under the same ECCN whose period meets [validFrom, validTo): a null
 * start holds from the beginning, a null end is open. `same` marks the one this input would write again.
 */
const overlappingQuery: NamedQuery = {
  name: 'classifyOverlapping',
  cypher: `
MATCH (:ChipProduct {id: $productId})-[c:CLASSIFIED_AS]->(:Eccn {id: $eccnId})
WHERE ($validTo IS NULL OR c.validFrom IS NULL OR c.validFrom < $validTo)
  AND (c.validTo IS NULL OR $validFrom IS NULL OR $validFrom < c.validTo)
RETURN coalesce(toString(c.validFrom), 'the start') + coalesce(' to ' + toString(c.validTo), ' (open)') AS period,
       (c.validFrom = $validFrom OR (c.validFrom IS NULL AND $validFrom IS NULL))
       AND (c.validTo = $validTo OR (c.validTo IS NULL AND $validTo IS NULL))
       AND coalesce(c.confidence, 'STATED') = $confidence
       AND (c.note = $note OR (c.note IS NULL AND $note IS NULL))
       AND coalesce(c.sourceIds, []) = $sourceIds AS same`,
};

/** The classification, shaped as the seed writes it (docs/graph-model.md). */
const createQuery: NamedQuery = {
  name: 'classify',
  cypher: `
MATCH (product:ChipProduct {id: $productId}), (eccn:Eccn {id: $eccnId})
CREATE (product)-[c:CLASSIFIED_AS]->(eccn)
SET c.validFrom = $validFrom, c.validTo = $validTo, c.confidence = $confidence, c.note = $note, c.sourceIds = $sourceIds`,
};

/**
 * Classifies a product under an ECCN. The product, the ECCN and every source must exist
 * (BAD_USER_INPUT naming the field); a classification under the same ECCN whose period overlaps is a
 * CONFLICT, unless it is exactly this one (a retry: nothing written, no Change).
 */
export async function classify(tx: CountingTransaction, input: Classify): Promise<WriteOutcome> {
  const [found] = await tx.run<{ productFound: boolean; eccnFound: boolean; missingSources: string[] }>(lockProductQuery, input);
  if (!found.productFound) throw new InputRefused(`No chip product has id ${input.productId}.`, 'input.productId');
  if (!found.eccnFound) throw new InputRefused(`No ECCN ${input.eccnId.slice('eccn:'.length)} is in the graph.`, 'input.eccn');
  if (found.missingSources.length > 0) throw new InputRefused(`No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds');
  const entityIds = [input.productId, input.eccnId];
  const overlaps = await tx.run<{ period: string; same: boolean }>(overlappingQuery, input);
  if (overlaps.length === 1 && overlaps[0].same) return { entityIds, changed: false };
  if (overlaps.length > 0) {
    throw new WriteConflict(
      `${input.productId} is already classified under ${input.eccnId} for ${overlaps.map((o) => o.period).join('; ')}: end that classification first.`,
      'input.validFrom',
    );
  }
  await tx.run(createQuery, input);
  return { entityIds, changed: true };
}
