/** Small DOM helpers: every text from the API goes in as a text node, never as HTML. */
import { CitedSource, citationOf, KnownCitations } from './citation';

type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | undefined> | null = null, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  return element;
}

/** A table cell that keeps a date or a period on one line. */
export const dateCell = (...content: (Child | Child[])[]) => h('td', { class: 'date' }, ...content);

/**
 * A table: a header row of `headings`, then a row per item of `rows`. A cell is a td as it is (dateCell), or
 * the content of a plain one.
 */
export function dataTable(id: string, headings: string[], rows: (HTMLTableCellElement | Child | Child[])[][]): HTMLTableElement {
  const cellOf = (cell: HTMLTableCellElement | Child | Child[]) => (cell instanceof HTMLTableCellElement ? cell : h('td', null, cell));
  return h('table', { id }, h('thead', null, h('tr', null, headings.map((heading) => h('th', null, heading)))), h('tbody', null, rows.map((cells) => h('tr', null, cells.map(cellOf)))));
}

/** An entity page's heading: its type above its name. */
export function heading(name: string, type: string): HTMLElement {
  return h('header', { class: 'entity-header' }, h('p', { class: 'type' }, type), h('h2', null, name));
}

/** A definition list of the facts that are known; empty ones are left out. */
export function facts(rows: [string, Node | string | number | null | undefined][]): HTMLElement {
  return h('dl', { class: 'facts' }, rows.filter(([, value]) => value !== null && value !== undefined && value !== '').flatMap(([term, value]) => [h('dt', null, term), h('dd', null, value as Node | string)]));
}

/** The hash route of an entity's page. */
export const entityHref = (id: string) => `#/entity/${encodeURI(id)}`;

export const entityLink = (id: string, text: string) => h('a', { href: entityHref(id) }, text);

/** A source as the API gives it; `id` marks the page as showing it (live updates), `kind` and `note` help cite it. */
export interface SourceFields extends CitedSource {
  id?: string;
}

/**
 * "Copy citation": puts the citation on the clipboard and shows what it copied; where the browser
 * refuses the clipboard, it shows the citation to copy by hand instead.
 */
function copyCitation(text: string, title: string): HTMLElement {
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': `Copy citation of “${title}”` }, 'Copy citation');
  const shown = h('output', { class: 'copied', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      shown.replaceChildren('Copied: ', h('span', { class: 'citation' }, text));
    } catch {
      shown.replaceChildren('Copy it from here: ', h('span', { class: 'citation' }, text));
    }
  });
  return h('span', { class: 'cite' }, button, shown);
}

/** A source as a link when it has a URL, with its publisher and date, and a button that copies its citation. */
export function sourceItem(source: SourceFields, known?: KnownCitations): HTMLLIElement {
  const title = source.url ? h('a', { href: source.url, rel: 'noreferrer' }, source.title) : source.title;
  const detail = [source.publisher, source.publishedOn].filter(Boolean).join(', ');
  return h('li', { 'data-id': source.id }, title, detail && ` (${detail})`, ' ', copyCitation(citationOf(source, known), source.title));
}

/** Sources as a list; `known` gives the Federal Register citations of the rules on the page, by document number. */
export function sourceList(sources: SourceFields[], known?: KnownCitations): HTMLElement {
  return sources.length ? h('ul', { class: 'sources' }, sources.map((source) => sourceItem(source, known))) : h('p', { class: 'muted' }, 'No source recorded.');
}

/** A visible error in place of the content that failed to load. */
export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h('div', { class: 'error', role: 'alert' }, h('strong', null, 'Could not load this from the API. '), message);
}

/** Today in UTC, as the API's Date scalar writes it. */
export const today = () => new Date().toISOString().slice(0, 10);

/** A date, or the words for a missing one. */
export const dateText = (date: string | null | undefined, missing = '—') => date ?? missing;

/** A half-open period in words: validFrom inclusive, validTo exclusive, either possibly unknown or open. */
export function period(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return `${from} to ${to}`;
  if (from) return `since ${from}`;
  return to ? `until ${to}` : 'dates not recorded';
}

/** A period (or a date) that never wraps inside a date. */
export const periodNode = (from: string | null | undefined, to: string | null | undefined) => h('span', { class: 'date' }, period(from, to));

/** True for a calendar date written YYYY-MM-DD with a four-digit year (2025-02-30 is not one). */
export function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Words for an enum code the API sends: NOT_ENFORCED reads "Not enforced", PROHIBITS_USE "Prohibits use". */
export function label(code: string): string {
  const words = code.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The same words in the middle of a sentence: "prohibits use". */
export const inlineLabel = (code: string) => code.replace(/_/g, ' ').toLowerCase();

/** Each page names itself in the title bar and in the history. */
export function setTitle(page: string | null): void {
  document.title = page ? `${page} · Export-control graph` : 'Export-control graph explorer';
}

/** A wide table in a region of its own that scrolls sideways on a narrow screen, so the page never does. */
export const scroller = (name: string, table: HTMLElement) => h('div', { class: 'table-scroll', role: 'region', 'aria-label': name, tabindex: '0' }, table);

/** A page for an address that names nothing. */
export function notFound(view: HTMLElement, reason: string): void {
  setTitle('Not found');
  view.replaceChildren(
    h('h2', null, 'Not found'),
    h('p', { role: 'alert' }, reason),
    h('p', null, 'Try the ', h('a', { href: '#/map' }, 'tier map'), ', the search box above, or the ', h('a', { href: '#/lineage/rule:ai-diffusion' }, 'AI Diffusion lineage'), '.'),
  );
}
