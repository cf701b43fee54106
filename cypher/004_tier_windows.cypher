// tierChanges asks which memberships ended in a window: without this it reads every IN_TIER relationship.
CREATE RANGE INDEX in_tier_valid_to IF NOT EXISTS FOR ()-[a:IN_TIER]-() ON (a.validTo);
