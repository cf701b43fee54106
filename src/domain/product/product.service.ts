import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused, one, Refusal, refuseRecords, WriteConflict } from '../../input-refused';
import type { WriteOutcome } from '../change/change.writes';
import { lockNode, missingSourcesOf, withSources } from '../fact/dated-fact.writes';
import { NAMED_CHECK_COLUMNS, namedCheckOf, NamedCheckRow, NamedInput, namedStatements, saveNamed, writeNamed } from '../node/node.writes';
import { setNameKeys } from '../search/names';
import { Confidence } from '../confidence/confidence.type';

export type SaveChipProduct = NamedInput & {
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

/** A product's links are written after its save, and its name keys after them (they hold its maker's name). */
const PRODUCT_STATEMENTS = namedStatements('ChipProduct');

/** Creates or updates a chip product (node.writes.ts), with its maker and the sources of its figures (added to those it had). */
export async function saveChipProduct(tx: CountingTransaction, input: SaveChipProduct): Promise<WriteOutcome> {
  const params = { ...input, performanceSourceIds: input.performanceSourceIds ?? input.sourceIds };
  const [found] = await tx.run<{ makerFound: boolean; missingPerformanceSources: string[] }>(makerFoundQuery, params);
  if (!found.makerFound) throw new InputRefused(`No company has id ${input.makerId}.`, 'input.makerId');
  if (found.missingPerformanceSources.length > 0) {
    throw new InputRefused(`No source has id ${found.missingPerformanceSources.join(', ')}.`, 'input.performanceSourceIds');
  }
  const changed = await saveNamed(tx, PRODUCT_STATEMENTS, input, async () => {
    await tx.run(linkProductQuery, params);
  });
  return { entityIds: input.makerId ? [input.id, input.makerId] : [input.id], changed };
}

/** A product's name keys hold its maker's name and aliases: a company's new name finds its products at once. */
const productKeysQuery: NamedQuery = {
  name: 'upsertCompanyProductKeys',
  cypher: `UNWIND $ids AS id MATCH (p:ChipProduct)-[:MADE_BY]->(:Company {id: id}) ${setNameKeys('p')}`,
};

/** How a company's ownership is known: its period, confidence and sources (the company's own, STATED, open, when left out). */
export type ParentLink = { validFrom: unknown; validTo: unknown; confidence: Confidence; note: string | null; sourceIds: string[] };

export type SaveCompany = NamedInput & { countryCode: string | null; parentId: string | null; parentLink?: ParentLink | null };

type CompanyCheck = NamedCheckRow & { countryFound: boolean; parentFound: boolean; ownsParent: boolean; otherParents: string[]; missingParentSources: string[] };

/**
 * For each company, in input order: locks it and its new parent (so two writes cannot each make the
 * other its parent), then checks the country and parent exist, the parent is not owned by the
 * company, and the company has no other parent now; and reads what every named entity's write checks.
 */
const checkCompaniesQuery: NamedQuery = {
  name: 'upsertCompanyCheck',
  cypher: `
UNWIND $rows AS row
OPTIONAL MATCH (n:Company {id: row.id})
${lockNode('n')}
WITH row, n
OPTIONAL MATCH (parent:Company {id: row.parentId})
${lockNode('parent')}
WITH row, n, parent
RETURN row.countryCode IS NULL OR EXISTS { MATCH (:Country {code: row.countryCode}) } AS countryFound,
       row.parentId IS NULL OR parent IS NOT NULL AS parentFound,
       n IS NOT NULL AND parent IS NOT NULL AND EXISTS { MATCH shortestPath((parent)-[:SUBSIDIARY_OF*..50]->(n)) } AS ownsParent,
       CASE WHEN n IS NULL OR parent IS NULL THEN [] ELSE [(n)-[l:SUBSIDIARY_OF]->(other) WHERE l.validTo IS NULL AND other <> parent | other.id] END AS otherParents,
       ${missingSourcesOf('coalesce(row.parentLink.sourceIds, [])')} AS missingParentSources,
       ${NAMED_CHECK_COLUMNS}`,
};

/**
 * A company's own links, written in its save: the country replaces any other. The parent link is
 * added when the company has no open one to it; a parentLink (the seed's and an import's shape) is the
 * link of that start date, created or set.
 */
const COMPANY_STATEMENTS = namedStatements('Company', `
CALL (n, row) {
  MATCH (country:Country {code: row.countryCode})
  CALL (n, country) {
    MATCH (n)-[old:BASED_IN]->(other) WHERE other <> country
    DELETE old
  }
  MERGE (n)-[basedIn:BASED_IN]->(country)
  SET basedIn.sourceIds = ${withSources('basedIn.sourceIds', 'row.sourceIds')}
}
CALL (n, row) {
  MATCH (parent:Company {id: row.parentId})
  WHERE row.parentLink IS NULL AND NOT EXISTS { MATCH (n)-[open:SUBSIDIARY_OF]->(parent) WHERE open.validTo IS NULL }
  CREATE (n)-[link:SUBSIDIARY_OF]->(parent)
  SET link.confidence = 'STATED', link.sourceIds = row.sourceIds
}
CALL (n, row) {
  MATCH (parent:Company {id: row.parentId})
  WHERE row.parentLink IS NOT NULL
  WITH n, parent, row.parentLink AS parentLink
  OPTIONAL MATCH (n)-[old:SUBSIDIARY_OF]->(parent)
  WHERE old.validFrom = parentLink.validFrom OR (old.validFrom IS NULL AND parentLink.validFrom IS NULL)
  WITH n, parent, parentLink, count(old) AS found
  CALL (n, parent, parentLink, found) {
    WITH * WHERE found = 0
    CREATE (n)-[:SUBSIDIARY_OF {validFrom: parentLink.validFrom}]->(parent)
  }
  MATCH (n)-[link:SUBSIDIARY_OF]->(parent)
  WHERE link.validFrom = parentLink.validFrom OR (link.validFrom IS NULL AND parentLink.validFrom IS NULL)
  SET link.validTo = parentLink.validTo, link.confidence = parentLink.confidence, link.note = parentLink.note,
      link.sourceIds = parentLink.sourceIds
}`);

/** What refuses one company, given its check: itself as parent, a missing country, parent or source, a parent it owns, another current parent. */
function companyRefusal(input: SaveCompany, check: CompanyCheck): Refusal | null {
  if (input.parentId === input.id) return new InputRefused('A company cannot be its own parent.', 'input.parentId');
  if (!check.countryFound) return new InputRefused(`No country has code ${input.countryCode}.`, 'input.countryCode');
  if (!check.parentFound) return new InputRefused(`No company has id ${input.parentId}.`, 'input.parentId');
  if (check.ownsParent) return new InputRefused(`${input.parentId} is owned by ${input.id}: the link would make a company its own owner.`, 'input.parentId');
  if (check.missingParentSources.length > 0) return new InputRefused(`No source has id ${check.missingParentSources.join(', ')}.`, 'input.parentSourceIds');
  if (check.otherParents.length > 0) {
    return new WriteConflict(`${input.id} is recorded as owned by ${check.otherParents.join(', ')} now: a company has one current parent.`, 'input.parentId');
  }
  return null;
}

/**
 * Creates or updates companies (node.writes.ts), each with the country it is based in and its parent,
 * in the statements of one write: an import's batch costs what one upsertCompany does. A parent a
 * company owns (directly or not) or itself is refused; so is a second parent while another is recorded
 * as current (CONFLICT). Any refusal refuses the batch before anything is written (BatchRefused, each
 * company by its place). The ids must be distinct, and no company the parent of another in the batch
 * (an import puts such a pair in two batches), since each is checked against the graph as it was.
 */
export async function saveCompanies(tx: CountingTransaction, inputs: SaveCompany[]): Promise<WriteOutcome[]> {
  const ids = new Set(inputs.map((input) => input.id));
  if (ids.size < inputs.length || inputs.some((input) => input.parentId && input.parentId !== input.id && ids.has(input.parentId))) {
    throw new Error('saveCompanies takes distinct companies, none the parent of another: write a parent in an earlier batch.');
  }
  const rows = inputs.map((input) => ({ ...input, parentLink: input.parentLink ?? null }));
  // A company named as its own parent is refused below; its check leaves the parent out, as shortestPath fails on one node.
  const checked = rows.map((row) => (row.parentId === row.id ? { ...row, parentId: null } : row));
  const checks = await tx.run<CompanyCheck>(checkCompaniesQuery, { rows: checked });
  const named = inputs.map((input, i) => namedCheckOf(input, checks[i]));
  refuseRecords(inputs.map((input, i) => companyRefusal(input, checks[i]) ?? named[i].refusal));
  const changed = await writeNamed(tx, COMPANY_STATEMENTS, rows, named);
  // A new company has no products yet.
  const renamed = inputs.filter((_, i) => changed[i] && named[i].exists).map((input) => input.id);
  if (renamed.length > 0) await tx.run(productKeysQuery, { ids: renamed });
  return inputs.map((input, i) => ({ entityIds: [input.id, ...(input.parentId ? [input.parentId] : [])], changed: changed[i] }));
}

/** One company (upsertCompany): saveCompanies with a batch of one, refused with its own error. */
export const saveCompany = (tx: CountingTransaction, input: SaveCompany): Promise<WriteOutcome> => one(saveCompanies(tx, [input]));
