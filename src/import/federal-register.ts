import { RuleKind } from '../domain/rule/rule.type';

/**
 * The Federal Register API (v1): fetching BIS documents and mapping them to what the graph keeps of a
 * rule. Fetching uses Node's global fetch with a timeout; the mapping functions are pure.
 */

/** The public API's base URL; FR_API_URL overrides it (tests point it at a local server). */
export const DEFAULT_FR_API_URL = 'https://www.federalregister.gov/api/v1';

/** The agency slug the API files BIS documents under. */
export const BIS_AGENCY_SLUG = 'industry-and-security-bureau';

/** The fields of a document the import reads (the API omits those that are null). */
export const FR_FIELDS = [
  'document_number', 'citation', 'title', 'type', 'action', 'publication_date', 'effective_on', 'signing_date',
  'regulation_id_numbers', 'cfr_references', 'agencies', 'correction_of', 'html_url',
] as const;

/** A Federal Register document as the API returns it (only the fields the import reads). */
export interface FrDocument {
  document_number: string;
  citation?: string | null;
  title: string;
  type: string;
  action?: string | null;
  publication_date: string;
  effective_on?: string | null;
  signing_date?: string | null;
  regulation_id_numbers?: string[] | null;
  cfr_references?: { title?: number | string | null; part?: number | string | null }[] | null;
  agencies?: { name?: string | null; raw_name?: string | null; slug?: string | null }[] | null;
  /** What this document corrects: a document number, or the API's URL of that document. */
  correction_of?: string | { document_number?: string } | null;
  html_url?: string | null;
}

/** A page of the documents search. */
interface FrSearchPage {
  count?: number;
  next_page_url?: string | null;
  results?: FrDocument[];
}

/** The API could not give a document (HTTP error, timeout, unreadable answer): reported per document. */
export class FrApiError extends Error {
  override readonly name = 'FrApiError';
}

export const DOCUMENT_NUMBER = /^\d{4}-\d{5}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** GETs JSON with a timeout; any failure is an FrApiError saying what was asked and what went wrong. */
export async function getJson<T>(url: string, timeoutMs: number): Promise<T> {
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    // Node's fetch says only 'fetch failed'; the cause says why (connection refused, DNS...).
    const cause = (error as { cause?: { message?: string } })?.cause?.message;
    const reason = signal.aborted ? `no answer within ${timeoutMs} ms` : `${String((error as Error)?.message ?? error)}${cause ? ` (${cause})` : ''}`;
    throw new FrApiError(`GET ${url} failed: ${reason}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new FrApiError(`GET ${url} failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new FrApiError(`GET ${url} failed: ${signal.aborted ? `no whole answer within ${timeoutMs} ms` : `the answer is not JSON (${(error as Error).message})`}`);
  }
}

const trimBase = (base: string) => base.replace(/\/+$/, '');

/** One document by its number. */
export async function fetchDocument(base: string, documentNumber: string, timeoutMs: number): Promise<FrDocument> {
  const url = `${trimBase(base)}/documents/${encodeURIComponent(documentNumber)}.json`;
  const document = await getJson<FrDocument>(url, timeoutMs);
  if (!document || typeof document !== 'object' || document.document_number !== documentNumber) {
    throw new FrApiError(`GET ${url} answered no document ${documentNumber}`);
  }
  return document;
}

/** The search URL for BIS documents published on or after `since`, oldest first. */
export function searchUrl(base: string, since: string): string {
  const params = new URLSearchParams();
  params.append('conditions[agencies][]', BIS_AGENCY_SLUG);
  params.append('conditions[publication_date][gte]', since);
  params.append('order', 'oldest');
  params.append('per_page', '100');
  for (const field of FR_FIELDS) params.append('fields[]', field);
  return `${trimBase(base)}/documents.json?${params.toString()}`;
}

/**
 * Every BIS document published on or after `since`, following next_page_url. Refuses, before
 * reading further pages, a search that counts more than `max` documents (narrow the date instead).
 */
export async function searchSince(base: string, since: string, options: { timeoutMs: number; max: number; progress?: (line: string) => void }): Promise<FrDocument[]> {
  if (!ISO_DATE.test(since)) throw new FrApiError(`--since takes a date, YYYY-MM-DD (got ${JSON.stringify(since)})`);
  const documents: FrDocument[] = [];
  const seen = new Set<string>();
  let url: string | null = searchUrl(base, since);
  for (let page = 1; url; page += 1) {
    const answer: FrSearchPage = await getJson<FrSearchPage>(url, options.timeoutMs);
    const count = answer.count ?? 0;
    if (count > options.max) {
      throw new FrApiError(`The search finds ${count} BIS documents published since ${since}, more than the ${options.max} one import takes: give a later --since date, or document numbers.`);
    }
    for (const document of answer.results ?? []) {
      if (seen.has(document.document_number)) continue;
      seen.add(document.document_number);
      documents.push(document);
    }
    if (documents.length > options.max) throw new FrApiError(`The search returned more than ${options.max} documents: give a later --since date.`);
    options.progress?.(`search page ${page}: ${answer.results?.length ?? 0} documents (${documents.length} of ${count})`);
    url = answer.next_page_url ?? null;
    // A bounded walk: a server that keeps answering pages cannot make the import loop for ever.
    if (page > options.max / 10 + 10) throw new FrApiError('The search kept answering further pages: stopped.');
  }
  return documents;
}

/** What a document says about the rule it is, in the graph's terms; dates are ISO strings. */
export interface MappedDocument {
  documentNumber: string;
  title: string;
  kind: RuleKind;
  citation: string | null;
  publishedOn: string;
  effectiveOn: string | null;
  issuedOn: string | null;
  rin: string | null;
  cfrParts: string[] | null;
  /** Where to read it: html_url, or the Federal Register's short link when the API gave none. */
  url: string;
  /** Whether it is issued by BIS (the agencies include industry-and-security-bureau). */
  byBis: boolean;
  /** For a correction: how to find the rule it corrects. */
  corrects: { documentNumber: string | null; title: string | null } | null;
}

/** The FR short link for a document, which the site redirects to the document's page. */
export const shortUrl = (documentNumber: string) => `https://www.federalregister.gov/d/${documentNumber}`;

const INTERIM = /interim final rule/i;

/**
 * RuleKind from the document's type and action: a Rule is INTERIM_FINAL_RULE when its action (or
 * title) says interim final rule, else FINAL_RULE (a correcting amendment included); a Proposed Rule
 * is PROPOSED_RULE; a Notice is ANNOUNCEMENT; a Correction (the Office of the Federal Register's own)
 * FINAL_RULE. Any other type (a Presidential Document) is no BIS rule: null.
 */
export function ruleKindOf(type: string, action?: string | null, title?: string | null): RuleKind | null {
  switch (type) {
    case 'Rule':
      return INTERIM.test(action ?? '') || INTERIM.test(title ?? '') ? RuleKind.INTERIM_FINAL_RULE : RuleKind.FINAL_RULE;
    case 'Proposed Rule':
      return RuleKind.PROPOSED_RULE;
    case 'Notice':
      return RuleKind.ANNOUNCEMENT;
    case 'Correction':
      return RuleKind.FINAL_RULE;
    default:
      return null;
  }
}

/** CFR parts as the graph writes them ('15 CFR 744'), each once, by title then part. */
export function cfrPartsOf(references: FrDocument['cfr_references']): string[] | null {
  const parts = new Map<string, [number, number]>();
  for (const reference of references ?? []) {
    const title = Number(reference.title);
    const part = Number(reference.part);
    if (!Number.isInteger(title) || !Number.isInteger(part) || title <= 0 || part <= 0) continue;
    parts.set(`${title} CFR ${part}`, [title, part]);
  }
  if (parts.size === 0) return null;
  return [...parts.entries()].sort(([, a], [, b]) => a[0] - b[0] || a[1] - b[1]).map(([name]) => name);
}

/** The document number in correction_of (a number, a URL holding one, or an object with one). */
export function correctedNumberOf(correctionOf: FrDocument['correction_of']): string | null {
  if (!correctionOf) return null;
  const text = typeof correctionOf === 'string' ? correctionOf : correctionOf.document_number ?? '';
  const numbers = text.match(/\d{4}-\d{5}/g);
  return numbers ? numbers[numbers.length - 1] : null;
}

const CORRECTION_TITLE = /;\s*corrections?\.?$/i;
const CORRECTING_ACTION = /^\s*correct(ing|ion)/i;

/**
 * Whether a document corrects another, and how to find that one: by correction_of when the API
 * gives it, else (a correcting amendment titled "...; Correction", or a Correction) by the title
 * without its "; Correction".
 */
export function correctionOf(document: FrDocument): MappedDocument['corrects'] {
  const number = correctedNumberOf(document.correction_of);
  const titled = CORRECTION_TITLE.test(document.title);
  const isCorrection = number !== null || document.type === 'Correction' || titled || CORRECTING_ACTION.test(document.action ?? '');
  if (!isCorrection) return null;
  return { documentNumber: number, title: titled ? document.title.replace(CORRECTION_TITLE, '').trim() : null };
}

const dateOrNull = (value: string | null | undefined) => (value && ISO_DATE.test(value) ? value : null);

/** Maps an API document to a rule; throws, naming the field, when the document cannot be one. */
export function mapDocument(document: FrDocument): MappedDocument {
  const number = document.document_number;
  if (!document.title?.trim()) throw new Error(`${number}: the API gave no title`);
  if (!ISO_DATE.test(document.publication_date ?? '')) throw new Error(`${number}: the API gave no publication_date`);
  const kind = ruleKindOf(document.type, document.action, document.title);
  if (!kind) throw new Error(`${number}: a ${JSON.stringify(document.type)} is not a rule, proposed rule, notice or correction`);
  return {
    documentNumber: number,
    title: document.title.trim(),
    kind,
    citation: document.citation?.trim() || null,
    publishedOn: document.publication_date,
    effectiveOn: dateOrNull(document.effective_on),
    issuedOn: dateOrNull(document.signing_date),
    rin: document.regulation_id_numbers?.find((rin) => rin.trim())?.trim() ?? null,
    cfrParts: cfrPartsOf(document.cfr_references),
    url: document.html_url?.trim() || shortUrl(number),
    byBis: (document.agencies ?? []).some((agency) => agency.slug === BIS_AGENCY_SLUG),
    corrects: correctionOf(document),
  };
}
