// "Tier of a country on a date" walked every IN_TIER relationship the country ever had (1,045 per country
// at 1M relationships). Each assignment also stores its country's code, so the assignments of one country
// that began by a date are one seek: (c)-[a:IN_TIER]->() WHERE a.countryCode = c.code AND a.validFrom <= $asOf.
// Writers of IN_TIER set countryCode (seed, createAssignment, synthetic data).
CREATE RANGE INDEX in_tier_country_valid_from IF NOT EXISTS FOR ()-[a:IN_TIER]-() ON (a.countryCode, a.validFrom);
// Assignments stored before this migration.
MATCH (c:Country)-[a:IN_TIER]->(:Tier)
WHERE a.countryCode IS NULL OR a.countryCode <> c.code
SET a.countryCode = c.code;
