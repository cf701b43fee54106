// Full-text search over everything a person might type: names, aliases, titles, citations, document numbers.
// Typo tolerance comes from fuzzy terms (`word~`) in the query, not from the index.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Country|Tier|Rule|Agency|Official|ChipProduct|Company|Source)
ON EACH [n.name, n.title, n.aliases, n.shortName, n.acronym, n.citation, n.documentNumber, n.summary, n.code];
