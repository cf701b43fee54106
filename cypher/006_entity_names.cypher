// Exact names (src/domain/search/names.ts): each entity stores its names, aliases, codes, titles, citations,
// document numbers and product family lowercased in `nameKeys`; a keyword index makes each key one term,
// so "Huawei Ascend" or "UAE" is one term lookup instead of fuzzy full-text matching on every word.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Country|Tier|Rule|Agency|Official|ChipProduct|Company)
ON EACH [n.nameKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
// Keys for entities stored before this migration: the statement refreshNameKeys in names.ts, which the seed runs too.
MATCH (n:Country|Tier|Rule|Agency|Official|ChipProduct|Company)
WITH n, [key IN [n.name, n.title, n.shortName, n.acronym, n.code, n.citation, n.documentNumber, n.family]
    + coalesce(n.aliases, [])
    + COLLECT { MATCH (n)-[:MADE_BY]->(maker:Company) WHERE n.family IS NOT NULL RETURN maker.name + ' ' + n.family }
  WHERE key IS NOT NULL | toLower(trim(key))] AS keys
WHERE n.nameKeys IS NULL OR n.nameKeys <> keys
SET n.nameKeys = keys;
