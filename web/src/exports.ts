import { h } from './dom';

/**
 * Links to the service's list exports (/export/<list>.csv and .jsonl, src/http/exports.ts) carrying the
 * page's state as their query string, so a download holds what the page shows.
 */

/** The URL of a list export with these parameters. */
export const exportHref = (list: string, format: 'csv' | 'jsonl', parameters: Record<string, string>) => `/export/${list}.${format}?${new URLSearchParams(parameters)}`;

/**
 * "Countries and their tiers on 2025-03-01: Download CSV, Download JSON Lines". `what` names the content
 * (it is also each link's accessible name, after its visible text, so a link read alone says what it gets).
 */
export function exportLinks(list: string, parameters: Record<string, string>, what: string): HTMLElement {
  const link = (format: 'csv' | 'jsonl', text: string) =>
    h('a', { href: exportHref(list, format, parameters), download: '', class: 'export', 'data-format': format, 'aria-label': `${text}: ${what}` }, text);
  return h('p', { class: 'exports' }, `${what}: `, link('csv', 'Download CSV'), ' · ', link('jsonl', 'JSON Lines'));
}
