/** Small DOM helpers: every text from the API goes in as a text node, never as HTML. */

type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | undefined> | null = null, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  return element;
}

/** The hash route of an entity's page. */
export const entityHref = (id: string) => `#/entity/${encodeURI(id)}`;

export const entityLink = (id: string, text: string) => h('a', { href: entityHref(id) }, text);

/** A source as a link when it has a URL, with its publisher and date. */
export function sourceItem(source: { title: string; url?: string | null; publisher?: string | null; publishedOn?: string | null }): HTMLLIElement {
  const title = source.url ? h('a', { href: source.url, rel: 'noreferrer' }, source.title) : source.title;
  const detail = [source.publisher, source.publishedOn].filter(Boolean).join(', ');
  return h('li', null, title, detail && ` (${detail})`);
}

export function sourceList(sources: Parameters<typeof sourceItem>[0][]): HTMLElement {
  return sources.length ? h('ul', { class: 'sources' }, sources.map(sourceItem)) : h('p', { class: 'muted' }, 'No source recorded.');
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
