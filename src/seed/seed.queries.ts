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

export const mergeSources = query('seedSources', `
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
SET n.title = row.title, n.publisher = row.publisher, n.url = row.url,
    n.publishedOn = date(row.publishedOn), n.kind = row.kind, n.note = row.note`);

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

export const mergeOfficials = query('seedOfficials', `
UNWIND $rows AS row
MERGE (n:Official {id: row.id})
SET n.name = row.name, n.aliases = coalesce(row.aliases, []), n.note = row.note
${citeSources}`);

export const mergeOffices = query('seedOffices', `
UNWIND $rows AS row
MATCH (official:Official {id: row.officialId}), (agency:Agency {id: row.agencyId})
MERGE (official)-[office:HOLDS_OFFICE {title: row.title}]->(agency)
SET office.validFrom = date(row.validFrom), office.validTo = date(row.validTo),
    office.confidence = coalesce(row.confidence, 'STATED'), office.note = row.note, office.sourceIds = row.sourceIds`);

export const mergeOfficialActions = query('seedOfficialActions', `
UNWIND $rows AS row
MATCH (official:Official {id: row.officialId}), (rule:Rule {id: row.ruleId})
MERGE (official)-[action:$(row.kind) {on: date(row.on)}]->(rule)
SET action.text = row.text, action.note = row.note, action.sourceIds = row.sourceIds`);

export const mergeCompanies = query('seedCompanies', `
UNWIND $rows AS row
MERGE (n:Company {id: row.id})
SET n.name = row.name, n.aliases = coalesce(row.aliases, []), n.note = row.note
WITH n, row
MATCH (country:Country {code: row.countryCode})
MERGE (n)-[basedIn:BASED_IN]->(country)
SET basedIn.sourceIds = row.sourceIds
${citeSources}`);

/**
 * (company)-[:SUBSIDIARY_OF]->(parent), one link per company and start date (a null start is its own key,
 * so a reload finds the link it wrote instead of adding another).
 */
export const linkCompanyParents = query('seedCompanyParents', `
UNWIND $rows AS row
MATCH (n:Company {id: row.id}), (parent:Company {id: row.parentId})
OPTIONAL MATCH (n)-[old:SUBSIDIARY_OF]->(parent)
WHERE coalesce(toString(old.validFrom), '') = coalesce(row.parentValidFrom, '')
WITH n, parent, row, count(old) AS found
CALL (n, parent, row, found) {
  WITH * WHERE found = 0
  CREATE (n)-[link:SUBSIDIARY_OF]->(parent)
  SET link.validFrom = date(row.parentValidFrom)
}
WITH n, parent, row
MATCH (n)-[link:SUBSIDIARY_OF]->(parent)
WHERE coalesce(toString(link.validFrom), '') = coalesce(row.parentValidFrom, '')
SET link.validTo = date(row.parentValidTo), link.confidence = coalesce(row.parentConfidence, 'STATED'),
    link.note = row.parentNote, link.sourceIds = row.parentSourceIds`);

export const mergeChipProducts = query('seedChipProducts', `
UNWIND $rows AS row
MERGE (n:ChipProduct {id: row.id})
SET n.name = row.name, n.aliases = coalesce(row.aliases, []), n.family = row.family,
    n.tpp = row.tpp, n.performanceDensity = row.performanceDensity, n.memoryBandwidthGBs = row.memoryBandwidthGBs,
    n.announcedOn = date(row.announcedOn), n.performanceSourceIds = row.performanceSourceIds,
    n.eccn = row.eccn, n.note = row.note
WITH n, row
MATCH (maker:Company {id: row.makerId})
MERGE (n)-[madeBy:MADE_BY]->(maker)
SET madeBy.sourceIds = row.sourceIds
${citeSources}`);

export const mergeFabrication = query('seedFabrication', `
UNWIND $rows AS row
MATCH (product:ChipProduct {id: row.productId}), (foundry:Company {id: row.foundryId})
MERGE (product)-[f:FABRICATED_BY]->(foundry)
SET f.unconfirmed = row.unconfirmed, f.note = row.note, f.sourceIds = row.sourceIds`);

export const mergeRules = query('seedRules', `
UNWIND $rows AS row
MERGE (n:Rule {id: row.id})
SET n.title = row.title, n.shortName = row.shortName, n.aliases = coalesce(row.aliases, []), n.kind = row.kind,
    n.citation = row.citation, n.documentNumber = row.documentNumber, n.rin = row.rin, n.cfrParts = row.cfrParts,
    n.summary = row.summary,
    n.issuedOn = date(row.issuedOn), n.publishedOn = date(row.publishedOn), n.effectiveOn = date(row.effectiveOn),
    n.complianceOn = date(row.complianceOn), n.administration = row.administration, n.note = row.note
WITH n, row
CALL (n, row) {
  UNWIND row.issuedByAgencyIds AS agencyId
  MATCH (agency:Agency {id: agencyId})
  MERGE (n)-[issuedBy:ISSUED_BY]->(agency)
  SET issuedBy.sourceIds = row.sourceIds
}
${citeSources}`);

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
SET touch.confidence = coalesce(row.confidence, 'STATED'), touch.note = row.note, touch.sourceIds = row.sourceIds`);

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
SET assignment.sourceIds = row.sourceIds, assignment.note = row.note, assignment.countryCode = country.code,
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

/** (product)-[:CLASSIFIED_AS]->(eccn), one link per product, ECCN and start date (a null start is its own key). */
export const mergeClassifications = query('seedClassifications', `
UNWIND $rows AS row
MATCH (product:ChipProduct {id: row.productId}), (eccn:Eccn {id: row.eccnId})
OPTIONAL MATCH (product)-[old:CLASSIFIED_AS]->(eccn)
WHERE coalesce(toString(old.validFrom), '') = coalesce(row.validFrom, '')
WITH product, eccn, row, count(old) AS found
CALL (product, eccn, row, found) {
  WITH * WHERE found = 0
  CREATE (product)-[link:CLASSIFIED_AS]->(eccn)
  SET link.validFrom = date(row.validFrom)
}
WITH product, eccn, row
MATCH (product)-[link:CLASSIFIED_AS]->(eccn)
WHERE coalesce(toString(link.validFrom), '') = coalesce(row.validFrom, '')
SET link.validTo = date(row.validTo), link.confidence = coalesce(row.confidence, 'STATED'),
    link.note = row.note, link.sourceIds = row.sourceIds`);

export const mergeCountryGroups = query('seedCountryGroups', `
UNWIND $rows AS row
MERGE (n:CountryGroup {id: row.id})
SET n.code = row.code, n.name = row.name, n.description = row.description, n.note = row.note
${citeSources}`);

/**
 * (country)-[:IN_GROUP]->(group), one row per country: one link per country, group and start date (a null
 * start is its own key). countryCode is the country's, like IN_TIER's; addedBy/removedBy hold rule ids.
 */
export const mergeGroupMemberships = query('seedGroupMemberships', `
UNWIND $rows AS row
MATCH (country:Country {code: row.code}), (group:CountryGroup {id: row.groupId})
OPTIONAL MATCH (country)-[old:IN_GROUP]->(group)
WHERE coalesce(toString(old.validFrom), '') = coalesce(row.validFrom, '')
WITH country, group, row, count(old) AS found
CALL (country, group, row, found) {
  WITH * WHERE found = 0
  CREATE (country)-[link:IN_GROUP]->(group)
  SET link.validFrom = date(row.validFrom)
}
WITH country, group, row
MATCH (country)-[link:IN_GROUP]->(group)
WHERE coalesce(toString(link.validFrom), '') = coalesce(row.validFrom, '')
SET link.validTo = date(row.validTo), link.countryCode = country.code, link.addedBy = row.addedByRuleId,
    link.removedBy = row.removedByRuleId, link.confidence = coalesce(row.confidence, 'STATED'),
    link.note = row.note, link.sourceIds = row.sourceIds`);

/**
 * A Listing node per party, list and start, cited like any node; (party)-[:LISTED]->(listing), and the rules
 * that added and removed it. Every link carries the listing's sources.
 */
export const mergeListings = query('seedListings', `
UNWIND $rows AS row
MATCH (party:Company {id: row.partyId})
MERGE (n:Listing {id: row.id})
SET n.list = row.list, n.licenseRequirement = row.licenseRequirement, n.licensePolicy = row.licensePolicy,
    n.validFrom = date(row.validFrom), n.validTo = date(row.validTo), n.confidence = coalesce(row.confidence, 'STATED'),
    n.note = row.note, n.sourceIds = row.sourceIds
MERGE (party)-[listed:LISTED]->(n)
SET listed.sourceIds = row.sourceIds
WITH n, row
CALL (n, row) {
  MATCH (rule:Rule {id: row.addedByRuleId})
  MERGE (rule)-[adds:ADDS_LISTING]->(n)
  SET adds.sourceIds = row.sourceIds
}
CALL (n, row) {
  MATCH (rule:Rule {id: row.removedByRuleId})
  MERGE (rule)-[removes:REMOVES_LISTING]->(n)
  SET removes.sourceIds = row.sourceIds
}
${citeSources}`);

export const countLabels = query('countLabels', `
MATCH (n) WHERE NOT n:Migration
UNWIND labels(n) AS label
RETURN label, count(*) AS count ORDER BY label`);

export const countRelationships = query('countRelationships', `
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count ORDER BY type`);
