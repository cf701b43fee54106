import { ENTITY_NAME, EntityName, nameOf, query, TYPE_LABELS } from './api';
import { entityHref, errorBox, h } from './dom';

const SEARCH = `query Search($text: String!) { search(text: $text, first: 20) { score entity { ${ENTITY_NAME} } } }`;

/**
 * The search box: results (typo-tolerant, from `search`) grouped by type as the user types.
 * Keyboard: ArrowDown/ArrowUp move through results, Enter opens one, Escape returns to the box.
 * The list closes when focus or a click goes anywhere outside the box and its results.
 */
export function mountSearch(input: HTMLInputElement, panel: HTMLElement): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  const results = () => [...panel.querySelectorAll<HTMLAnchorElement>('a')];
  const box = (input.closest<HTMLElement>('.search') ?? panel.parentElement)!;
  // Closing also drops a pending or in-flight search, so a late answer cannot reopen the list.
  const close = () => {
    clearTimeout(timer);
    latest++;
    panel.replaceChildren();
  };

  async function run(text: string) {
    if (text.trim().length < 2) return close();
    const ticket = ++latest;
    let content: HTMLElement;
    try {
      const data = await query<{ search: { entity: EntityName }[] }>(SEARCH, { text });
      content = render(text, data.search.map((hit) => hit.entity));
    } catch (error) {
      content = errorBox(error);
    }
    if (ticket === latest) panel.replaceChildren(content);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), 200);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && results().length) {
      event.preventDefault();
      results()[0].focus();
    } else if (event.key === 'Escape') {
      input.value = '';
      close();
    } else if (event.key === 'Enter') {
      clearTimeout(timer);
      void run(input.value);
    }
  });
  panel.addEventListener('keydown', (event) => {
    const links = results();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    } else if (event.key === 'Escape') {
      input.focus();
      close();
    }
  });
  box.addEventListener('focusout', (event: FocusEvent) => {
    if (!box.contains(event.relatedTarget as Node | null)) close();
  });
  document.addEventListener('click', (event) => {
    if (!box.contains(event.target as Node | null)) close();
  });
  // Opening a result closes the list.
  panel.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a')) close();
  });
}

function render(text: string, entities: EntityName[]): HTMLElement {
  if (!entities.length) return h('p', { class: 'muted', role: 'status' }, `Nothing found for "${text}".`);
  const groups = new Map<string, EntityName[]>();
  for (const entity of entities) groups.set(entity.__typename, [...(groups.get(entity.__typename) ?? []), entity]);
  return h(
    'div',
    { role: 'region', 'aria-label': 'Search results' },
    [...groups].map(([type, members]) =>
      h('section', { class: 'result-group' }, h('h3', null, TYPE_LABELS[type] ?? type), h('ul', null, members.map((entity) => h('li', null, h('a', { href: entityHref(entity.id) }, nameOf(entity)))))),
    ),
  );
}
