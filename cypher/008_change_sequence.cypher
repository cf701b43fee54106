// The changes feed in commit order. Every write records its (:Change) with `position`, taken from this one
// counter node in the same transaction: the transaction holds the counter's write lock until it commits, so
// positions are handed out in commit order and a follower asking for changes after position p misses none
// (changesSince). The counter is taken last in each write, so the lock is held only while the write commits.
CREATE CONSTRAINT change_sequence_id IF NOT EXISTS FOR (n:ChangeSequence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_position IF NOT EXISTS FOR (n:Change) REQUIRE n.position IS UNIQUE;
MERGE (sequence:ChangeSequence {id: 'changes'}) ON CREATE SET sequence.last = 0;
// Changes recorded before this migration, numbered in the order the feed showed them (instant, then id).
MATCH (sequence:ChangeSequence {id: 'changes'})
CALL (sequence) {
  MATCH (c:Change) WHERE c.position IS NULL
  WITH c ORDER BY c.at, c.id
  RETURN collect(c) AS unnumbered
}
FOREACH (i IN range(0, size(unnumbered) - 1) | SET (unnumbered[i]).position = sequence.last + i + 1)
SET sequence.last = sequence.last + size(unnumbered);
