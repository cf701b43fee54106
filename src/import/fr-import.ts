import { validateSync } from 'class-validator';
import { toNeo4jDate } from '../neo4j/dates';
import { recordChange, WriteOutcome } from '../domain/change/change.writes';
import { diffOf, snapshot } from '../domain/change/snapshot';
import { RuleInput } from '../domain/rule/rule.mutation.input';
import { RuleKind } from '../domain/rule/rule.type';
import { linkRules, ruleIdFromTitle, saveRule } from '../domain/rule/rule.writes';
import { saveSource } from '../domain/source/source.service';
import { Graph, NamedQuery } from '../neo4j/graph';
import {
  DEFAULT_FR_API_URL, DOCUMENT_NUMBER, fetchDocument, FrDocument, mapDocument, MappedDocument, searchSince,
} from './federal-register';

/** The editor every Change the import records names. */
export const IMPORT_EDITOR = 'import:fr';
/** The operation its Changes name. */
export const IMPORT_OPERATION = 'importFederalRegister';
/** The agency every imported document is issued by. */
export const BIS_AGENCY_ID = 'agency:bis';

/** A field the import sets: its value before (null when unset) and after, both as printed. */
export interface FieldDiff {
  field: string;
  before: string | null;
  after: string;
  /** The field held another value, which the import replaces. */
  overwrites: boolean;
}

/** What importing one document does to the graph: computed before anything is written, and printed. */
export interface DocumentPlan {
  documentNumber: string;
  title: string;
  rule: {
    id: string;
    create: boolean;
    /** How the existing rule was found: by its documentNumber, or by the id its title gives. */
    matchedBy: 'documentNumber' | 'id' | null;
    /** The kind it has after the import (saveRule always sets one). */
    kind: RuleKind;
    changes: FieldDiff[];
    /** Values the import leaves as they are, and why. */
    kept: string[];
  };
  source: { id: string; create: boolean; changes: FieldDiff[] };
  /** For a correction: the CORRECTS link to the corrected rule. */
  corrects: { toRuleId: string | null; create: boolean; note: string } | null;
  changed: boolean;
}

export interface DocumentResult {
  documentNumber: string;
  /** created / changed / unchanged (with --dry-run: what a run would do), or failed with nothing written. */
  status: 'created' | 'changed' | 'unchanged' | 'failed';
  dryRun: boolean;
  plan?: DocumentPlan;
  error?: string;
  /** The Change recorded for it, when anything changed. */
  changeId?: string;
}

export interface ImportOptions {
  /** The API's base URL; FR_API_URL, else the public API. */
  apiUrl?: string;
  /** Compute and print the diff, write nothing. */
  dryRun?: boolean;
  /** Per request to the API. */
  timeoutMs?: number;
  /** Most documents one --since import takes. */
  maxDocuments?: number;
  /** Progress lines (the CLI prints them to stderr). */
  progress?: (line: string) => void;
}

export type ImportRequest = { documentNumbers: string[] } | { since: string };

type Read = <T>(query: NamedQuery, params: Record<string, unknown>) => Promise<T[]>;

interface StoredRule {
  id: string;
  title: string | null;
  kind: string | null;
  citation: string | null;
  documentNumber: string | null;
  rin: string | null;
  cfrParts: string[] | null;
  publishedOn: unknown;
  effectiveOn: unknown;
  issuedOn: unknown;
}

const ruleFind: NamedQuery = {
  name: 'importFrRuleFind',
  cypher: `
CALL () {
  OPTIONAL MATCH (r:Rule) WHERE r.documentNumber = $documentNumber
  RETURN collect(r {.id, .title, .kind, .citation, .documentNumber, .rin, .cfrParts, .publishedOn, .effectiveOn, .issuedOn}) AS byNumber
}
CALL () {
  OPTIONAL MATCH (r:Rule {id: $titleId})
  RETURN r {.id, .title, .kind, .citation, .documentNumber, .rin, .cfrParts, .publishedOn, .effectiveOn, .issuedOn} AS byId
}
WITH byNumber, byId, CASE WHEN size(byNumber) = 1 THEN byNumber[0].id ELSE byId.id END AS ruleId
OPTIONAL MATCH (rule:Rule {id: ruleId})
RETURN byNumber, byId,
       [(rule)-[:ISSUED_BY]->(a:Agency) | a.id] AS agencyIds,
       [(rule)-[:CITES]->(s:Source) | s.id] AS sourceIds`,
};

interface StoredSource {
  id: string;
  title: string | null;
  kind: string | null;
  url: string | null;
  publishedOn: unknown;
  publisher: string | null;
}

/**
 * The source that is this document: one the rule already cites first, then the one with the id the
 * import would give it, then any with the document's URL (its page, its short link, or govinfo's page).
 */
const sourceFind: NamedQuery = {
  name: 'importFrSourceFind',
  cypher: `
MATCH (s:Source)
WHERE s.id = $sourceId OR s.url IN $urls OR (s.url IS NOT NULL AND (s.url ENDS WITH $govinfoSuffix OR s.url CONTAINS $pageInfix))
RETURN s {.id, .title, .kind, .url, .publishedOn, .publisher} AS source
ORDER BY s.id IN $citedIds DESC, s.id = $sourceId DESC, s.id
LIMIT 1`,
};

const correctedFind: NamedQuery = {
  name: 'importFrCorrectedFind',
  cypher: `
CALL () {
  OPTIONAL MATCH (r:Rule) WHERE $number IS NOT NULL AND r.documentNumber = $number AND r.id <> $ruleId
  RETURN collect(r.id) AS byNumber
}
CALL () {
  OPTIONAL MATCH (r:Rule) WHERE $title IS NOT NULL AND toLower(r.title) = toLower($title) AND r.id <> $ruleId
  RETURN collect(r.id) AS byTitle
}
RETURN byNumber, byTitle`,
};

const correctsLinkFind: NamedQuery = {
  name: 'importFrCorrectsLink',
  cypher: `
OPTIONAL MATCH (:Rule {id: $fromId})-[link:CORRECTS]->(:Rule {id: $toId})
RETURN link IS NOT NULL AS found, link.on AS on`,
};

/** Kinds more specific than the API's type can say: a 'Rule' does not overwrite them. */
const SPECIFIC_KINDS: string[] = [RuleKind.ENTITY_LIST_ACTION, RuleKind.RESCISSION];

const shown = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value.join(', ') : null;
  return String(value);
};

const date = toNeo4jDate;

/** A diff entry for a field the document gives, or null when it gives none or the graph holds the same. */
export function fieldDiff(field: string, before: unknown, after: unknown): FieldDiff | null {
  const wanted = shown(after);
  if (wanted === null) return null;
  const held = shown(before);
  if (held === wanted) return null;
  return { field, before: held, after: wanted, overwrites: held !== null };
}

/** The rule input the document gives, validated as upsertRule validates one (throws, naming the fields). */
export function ruleInputOf(mapped: MappedDocument, id: string | null, kind: RuleKind, sourceId: string, fields: Set<string>): RuleInput {
  const input: RuleInput = Object.assign(new RuleInput(), {
    ...(id ? { id } : {}),
    title: mapped.title,
    kind,
    issuedByAgencyIds: [BIS_AGENCY_ID],
    sourceIds: [sourceId],
    ...(fields.has('citation') ? { citation: mapped.citation } : {}),
    ...(fields.has('documentNumber') ? { documentNumber: mapped.documentNumber } : {}),
    ...(fields.has('rin') ? { rin: mapped.rin } : {}),
    ...(fields.has('cfrParts') ? { cfrParts: mapped.cfrParts } : {}),
    ...(fields.has('publishedOn') ? { publishedOn: date(mapped.publishedOn) } : {}),
    ...(fields.has('effectiveOn') && mapped.effectiveOn ? { effectiveOn: date(mapped.effectiveOn) } : {}),
    ...(fields.has('issuedOn') && mapped.issuedOn ? { issuedOn: date(mapped.issuedOn) } : {}),
  });
  const errors = validateSync(input);
  if (errors.length > 0) {
    throw new Error(`the rule it gives is refused: ${errors.flatMap((error) => Object.values(error.constraints ?? {})).join('; ')}`);
  }
  return input;
}

/** Reads what the graph holds for the document and says what importing it changes; writes nothing. */
export async function planDocument(read: Read, mapped: MappedDocument): Promise<DocumentPlan> {
  const titleId = ruleIdFromTitle(mapped.title);
  if (!titleId) throw new Error('the title has no letter or digit to make a rule id from');
  const [found] = await read<{ byNumber: StoredRule[]; byId: StoredRule | null; agencyIds: string[]; sourceIds: string[] }>(ruleFind, {
    documentNumber: mapped.documentNumber,
    titleId,
  });
  if (found.byNumber.length > 1) {
    throw new Error(`${found.byNumber.length} rules have document number ${mapped.documentNumber} (${found.byNumber.map((r) => r.id).join(', ')}): resolve that first`);
  }
  let stored: StoredRule | null = found.byNumber[0] ?? null;
  let matchedBy: DocumentPlan['rule']['matchedBy'] = stored ? 'documentNumber' : null;
  if (!stored && found.byId) {
    if (found.byId.documentNumber && found.byId.documentNumber !== mapped.documentNumber) {
      throw new Error(`${titleId}, the id its title gives, is the rule of document ${found.byId.documentNumber}: not overwritten (give that rule this document's number, or rename one)`);
    }
    stored = found.byId;
    matchedBy = 'id';
  }
  const ruleId = stored?.id ?? titleId;

  const [sourceRow] = await read<{ source: StoredSource }>(sourceFind, {
    sourceId: `source:fr-${mapped.documentNumber}`,
    urls: [mapped.url, `https://www.federalregister.gov/d/${mapped.documentNumber}`],
    govinfoSuffix: `/${mapped.documentNumber}.htm`,
    pageInfix: `/${mapped.documentNumber}/`,
    citedIds: found.sourceIds,
  });
  const storedSource = sourceRow?.source ?? null;
  const sourceId = storedSource?.id ?? `source:fr-${mapped.documentNumber}`;
  const sourceChanges = [
    fieldDiff('title', storedSource?.title, mapped.title),
    fieldDiff('kind', storedSource?.kind, 'FEDERAL_REGISTER'),
    fieldDiff('publishedOn', storedSource?.publishedOn, mapped.publishedOn),
    // An existing source keeps its URL: it is this document already (its page, short link or govinfo copy).
    storedSource?.url ? null : fieldDiff('url', null, mapped.url),
    storedSource?.publisher ? null : fieldDiff('publisher', null, 'Federal Register'),
  ].filter((diff): diff is FieldDiff => diff !== null);

  const kept: string[] = [];
  let kind = mapped.kind;
  if (stored?.kind && stored.kind !== kind && SPECIFIC_KINDS.includes(stored.kind) && (kind === RuleKind.FINAL_RULE || kind === RuleKind.INTERIM_FINAL_RULE)) {
    kept.push(`kind ${stored.kind} (more specific than the API's type ${JSON.stringify(mapped.kind)})`);
    kind = stored.kind as RuleKind;
  }
  const sameParts = stored?.cfrParts && mapped.cfrParts && [...stored.cfrParts].sort().join('|') === [...mapped.cfrParts].sort().join('|');
  const ruleChanges = [
    fieldDiff('title', stored?.title, mapped.title),
    fieldDiff('kind', stored?.kind, kind),
    fieldDiff('documentNumber', stored?.documentNumber, mapped.documentNumber),
    fieldDiff('citation', stored?.citation, mapped.citation),
    fieldDiff('rin', stored?.rin, mapped.rin),
    sameParts ? null : fieldDiff('cfrParts', stored?.cfrParts, mapped.cfrParts),
    fieldDiff('publishedOn', stored?.publishedOn, mapped.publishedOn),
    fieldDiff('effectiveOn', stored?.effectiveOn, mapped.effectiveOn),
    fieldDiff('issuedOn', stored?.issuedOn, mapped.issuedOn),
    found.agencyIds.includes(BIS_AGENCY_ID) ? null : fieldDiff('issuedBy', null, BIS_AGENCY_ID),
    found.sourceIds.includes(sourceId) ? null : fieldDiff('cites', null, sourceId),
  ].filter((diff): diff is FieldDiff => diff !== null);

  let corrects: DocumentPlan['corrects'] = null;
  if (mapped.corrects) {
    const [candidates] = await read<{ byNumber: string[]; byTitle: string[] }>(correctedFind, {
      number: mapped.corrects.documentNumber,
      title: mapped.corrects.title,
      ruleId,
    });
    const matches = candidates.byNumber.length > 0 ? candidates.byNumber : candidates.byTitle;
    const how = candidates.byNumber.length > 0 ? `document ${mapped.corrects.documentNumber}` : `title ${JSON.stringify(mapped.corrects.title)}`;
    if (matches.length !== 1) {
      const what = mapped.corrects.documentNumber ?? mapped.corrects.title ?? 'the corrected document';
      corrects = { toRuleId: null, create: false, note: matches.length === 0 ? `the corrected rule (${what}) is not in the graph: no link` : `${matches.length} rules match ${how}: no link` };
    } else if (!stored) {
      corrects = { toRuleId: matches[0], create: true, note: `found by its ${how}` };
    } else {
      const [link] = await read<{ found: boolean; on: unknown }>(correctsLinkFind, { fromId: ruleId, toId: matches[0] });
      const on = mapped.effectiveOn ?? mapped.publishedOn;
      corrects = link.found
        ? { toRuleId: matches[0], create: false, note: String(link.on ?? null) === on ? 'already linked' : `already linked on ${String(link.on)}: kept` }
        : { toRuleId: matches[0], create: true, note: `found by its ${how}` };
    }
  }

  const changed = !stored || ruleChanges.length > 0 || !storedSource || sourceChanges.length > 0 || Boolean(corrects?.create);
  return {
    documentNumber: mapped.documentNumber,
    title: mapped.title,
    rule: { id: ruleId, create: !stored, matchedBy, kind, changes: ruleChanges, kept },
    source: { id: sourceId, create: !storedSource, changes: sourceChanges },
    corrects,
    changed,
  };
}

/**
 * Imports one document in one transaction: reads the graph, plans, and writes the plan through the
 * write services (saveSource, saveRule, linkRules), recording one Change when anything changed.
 * With dryRun it only plans (in a read). Throws, with nothing written, when any step refuses.
 */
export async function importDocument(graph: Graph, mapped: MappedDocument, dryRun: boolean): Promise<{ plan: DocumentPlan; changeId?: string }> {
  // Validated even when nothing changes or nothing is written, so a document the graph could not take is always reported.
  const inputOf = (plan: DocumentPlan) =>
    ruleInputOf(mapped, plan.rule.create ? null : plan.rule.id, plan.rule.kind, plan.source.id, new Set(plan.rule.changes.map((change) => change.field)));
  if (dryRun) {
    const plan = await planDocument((query, params) => graph.read(query, params), mapped);
    inputOf(plan);
    return { plan };
  }
  return graph.write(async (tx) => {
    const plan = await planDocument((query, params) => tx.run(query, params), mapped);
    const input = inputOf(plan);
    if (!plan.changed) return { plan };
    const subjects = [plan.source.id, plan.rule.id, ...(plan.corrects?.toRuleId ? [plan.corrects.toRuleId] : [])];
    const before = await snapshot(tx, subjects);
    const outcomes: WriteOutcome[] = [];
    if (plan.source.create || plan.source.changes.length > 0) {
      const set: Record<string, unknown> = { publishedOn: date(mapped.publishedOn) };
      for (const change of plan.source.changes) if (change.field === 'url' || change.field === 'publisher') set[change.field] = change.after;
      outcomes.push(await saveSource(tx, { id: plan.source.id, given: true, title: mapped.title, kind: 'FEDERAL_REGISTER', set }));
    }
    if (plan.rule.create || plan.rule.changes.length > 0) {
      const saved = await saveRule(tx, input);
      if (saved.id !== plan.rule.id) throw new Error(`planned ${plan.rule.id}, wrote ${saved.id}`);
      outcomes.push(saved);
    }
    if (plan.corrects?.create && plan.corrects.toRuleId) {
      const on = date(mapped.effectiveOn ?? mapped.publishedOn);
      outcomes.push(await linkRules(tx, { fromRuleId: plan.rule.id, toRuleId: plan.corrects.toRuleId, kind: 'CORRECTS', on }));
    }
    if (!outcomes.some((outcome) => outcome.changed)) return { plan };
    const entityIds = [...new Set(outcomes.flatMap((outcome) => outcome.entityIds))];
    const change = await recordChange(tx, IMPORT_EDITOR, IMPORT_OPERATION, entityIds, diffOf(before, await snapshot(tx, [...subjects, ...entityIds])));
    return { plan, changeId: change.id };
  });
}

/**
 * `npm run import:fr`: fetches each document (or searches BIS documents since a date) and imports
 * each in its own transaction. A document the API fails on, or the graph refuses, is reported as
 * failed with nothing written for it; the others go on.
 */
export async function importFederalRegister(graph: Graph, request: ImportRequest, options: ImportOptions = {}): Promise<DocumentResult[]> {
  const apiUrl = options.apiUrl ?? process.env.FR_API_URL ?? DEFAULT_FR_API_URL;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const dryRun = options.dryRun ?? false;
  const progress = options.progress ?? (() => undefined);

  type Pending = { documentNumber: string; document?: FrDocument };
  let pending: Pending[];
  if ('since' in request) {
    progress(`searching BIS documents published since ${request.since} at ${apiUrl}`);
    const documents = await searchSince(apiUrl, request.since, { timeoutMs, max: options.maxDocuments ?? 500, progress });
    pending = documents.map((document) => ({ documentNumber: document.document_number, document }));
  } else {
    pending = [...new Set(request.documentNumbers)].map((documentNumber) => ({ documentNumber }));
  }

  const results: DocumentResult[] = [];
  for (const [index, item] of pending.entries()) {
    const step = `[${index + 1}/${pending.length}] ${item.documentNumber}`;
    try {
      if (!DOCUMENT_NUMBER.test(item.documentNumber)) throw new Error(`${JSON.stringify(item.documentNumber)} is not a document number like 2025-00636`);
      let document = item.document;
      if (!document) {
        progress(`${step}: fetching`);
        document = await fetchDocument(apiUrl, item.documentNumber, timeoutMs);
      }
      const mapped = mapDocument(document);
      if (!mapped.byBis) throw new Error(`not a BIS document (its agencies are ${(document.agencies ?? []).map((agency) => agency.slug ?? agency.name).join(', ') || 'not given'})`);
      const { plan, changeId } = await importDocument(graph, mapped, dryRun);
      const status = !plan.changed ? 'unchanged' : plan.rule.create ? 'created' : 'changed';
      results.push({ documentNumber: item.documentNumber, status, dryRun, plan, ...(changeId ? { changeId } : {}) });
      progress(`${step}: ${dryRun && status !== 'unchanged' ? `would be ${status}` : status} ${plan.rule.id}${changeId ? ` (${changeId})` : ''}`);
    } catch (error) {
      const message = (error as Error).message;
      results.push({ documentNumber: item.documentNumber, status: 'failed', dryRun, error: message });
      progress(`${step}: failed, nothing written: ${message}`);
    }
  }
  return results;
}

/** A result as the CLI prints it: the diff, one line per field. */
export function formatResult(result: DocumentResult): string {
  if (result.status === 'failed' || !result.plan) return `${result.documentNumber}  FAILED (nothing written): ${result.error}`;
  const { plan } = result;
  const would = result.dryRun && result.status !== 'unchanged' ? 'would be ' : '';
  const lines = [`${plan.documentNumber}  ${would}${result.status}  ${plan.title}`];
  const matched = plan.rule.create ? 'new' : `matched by ${plan.rule.matchedBy === 'documentNumber' ? 'document number' : 'id'}`;
  lines.push(`  rule ${plan.rule.id} (${matched}): ${plan.rule.create ? 'created' : plan.rule.changes.length ? 'changed' : 'unchanged'}`);
  for (const change of plan.rule.changes) lines.push(`    ${formatChange(change)}`);
  for (const kept of plan.rule.kept) lines.push(`    kept: ${kept}`);
  lines.push(`  source ${plan.source.id}: ${plan.source.create ? 'created' : plan.source.changes.length ? 'changed' : 'unchanged'}`);
  for (const change of plan.source.changes) lines.push(`    ${formatChange(change)}`);
  if (plan.corrects) lines.push(`  CORRECTS ${plan.corrects.toRuleId ?? '?'}: ${plan.corrects.create ? 'created' : 'unchanged'} (${plan.corrects.note})`);
  if (result.changeId) lines.push(`  recorded as ${result.changeId} by ${IMPORT_EDITOR}`);
  return lines.join('\n');
}

const formatChange = (change: FieldDiff) =>
  `${change.field}: ${change.before ?? '(none)'} -> ${change.after}${change.overwrites ? '  (overwrites)' : ''}`;
