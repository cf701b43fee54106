import { NamedQuery } from '../neo4j/graph';

/**
 * The seed loader's statements. Each takes `$rows` and MERGEs on ids, so loading twice changes nothing.
 * Every relationship but CITES carries the sourceIds that state it (structural links take their record's).
 * Dates arrive as ISO strings from the data files and are stored as Neo4j dates (date(null) is null).
 */

/** Appended to a node MERGE that binds `n`: links it to each of row.sourceIds. */
const citeSources = `
WITH n, row
UNWIND row.sourceIds AS sourceId
MATCH (s:Source {id: sourceId})
MERGE (n)-[:CITES]->(s)`;

const query = (name: string, cypher: string): NamedQuery => ({ name, cypher });

/**
 * The note of a fact a rule's ending closed keeps the sentence the ending added after the seed's
 * note (revokeRule), so a reload records no change; any other note is reset to the seed's.
 */
const noteKeepingEnding = (fact: string) =>
  `CASE WHEN ${fact}.endedByRuleId IS NOT NULL AND ${fact}.note STARTS WITH coalesce(row.note + ' ', '') THEN ${fact}.note ELSE row.note END`;

export const mergeCountries = query('seedCountries', `
UNWIND $rows AS row
MERGE (n:Country {id: row.id})
SET n.code = row.code, n.alpha3 = row.alpha3, n.numeric = row.numeric, n.name = row.name, n.aliases = row.aliases
${citeSources}`);

export const mergeAgencies = query('seedAgencies', `
UNWIND $rows AS row
MERGE (n:Agency {id: row.id})
SET n.name = row.name, n.acronym = row.acronym, n.note = row.note
${citeSources}`);

export const linkAgencyParents = query('seedAgencyParents', `
UNWIND $rows AS row
MATCH (n:Agency {id: row.id}), (parent:Agency {id: row.parentId})
MERGE (n)-[link:PART_OF]->(parent)
SET link.sourceIds = row.sourceIds`);

export const mergeFabrication = query('seedFabrication', `
UNWIND $rows AS row
MATCH (product:ChipProduct {id: row.productId}), (foundry:Company {id: row.foundryId})
MERGE (product)-[f:FABRICATED_BY]->(foundry)
SET f.unconfirmed = row.unconfirmed, f.note = row.note, f.sourceIds = row.sourceIds`);

/** SUSPENDS links also carry from (= on) and until (the first day the rule applies again; null while open). */
export const mergeLineage = query('seedLineage', `
UNWIND $rows AS row
MATCH (from:Rule {id: row.fromId}), (to:Rule {id: row.toId})
MERGE (from)-[link:$(row.kind)]->(to)
SET link.on = date(row.on), link.from = date(row.from), link.until = date(row.until),
    link.confidence = coalesce(row.confidence, 'STATED'), link.note = row.note, link.sourceIds = row.sourceIds`);

/** Touch targets are products, companies, countries, ECCNs or country groups; each branch uses its label's id index. */
export const mergeTouches = query('seedTouches', `
UNWIND $rows AS row
MATCH (rule:Rule {id: row.ruleId})
CALL (row) {
  MATCH (target:ChipProduct {id: row.targetId}) RETURN target
  UNION
  MATCH (target:Company {id: row.targetId}) RETURN target
  UNION
  MATCH (target:Country {id: row.targetId}) RETURN target
  UNION
  MATCH (target:Eccn {id: row.targetId}) RETURN target
  UNION
  MATCH (target:CountryGroup {id: row.targetId}) RETURN target
}
MERGE (rule)-[touch:$(row.relation) {validFrom: date(row.validFrom)}]->(target)
ON CREATE SET touch.validTo = date(row.validTo)
SET touch.confidence = coalesce(row.confidence, 'STATED'), touch.note = ${noteKeepingEnding('touch')}, touch.sourceIds = row.sourceIds`);

export const mergeTiers = query('seedTiers', `
UNWIND $rows AS row
MERGE (n:Tier {id: row.id})
SET n.level = row.level, n.name = row.name, n.description = row.description,
    n.computeCapTpp = row.computeCapTpp, n.note = row.note
WITH n, row
MATCH (rule:Rule {id: row.ruleId})
MERGE (n)-[definedBy:DEFINED_BY]->(rule)
SET definedBy.sourceIds = row.sourceIds
${citeSources}`);

/**
 * validTo is only set when the assignment is new: a revocation that ended it later must stand on reload.
 * countryCode is the country's, for the IN_TIER(countryCode, validFrom) index (migration 006).
 */
export const mergeTierAssignments = query('seedTierAssignments', `
UNWIND $rows AS row
MATCH (country:Country {code: row.code}), (tier:Tier {id: row.tierId})
MERGE (country)-[assignment:IN_TIER {validFrom: date(row.validFrom)}]->(tier)
ON CREATE SET assignment.validTo = date(row.validTo)
SET assignment.sourceIds = row.sourceIds, assignment.note = ${noteKeepingEnding('assignment')}, assignment.countryCode = country.code,
    assignment.confidence = row.confidence`);

// --- v3: ECCNs, country groups, listings (docs/graph-model.md) ---

export const mergeEccns = query('seedEccns', `
UNWIND $rows AS row
MERGE (n:Eccn {id: row.id})
SET n.code = row.code, n.title = row.title, n.note = row.note
${citeSources}`);

/** (rule)-[:CONTROLS]->(eccn): the rule created or changed the entry. */
export const mergeEccnControls = query('seedEccnControls', `
UNWIND $rows AS row
MATCH (rule:Rule {id: row.ruleId}), (eccn:Eccn {id: row.eccnId})
MERGE (rule)-[link:CONTROLS]->(eccn)
SET link.note = row.note, link.sourceIds = row.sourceIds`);

export const mergeCountryGroups = query('seedCountryGroups', `
UNWIND $rows AS row
MERGE (n:CountryGroup {id: row.id})
SET n.code = row.code, n.name = row.name, n.description = row.description, n.note = row.note
${citeSources}`);

export const countLabels = query('countLabels', `
MATCH (n) WHERE NOT n:Migration
UNWIND labels(n) AS label
RETURN label, count(*) AS count ORDER BY label`);

export const countRelationships = query('countRelationships', `
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count ORDER BY type`);
