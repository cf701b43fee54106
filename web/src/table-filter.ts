import { h, scroller } from './dom';

/**
 * The address parameter a page's main list filter is kept in (#/entity/country:CN?filter=huawei), so a link
 * or a reload shows the same rows; a page's other lists keep theirs under names of their own ('filter-members').
 */
export const MAIN_FILTER = 'filter';

const parametersOf = (hash: string) => new URLSearchParams(hash.split('?')[1] ?? '');

/** Keeps the filter in the address without a new history entry or a hashchange (which would redraw the page). */
function keepInAddress(parameter: string, text: string): void {
  const parameters = parametersOf(location.hash);
  if (text) parameters.set(parameter, text);
  else parameters.delete(parameter);
  const search = parameters.toString();
  history.replaceState(history.state, '', `${location.hash.split('?')[0]}${search ? `?${search}` : ''}`);
}

/**
 * A search box over a table's body rows or a list's items: one stays when its text holds every word
 * typed (any case), the count shown is announced, and the text is kept in the address under `parameter`.
 */
export function filterable(name: string, list: HTMLTableElement | HTMLUListElement, parameter = MAIN_FILTER): HTMLElement {
  const input = h('input', { type: 'search', class: 'table-filter-input', 'aria-label': `Filter: ${name}`, placeholder: 'Filter', 'aria-controls': list.id || undefined });
  const count = h('span', { class: 'muted', role: 'status' });
  const rows: HTMLElement[] = list instanceof HTMLTableElement ? [...list.tBodies].flatMap((body) => [...body.rows]) : [...list.children].filter((item): item is HTMLLIElement => item instanceof HTMLLIElement);
  const apply = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      row.hidden = !words.every((word) => (row.textContent ?? '').toLowerCase().includes(word));
      if (!row.hidden) shown += 1;
    }
    count.textContent = words.length ? `${shown} of ${rows.length} shown` : `${rows.length} in all`;
  };
  input.value = parametersOf(location.hash).get(parameter) ?? '';
  input.addEventListener('input', () => {
    apply();
    keepInAddress(parameter, input.value.trim());
  });
  apply();
  return h('div', { class: 'table-filter' }, input, count);
}

/** Lists this long or longer get a filter; a shorter one is read at a glance. */
export const FILTER_FROM = 6;

/**
 * A table (in its scroll region) or a list, with a filter above it once it has FILTER_FROM items;
 * `parameter` names the filter's words in the address. Anything else (a "None." line) is left as it is.
 */
export function searchable(name: string, list: HTMLElement, parameter: string): HTMLElement {
  const shown = list instanceof HTMLTableElement ? scroller(name, list) : list;
  if (!(list instanceof HTMLTableElement || list instanceof HTMLUListElement)) return shown;
  const items = list instanceof HTMLTableElement ? [...list.tBodies].reduce((sum, body) => sum + body.rows.length, 0) : list.children.length;
  return items >= FILTER_FROM ? h('div', null, filterable(name, list, parameter), shown) : shown;
}
