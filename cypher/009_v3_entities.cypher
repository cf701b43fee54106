// v3 entities (docs/graph-model.md): ECCNs, country groups and listings get unique ids, and the two
// findable kinds join search. A Neo4j index's label list cannot be altered, so the full-text index
// (entity_text) and the exact-name index (entity_names) are dropped and created again over the registry's
// kinds (src/domain/entities.ts; test/unit/entities.test.ts pins the newest definition of each to it).
CREATE CONSTRAINT eccn_id IF NOT EXISTS FOR (n:Eccn) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_group_id IF NOT EXISTS FOR (n:CountryGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT listing_id IF NOT EXISTS FOR (n:Listing) REQUIRE n.id IS UNIQUE;
DROP INDEX entity_text IF EXISTS;
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Country|Tier|Rule|Agency|Official|ChipProduct|Company|Source|Eccn|CountryGroup)
ON EACH [n.name, n.title, n.aliases, n.shortName, n.acronym, n.citation, n.documentNumber, n.summary, n.code];
DROP INDEX entity_names IF EXISTS;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Country|Tier|Rule|Agency|Official|ChipProduct|Company|Eccn|CountryGroup)
ON EACH [n.nameKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
// Keys for ECCNs and country groups stored before this migration: the statement refreshNameKeys in
// src/domain/search/names.ts (which the seed runs too), over every findable kind.
MATCH (n:Country|Tier|Rule|Agency|Official|ChipProduct|Company|Eccn|CountryGroup)
WITH n, [key IN [n.name, n.title, n.shortName, n.acronym, n.code, n.citation, n.documentNumber, n.family]
    + coalesce(n.aliases, [])
    + COLLECT { MATCH (n)-[:MADE_BY]->(maker:Company) WHERE n.family IS NOT NULL RETURN maker.name + ' ' + n.family }
  WHERE key IS NOT NULL | toLower(trim(key))] AS keys
WHERE n.nameKeys IS NULL OR n.nameKeys <> keys
SET n.nameKeys = keys;
