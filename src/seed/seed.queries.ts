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
    office.note = row.note, office.sourceIds = row.sourceIds`);

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

export const mergeChipProducts = query('seedChipProducts', `
UNWIND $rows AS row
MERGE (n:ChipProduct {id: row.id})
SET n.name = row.name, n.aliases = coalesce(row.aliases, []), n.family = row.family,
    n.tpp = row.tpp, n.eccn = row.eccn, n.note = row.note
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
    n.citation = row.citation, n.documentNumber = row.documentNumber, n.rin = row.rin, n.summary = row.summary,
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

export const mergeLineage = query('seedLineage', `
UNWIND $rows AS row
MATCH (from:Rule {id: row.fromId}), (to:Rule {id: row.toId})
MERGE (from)-[link:$(row.kind)]->(to)
SET link.on = date(row.on), link.note = row.note, link.sourceIds = row.sourceIds`);

/** Touch targets are products, companies or countries; each branch uses its label's id index. */
export const mergeTouches = query('seedTouches', `
UNWIND $rows AS row
MATCH (rule:Rule {id: row.ruleId})
CALL (row) {
  MATCH (target:ChipProduct {id: row.targetId}) RETURN target
  UNION
  MATCH (target:Company {id: row.targetId}) RETURN target
  UNION
  MATCH (target:Country {id: row.targetId}) RETURN target
}
MERGE (rule)-[touch:$(row.relation) {validFrom: date(row.validFrom)}]->(target)
ON CREATE SET touch.validTo = date(row.validTo)
SET touch.note = row.note, touch.sourceIds = row.sourceIds`);

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
SET assignment.sourceIds = row.sourceIds, assignment.note = row.note, assignment.countryCode = country.code`);

export const countLabels = query('countLabels', `
MATCH (n) WHERE NOT n:Migration
UNWIND labels(n) AS label
RETURN label, count(*) AS count ORDER BY label`);

export const countRelationships = query('countRelationships', `
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count ORDER BY type`);
