/**
 * Citations of sources, derived only from what the API gives about a Source (its url, kind, title,
 * publisher, publishedOn and note) and, for a Federal Register document, the citation of a rule on
 * the page whose document number it is. Nothing here builds a URL: links are the Source's own url.
 */

export interface CitedSource {
  title: string;
  url?: string | null;
  kind?: string | null;
  publisher?: string | null;
  publishedOn?: string | null;
  note?: string | null;
}

/** Document number ('2025-00636') → Federal Register citation ('90 FR 4544'), from the rules a page shows. */
export type KnownCitations = ReadonlyMap<string, string>;

/**
 * The Federal Register document number a source's url names: federalregister.gov's /d/<number> and
 * /documents/<yyyy>/<mm>/<dd>/<number>/<slug>, and govinfo's FR packages (.../html/<number>.htm).
 */
export function documentNumberOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const path = parsed.pathname;
  const match =
    host === 'federalregister.gov'
      ? /^\/(?:d|documents\/\d{4}\/\d{2}\/\d{2})\/(\d{4}-\d{3,6})(?:\/|$)/.exec(path)
      : host === 'govinfo.gov'
        ? /\/FR-\d{4}-\d{2}-\d{2}\/(?:html|pdf)\/(\d{4}-\d{3,6})\.(?:htm|pdf)$/.exec(path)
        : null;
  return match ? match[1] : null;
}

const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** A Date scalar ('2025-01-15') as citations write it: 'Jan. 15, 2025'. */
export function citationDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** The first 'volume FR page' a note names ('84 FR 22961'), as the seed's notes on Federal Register sources write it. */
function citationInNote(note: string | null | undefined): string | null {
  return note ? (/\b\d{1,3} FR \d{1,6}\b/.exec(note)?.[0] ?? null) : null;
}

/**
 * A source in a standard citation form:
 *   a Federal Register document: '90 FR 4544 (Jan. 15, 2025), FR Doc 2025-00636'
 *     (without a known 'volume FR page': '"Title," Federal Register (Jan. 15, 2025), FR Doc 2025-00636');
 *   anything else: '"Title," Publisher (Jan. 15, 2025), url'.
 * Parts the source does not record are left out.
 */
export function citationOf(source: CitedSource, known: KnownCitations = new Map()): string {
  const date = source.publishedOn ? ` (${citationDate(source.publishedOn)})` : '';
  const number = documentNumberOf(source.url);
  if (number || source.kind === 'FEDERAL_REGISTER') {
    const cited = (number && known.get(number)) ?? citationInNote(source.note);
    const doc = number ? `, FR Doc ${number}` : '';
    return cited ? `${cited}${date}${doc}` : `“${source.title},” Federal Register${date}${doc}`;
  }
  const rest = [source.publisher ? ` ${source.publisher}` : '', date, source.url ? `, ${source.url}` : ''].join('');
  return rest ? `“${source.title},”${rest}` : `“${source.title}”`;
}
