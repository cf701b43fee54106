import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused, WriteConflict } from '../../input-refused';
import type { WriteOutcome } from '../change/change.writes';
import { lockLineage, refuseCycle } from './rule.writes';
import { Confidence } from '../confidence/confidence.type';

export type SuspendRule = {
  ruleId: string; byRuleId: string; from: unknown; until: unknown; sourceIds: string[];
  /** What the seed's and an import's shape add (the mutation leaves them out): STATED, no note. */
  confidence?: Confidence; note?: string | null;
};

const suspensionFind: NamedQuery = {
  name: 'suspendRuleFind',
  cypher: `
OPTIONAL MATCH (:Rule {id: $byRuleId})-[s:SUSPENDS]->(:Rule {id: $ruleId})
RETURN s IS NOT NULL AS found, toString(s.from) AS from, toString(s.until) AS until, coalesce(s.sourceIds, []) AS sourceIds,
       [id IN $sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }] AS missingSources`,
};

/** The SUSPENDS link as docs/graph-model.md describes it: on = from, until the first day it applies again. */
const suspensionCreate: NamedQuery = {
  name: 'suspendRule',
  cypher: `
MATCH (by:Rule {id: $byRuleId}), (rule:Rule {id: $ruleId})
CREATE (by)-[s:SUSPENDS]->(rule)
SET s.on = $from, s.from = $from, s.until = $until, s.confidence = $confidence, s.note = $note, s.sourceIds = $sourceIds`,
};

/**
 * Records that one rule suspends another for a period. Both rules and every source must exist; the
 * link passes the lineage cycle check under the lineage lock like linkRules. An instrument suspends a
 * rule once: the same suspension again changes nothing, another period is a CONFLICT.
 */
export async function suspendRule(tx: CountingTransaction, input: SuspendRule): Promise<WriteOutcome> {
  await lockLineage(tx, { 'input.ruleId': input.ruleId, 'input.byRuleId': input.byRuleId });
  const [found] = await tx.run<{ found: boolean; from: string | null; until: string | null; sourceIds: string[]; missingSources: string[] }>(suspensionFind, input);
  if (found.missingSources.length > 0) throw new InputRefused(`No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds');
  const entityIds = [input.byRuleId, input.ruleId];
  if (found.found) {
    if (found.from === String(input.from) && found.until === (input.until == null ? null : String(input.until))) return { entityIds, changed: false };
    throw new WriteConflict(`${input.byRuleId} already suspends ${input.ruleId} from ${found.from}${found.until ? ` until ${found.until}` : ''}.`, 'input.from');
  }
  await refuseCycle(tx, input.byRuleId, input.ruleId, 'input.byRuleId');
  await tx.run(suspensionCreate, { ...input, confidence: input.confidence ?? Confidence.STATED, note: input.note ?? null });
  return { entityIds, changed: true };
}
