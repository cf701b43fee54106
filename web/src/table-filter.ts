import { h } from './dom';

/** The address parameter a page's list filter is kept in (#/entity/country:CN?filter=huawei), so a link or a reload shows the same rows. */
const PARAMETER = 'filter';

const parametersOf = (hash: string) => new URLSearchParams(hash.split('?')[1] ?? '');

/** Keeps the filter in the address without a new history entry or a hashchange (which would redraw the page). */
function keepInAddress(text: string): void {
  const parameters = parametersOf(location.hash);
  if (text) parameters.set(PARAMETER, text);
  else parameters.delete(PARAMETER);
  const search = parameters.toString();
  history.replaceState(history.state, '', `${location.hash.split('?')[0]}${search ? `?${search}` : ''}`);
}

/**
 * A search box over a table's body rows or a list's items: one stays when its text holds every word
 * typed (any case), the count shown is announced, and the text is kept in the address.
 */
export function filterable(name: string, list: HTMLTableElement | HTMLUListElement): HTMLElement {
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
  input.value = parametersOf(location.hash).get(PARAMETER) ?? '';
  input.addEventListener('input', () => {
    apply();
    keepInAddress(input.value.trim());
  });
  apply();
  return h('div', { class: 'table-filter' }, input, count);
}
