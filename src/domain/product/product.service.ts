import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused, WriteConflict } from '../../input-refused';
import type { WriteOutcome } from '../change/change.writes';
import { lockNode, withSources } from '../fact/dated-fact.writes';
import { saveNamed, SaveNamed } from '../node/node.writes';
import { nameKeysOf } from '../search/names';
import { Confidence } from '../confidence/confidence.type';

export type SaveChipProduct = Omit<SaveNamed, 'label'> & {
  makerId: string | null;
  performanceGiven: boolean;
  /** The sources of the performance figures; the product's sourceIds when left out. */
  performanceSourceIds?: string[] | null;
};

const makerFoundQuery: NamedQuery = {
  name: 'upsertChipProductMaker',
  cypher: `RETURN $makerId IS NULL OR EXISTS { MATCH (:Company {id: $makerId}) } AS makerFound,
       [id IN $performanceSourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }] AS missingPerformanceSources`,
};

/** The maker replaces any other (a product has one), and the figures cite the input's sources when it gives any. */
const linkProductQuery: NamedQuery = {
  name: 'upsertChipProductLinks',
  cypher: `
MATCH (n:ChipProduct {id: $id})
SET n.performanceSourceIds = CASE WHEN $performanceGiven THEN ${withSources('n.performanceSourceIds', '$performanceSourceIds')} ELSE n.performanceSourceIds END
WITH n
CALL (n) {
  MATCH (maker:Company {id: $makerId})
  CALL (n, maker) {
    MATCH (n)-[old:MADE_BY]->(other) WHERE other <> maker
    DELETE old
  }
  MERGE (n)-[madeBy:MADE_BY]->(maker)
  SET madeBy.sourceIds = ${withSources('madeBy.sourceIds')}
}`,
};

/** Creates or updates a chip product (node.writes.ts), with its maker and the sources of its figures (added to those it had). */
export async function saveChipProduct(tx: CountingTransaction, input: SaveChipProduct): Promise<WriteOutcome> {
  const params = { ...input, performanceSourceIds: input.performanceSourceIds ?? input.sourceIds };
  const [found] = await tx.run<{ makerFound: boolean; missingPerformanceSources: string[] }>(makerFoundQuery, params);
  if (!found.makerFound) throw new InputRefused(`No company has id ${input.makerId}.`, 'input.makerId');
  if (found.missingPerformanceSources.length > 0) {
    throw new InputRefused(`No source has id ${found.missingPerformanceSources.join(', ')}.`, 'input.performanceSourceIds');
  }
  const changed = await saveNamed(tx, { ...input, label: 'ChipProduct' }, async () => {
    await tx.run(linkProductQuery, params);
  });
  return { entityIds: input.makerId ? [input.id, input.makerId] : [input.id], changed };
}

/** A product's name keys hold its maker's name and aliases: a company's new name finds its products at once. */
const productKeysQuery: NamedQuery = {
  name: 'upsertCompanyProductKeys',
  cypher: `MATCH (p:ChipProduct)-[:MADE_BY]->(:Company {id: $id}) SET p.nameKeys = ${nameKeysOf('p')}`,
};

/** How a company's ownership is known: its period, confidence and sources (the company's own, STATED, open, when left out). */
export type ParentLink = { validFrom: unknown; validTo: unknown; confidence: Confidence; note: string | null; sourceIds: string[] };

export type SaveCompany = Omit<SaveNamed, 'label'> & { countryCode: string | null; parentId: string | null; parentLink?: ParentLink | null };

/**
 * Locks the company and its new parent (so two writes cannot each make the other its parent), then
 * checks the country and parent exist, the parent is not owned by the company, and the company has no
 * other parent now.
 */
const checkCompanyQuery: NamedQuery = {
  name: 'upsertCompanyCheck',
  cypher: `
OPTIONAL MATCH (n:Company {id: $id})
${lockNode('n')}
WITH n
OPTIONAL MATCH (parent:Company {id: $parentId})
${lockNode('parent')}
WITH n, parent
RETURN $countryCode IS NULL OR EXISTS { MATCH (:Country {code: $countryCode}) } AS countryFound,
       $parentId IS NULL OR parent IS NOT NULL AS parentFound,
       n IS NOT NULL AND parent IS NOT NULL AND EXISTS { MATCH shortestPath((parent)-[:SUBSIDIARY_OF*..50]->(n)) } AS ownsParent,
       CASE WHEN n IS NULL OR parent IS NULL THEN [] ELSE [(n)-[l:SUBSIDIARY_OF]->(other) WHERE l.validTo IS NULL AND other <> parent | other.id] END AS otherParents,
       [id IN coalesce($parentLink.sourceIds, []) WHERE NOT EXISTS { MATCH (:Source {id: id}) }] AS missingParentSources`,
};

/**
 * The country replaces any other. The parent link is added when the company has no open one to it;
 * a parentLink (the seed's and an import's shape) is the link of that start date, created or set.
 */
const linkCompanyQuery: NamedQuery = {
  name: 'upsertCompanyLinks',
  cypher: `
MATCH (n:Company {id: $id})
CALL (n) {
  MATCH (country:Country {code: $countryCode})
  CALL (n, country) {
    MATCH (n)-[old:BASED_IN]->(other) WHERE other <> country
    DELETE old
  }
  MERGE (n)-[basedIn:BASED_IN]->(country)
  SET basedIn.sourceIds = ${withSources('basedIn.sourceIds')}
}
CALL (n) {
  MATCH (parent:Company {id: $parentId})
  WHERE $parentLink IS NULL AND NOT EXISTS { MATCH (n)-[open:SUBSIDIARY_OF]->(parent) WHERE open.validTo IS NULL }
  CREATE (n)-[link:SUBSIDIARY_OF]->(parent)
  SET link.confidence = 'STATED', link.sourceIds = $sourceIds
}
CALL (n) {
  MATCH (parent:Company {id: $parentId})
  WHERE $parentLink IS NOT NULL
  OPTIONAL MATCH (n)-[old:SUBSIDIARY_OF]->(parent)
  WHERE old.validFrom = $parentLink.validFrom OR (old.validFrom IS NULL AND $parentLink.validFrom IS NULL)
  WITH n, parent, count(old) AS found
  CALL (n, parent, found) {
    WITH * WHERE found = 0
    CREATE (n)-[:SUBSIDIARY_OF {validFrom: $parentLink.validFrom}]->(parent)
  }
  MATCH (n)-[link:SUBSIDIARY_OF]->(parent)
  WHERE link.validFrom = $parentLink.validFrom OR (link.validFrom IS NULL AND $parentLink.validFrom IS NULL)
  SET link.validTo = $parentLink.validTo, link.confidence = $parentLink.confidence, link.note = $parentLink.note,
      link.sourceIds = $parentLink.sourceIds
}`,
};

/**
 * Creates or updates a company (node.writes.ts), with the country it is based in and its parent. A
 * parent it owns (directly or not) or itself is refused; so is a second parent while another is
 * recorded as current (CONFLICT).
 */
export async function saveCompany(tx: CountingTransaction, input: SaveCompany): Promise<WriteOutcome> {
  if (input.parentId === input.id) throw new InputRefused('A company cannot be its own parent.', 'input.parentId');
  const params = { ...input, parentLink: input.parentLink ?? null };
  const [check] = await tx.run<{ countryFound: boolean; parentFound: boolean; ownsParent: boolean; otherParents: string[]; missingParentSources: string[] }>(
    checkCompanyQuery, params,
  );
  if (!check.countryFound) throw new InputRefused(`No country has code ${input.countryCode}.`, 'input.countryCode');
  if (!check.parentFound) throw new InputRefused(`No company has id ${input.parentId}.`, 'input.parentId');
  if (check.ownsParent) throw new InputRefused(`${input.parentId} is owned by ${input.id}: the link would make a company its own owner.`, 'input.parentId');
  if (check.missingParentSources.length > 0) throw new InputRefused(`No source has id ${check.missingParentSources.join(', ')}.`, 'input.parentSourceIds');
  if (check.otherParents.length > 0) {
    throw new WriteConflict(`${input.id} is recorded as owned by ${check.otherParents.join(', ')} now: a company has one current parent.`, 'input.parentId');
  }
  const changed = await saveNamed(tx, { ...input, label: 'Company' }, async () => {
    await tx.run(linkCompanyQuery, params);
  });
  if (changed) await tx.run(productKeysQuery, input);
  return { entityIds: [input.id, ...(input.parentId ? [input.parentId] : [])], changed };
}
