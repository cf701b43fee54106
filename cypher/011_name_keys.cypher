// Exact names by index seek (src/domain/search/names.ts): a (:NameKey {key}) node per name key, linked by
// NAMES to each entity whose `nameKeys` holds it, found through the unique index below. It replaces the
// keyword full-text index entity_names, whose query cost Neo4j several times a seek's CPU on every
// name-resolving request; nothing reads entity_names any more, so it is dropped and writes no longer keep it.
CREATE CONSTRAINT name_key_key IF NOT EXISTS FOR (k:NameKey) REQUIRE k.key IS UNIQUE;
DROP INDEX entity_names IF EXISTS;
// Links for the entities stored before this migration: the statement refreshNameKeys in
// src/domain/search/names.ts, over every findable kind.
MATCH (n:Country|Tier|Rule|Agency|Official|ChipProduct|Company|Eccn|CountryGroup)
WITH n, [key IN [n.name, n.title, n.shortName, n.acronym, n.code, n.citation, n.documentNumber, n.family]
    + coalesce(n.aliases, [])
    + COLLECT { MATCH (n)-[:MADE_BY]->(maker:Company) WHERE n.family IS NOT NULL RETURN maker.name + ' ' + n.family }
  WHERE key IS NOT NULL | toLower(trim(key))] AS keys
WHERE n.nameKeys IS NULL OR n.nameKeys <> keys
   OR any(key IN keys WHERE size(key) <= 1000 AND NOT EXISTS { (n)<-[:NAMES]-(:NameKey {key: key}) })
SET n.nameKeys = keys
WITH *
CALL (n) {
  OPTIONAL MATCH (n)<-[stale:NAMES]-(old) WHERE NOT old.key IN n.nameKeys
  DELETE stale
}
CALL (n) {
  UNWIND [key IN n.nameKeys WHERE size(key) <= 1000] AS key
  MERGE (nameKey:NameKey {key: key})
  MERGE (nameKey)-[:NAMES]->(n)
};
