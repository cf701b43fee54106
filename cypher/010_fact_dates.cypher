// factChanges reads every dated fact that began or ended in a window: one range seek per kind of fact and
// date, never a walk over every fact of the graph. IN_TIER has its indexes already (004_tier_windows).
CREATE RANGE INDEX in_group_valid_from IF NOT EXISTS FOR ()-[r:IN_GROUP]-() ON (r.validFrom);
CREATE RANGE INDEX in_group_valid_to IF NOT EXISTS FOR ()-[r:IN_GROUP]-() ON (r.validTo);
CREATE RANGE INDEX targets_valid_from IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.validFrom);
CREATE RANGE INDEX targets_valid_to IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.validTo);
CREATE RANGE INDEX restricts_valid_from IF NOT EXISTS FOR ()-[r:RESTRICTS]-() ON (r.validFrom);
CREATE RANGE INDEX restricts_valid_to IF NOT EXISTS FOR ()-[r:RESTRICTS]-() ON (r.validTo);
CREATE RANGE INDEX prohibits_use_valid_from IF NOT EXISTS FOR ()-[r:PROHIBITS_USE]-() ON (r.validFrom);
CREATE RANGE INDEX prohibits_use_valid_to IF NOT EXISTS FOR ()-[r:PROHIBITS_USE]-() ON (r.validTo);
CREATE RANGE INDEX classified_as_valid_from IF NOT EXISTS FOR ()-[r:CLASSIFIED_AS]-() ON (r.validFrom);
CREATE RANGE INDEX classified_as_valid_to IF NOT EXISTS FOR ()-[r:CLASSIFIED_AS]-() ON (r.validTo);
CREATE RANGE INDEX holds_office_valid_from IF NOT EXISTS FOR ()-[r:HOLDS_OFFICE]-() ON (r.validFrom);
CREATE RANGE INDEX holds_office_valid_to IF NOT EXISTS FOR ()-[r:HOLDS_OFFICE]-() ON (r.validTo);
CREATE RANGE INDEX subsidiary_of_valid_from IF NOT EXISTS FOR ()-[r:SUBSIDIARY_OF]-() ON (r.validFrom);
CREATE RANGE INDEX subsidiary_of_valid_to IF NOT EXISTS FOR ()-[r:SUBSIDIARY_OF]-() ON (r.validTo);
// A rule's status changes when it starts, is suspended, resumes or ends (Rule.statusHistory).
CREATE RANGE INDEX suspends_from IF NOT EXISTS FOR ()-[r:SUSPENDS]-() ON (r.from);
CREATE RANGE INDEX suspends_until IF NOT EXISTS FOR ()-[r:SUSPENDS]-() ON (r.until);
CREATE RANGE INDEX rule_effective_on IF NOT EXISTS FOR (r:Rule) ON (r.effectiveOn);
CREATE RANGE INDEX rule_issued_on IF NOT EXISTS FOR (r:Rule) ON (r.issuedOn);
CREATE RANGE INDEX rule_published_on IF NOT EXISTS FOR (r:Rule) ON (r.publishedOn);
CREATE RANGE INDEX rule_revoked_on IF NOT EXISTS FOR (r:Rule) ON (r.revokedOn);
// Listings are nodes (docs/graph-model.md): a party's listing begins and ends on the node.
CREATE RANGE INDEX listing_valid_from IF NOT EXISTS FOR (l:Listing) ON (l.validFrom);
CREATE RANGE INDEX listing_valid_to IF NOT EXISTS FOR (l:Listing) ON (l.validTo);
