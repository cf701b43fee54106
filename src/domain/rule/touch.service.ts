import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused } from '../../input-refused';
import type { WriteOutcome } from '../change/change.writes';
import { Confidence } from '../confidence/confidence.type';
import { touchableLabels } from '../entities';
import { createUnlessOverlapping, lockNode, MISSING_SOURCES, overlappingQuery, refuseMissing } from '../fact/dated-fact.writes';

export type RecordTouch = {
  ruleId: string;
  targetId: string;
  /** The target's label, from its id (a touchable kind of src/domain/entities.ts). */
  targetLabel: string;
  relation: string;
  validFrom: unknown;
  validTo: unknown;
  confidence: Confidence;
  note: string | null;
  sourceIds: string[];
};

type TouchQueries = { lock: NamedQuery; overlapping: NamedQuery; create: NamedQuery };

/** One set per target label, so every MATCH uses that label's id index. */
const queriesOf = (label: string): TouchQueries => ({
  // Locks the rule, so its touches are checked one after the other.
  lock: {
    name: `recordTouchLock${label}`,
    cypher: `
OPTIONAL MATCH (rule:Rule {id: $ruleId})
${lockNode('rule')}
RETURN rule IS NOT NULL AS ruleFound, EXISTS { MATCH (:${label} {id: $targetId}) } AS targetFound, ${MISSING_SOURCES} AS missingSources`,
  },
  overlapping: overlappingQuery(
    `recordTouchOverlapping${label}`,
    `MATCH (:Rule {id: $ruleId})-[t:TARGETS|RESTRICTS|PROHIBITS_USE]->(:${label} {id: $targetId}) WHERE type(t) = $relation`,
    't',
    { confidence: 'confidence', note: 'note', sourceIds: 'sourceIds' },
  ),
  /** The touch, as docs/graph-model.md describes it. */
  create: {
    name: `recordTouch${label}`,
    cypher: `
MATCH (rule:Rule {id: $ruleId}), (target:${label} {id: $targetId})
CREATE (rule)-[t:$($relation)]->(target)
SET t.validFrom = $validFrom, t.validTo = $validTo, t.confidence = $confidence, t.note = $note, t.sourceIds = $sourceIds`,
  },
});

const QUERIES = new Map(touchableLabels.map((label) => [label, queriesOf(label)]));

/**
 * Records that a rule reaches an entity directly (TARGETS, RESTRICTS or PROHIBITS_USE). The rule,
 * the target and every source must exist (BAD_USER_INPUT naming the field); the same relation to the
 * same target over an overlapping period is a CONFLICT, unless it is exactly this touch (a retry:
 * nothing written, no Change).
 */
export async function recordTouch(tx: CountingTransaction, input: RecordTouch): Promise<WriteOutcome> {
  const queries = QUERIES.get(input.targetLabel);
  if (!queries) throw new InputRefused(`A rule touches a country, company, chip product, ECCN or country group; ${input.targetId} is none.`, 'input.targetId');
  const [found] = await tx.run<{ ruleFound: boolean; targetFound: boolean; missingSources: string[] }>(queries.lock, input);
  refuseMissing([
    [!found.ruleFound, `No rule has id ${input.ruleId}.`, 'input.ruleId'],
    [!found.targetFound, `Nothing in the graph has id ${input.targetId}.`, 'input.targetId'],
    [found.missingSources.length > 0, `No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds'],
  ]);
  const changed = await createUnlessOverlapping(tx, queries, input,
    (periods) => `${input.ruleId} already ${input.relation} ${input.targetId} for ${periods}: end that touch first.`);
  return { entityIds: [input.ruleId, input.targetId], changed };
}
