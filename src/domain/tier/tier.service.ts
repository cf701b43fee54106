import { InputRefused } from '../../input-refused';
import { CountingTransaction } from '../../neo4j/graph';
import type { WriteOutcome } from '../change/change.writes';
import { refuseMissing } from '../fact/dated-fact.writes';
import { TierAssignment } from './tier.type';
import { Confidence } from '../confidence/confidence.type';
import * as w from './tier.writes';

export type AssignTier = {
  /** Upper case ISO 3166-1 alpha-2. */
  code: string;
  tierId: string;
  validFrom: unknown;
  validTo: unknown;
  sourceIds: string[];
  /** What the seed's and an import's shape add (the mutation leaves them out): STATED, no note. */
  confidence?: Confidence;
  note?: string | null;
};

/**
 * Puts a country in a tier from validFrom: its open assignment under the same rule closes that day.
 * The country, the tier and every source must exist (BAD_USER_INPUT naming the field); an assignment
 * that would overlap another under the same rule is refused with nothing written; the same assignment
 * recorded again (a retry, or a reload after a rule's ending closed it) writes nothing and records no Change.
 */
export async function assignTier(tx: CountingTransaction, given: AssignTier): Promise<WriteOutcome> {
  const input = { ...given, confidence: given.confidence ?? Confidence.STATED, note: given.note ?? null };
  const [found] = await tx.run<{ countryId: string | null; tierId: string | null; ruleId: string | null; missingSources: string[] }>(w.lockCountryAndTier, input);
  refuseMissing([
    [!found.countryId, `No country has code ${input.code}.`, 'input.countryCode'],
    [!found.tierId || !found.ruleId, `No tier has id ${input.tierId}.`, 'input.tierId'],
    [found.missingSources.length > 0, `No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds'],
  ]);
  const entityIds = [found.countryId!, input.tierId];

  const [existing] = await tx.run<{ assignment: TierAssignment }>(w.sameAssignment, input);
  if (existing) return { entityIds, changed: false };

  const ruled = { ...input, ruleId: found.ruleId };
  await tx.run(w.closeOpenAssignment, ruled);
  const overlaps = await tx.run<{ overlap: string }>(w.overlappingAssignments, ruled);
  // Throwing rolls back the close above too.
  if (overlaps.length > 0) throw new InputRefused(`The assignment would overlap ${overlaps.map((o) => o.overlap).join('; ')}.`, 'input.validFrom');
  await tx.run(w.createAssignment, input);
  return { entityIds, changed: true };
}
