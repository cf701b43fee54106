// tierChanges asks which memberships ended in a window and which began the day each ended:
// without these it walks every IN_TIER relationship of every country that moved.
CREATE RANGE INDEX in_tier_valid_to IF NOT EXISTS FOR ()-[a:IN_TIER]-() ON (a.validTo);
CREATE RANGE INDEX in_tier_valid_from IF NOT EXISTS FOR ()-[a:IN_TIER]-() ON (a.validFrom);
