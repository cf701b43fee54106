// The audit trail: one (:Change) per mutation, listed newest first by the changes query.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE RANGE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
