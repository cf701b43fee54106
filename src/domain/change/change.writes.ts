import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import type { ChangeDiff } from './snapshot';

/**
 * What a write did: the ids it wrote, and whether it changed anything. A write repeated with the
 * same input (a client's retry) changes nothing and records no Change.
 */
export interface WriteOutcome {
  entityIds: string[];
  changed: boolean;
}

/** A recorded Change: its id and its place in commit order. */
export interface RecordedChange {
  id: string;
  position: number;
}

/**
 * Takes the next position from the (:ChangeSequence) counter (migration 008) and records the Change
 * under it. SET then REMOVE a marker takes the counter's write lock before its value is read, so
 * no two writes read the same value; the lock is held until this transaction commits, so positions
 * follow commit order. `at` is read after the lock is taken, so it never goes backwards either.
 */
const recordChangeQuery: NamedQuery = {
  name: 'recordChange',
  cypher: `
MATCH (sequence:ChangeSequence {id: 'changes'})
SET sequence.locked = true
REMOVE sequence.locked
WITH sequence
SET sequence.last = sequence.last + 1
CREATE (c:Change {id: 'change:' + randomUUID(), position: sequence.last, at: datetime.truncate('millisecond', datetime.realtime()),
                  editor: $editor, operation: $operation, entityIds: $entityIds, before: $before, after: $after})
RETURN c.id AS id, c.position AS position`,
};

/**
 * Records a write in the same transaction as the write, so the audit trail and the graph never
 * disagree and the feed's order is commit order. Every write calls it, last (after its reads), so
 * the counter's lock is held only while the transaction commits. `diff` (snapshot.ts) is stored as
 * JSON text in `before` and `after`.
 */
export async function recordChange(tx: CountingTransaction, editor: string, operation: string, entityIds: string[], diff?: ChangeDiff): Promise<RecordedChange> {
  const [row] = await tx.run<RecordedChange>(recordChangeQuery, {
    editor, operation, entityIds, before: diff ? JSON.stringify(diff.before) : null, after: diff ? JSON.stringify(diff.after) : null,
  });
  if (!row) throw new Error('The (:ChangeSequence) node is missing: apply the migrations in cypher/ first.');
  return row;
}

/** Many Changes at once, at consecutive positions taken under the counter's lock (the seed records one per entity). */
const recordChangesQuery: NamedQuery = {
  name: 'recordChanges',
  cypher: `
MATCH (sequence:ChangeSequence {id: 'changes'})
SET sequence.locked = true
REMOVE sequence.locked
WITH sequence, sequence.last AS last
SET sequence.last = last + size($changes)
WITH last, datetime.truncate('millisecond', datetime.realtime()) AS at
UNWIND range(0, size($changes) - 1) AS i
WITH last, at, i, $changes[i] AS change
CREATE (c:Change {id: 'change:' + randomUUID(), position: last + i + 1, at: at, editor: $editor, operation: $operation,
                  entityIds: change.entityIds, before: change.before, after: change.after})
RETURN count(c) AS recorded`,
};

/** Records one Change per item, in the order given, in one transaction. */
export async function recordChanges(
  tx: CountingTransaction, editor: string, operation: string, items: { entityIds: string[]; diff: ChangeDiff }[],
): Promise<void> {
  if (items.length === 0) return;
  const changes = items.map(({ entityIds, diff }) => ({ entityIds, before: JSON.stringify(diff.before), after: JSON.stringify(diff.after) }));
  const [row] = await tx.run<{ recorded: number }>(recordChangesQuery, { editor, operation, changes });
  if (!row) throw new Error('The (:ChangeSequence) node is missing: apply the migrations in cypher/ first.');
}
