// Every lineage write (linkRules, revokeRule) first takes this one node's write lock, so a cycle check
// reads every link committed before it and no other link lands beside it unseen. Lineage writes are rare.
CREATE CONSTRAINT lineage_lock_id IF NOT EXISTS FOR (n:LineageLock) REQUIRE n.id IS UNIQUE;
MERGE (:LineageLock {id: 'lineage'});
