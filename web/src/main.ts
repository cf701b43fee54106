import { errorBox, h, isDate, notFound, setTitle } from './dom';
import { showEntity } from './entity';
import { showFamily } from './family';
import { showLineage } from './lineage';
import { followChanges, latestPosition, shownIds } from './live';
import { showMap } from './map';
import { mountSearch } from './search';

/**
 * Hash routes, so the service serves one static page:
 *   #/ and #/map?date=YYYY-MM-DD  the tier map (&compare=YYYY-MM-DD: compared with a second date)
 *   #/entity/<id>                 an entity's page
 *   #/lineage/<rule id>           a rule's lineage graph
 *   #/family/<family>             a chip family's page (ChipProduct.family)
 * Anything else is a "not found" page; the address is left as it was typed.
 */
export type Route = { kind: 'map'; date?: string; compare?: string } | { kind: 'entity' | 'lineage' | 'family'; id: string } | { kind: 'not-found'; reason: string };

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/');
  const shown = `“${hash}”`;
  if (path === '' || path === '/' || path === '/map') {
    const parameters = new URLSearchParams(search);
    const [date, compare] = [parameters.get('date') ?? undefined, parameters.get('compare') ?? undefined];
    const wrong = [date, compare].find((given) => given !== undefined && !isDate(given));
    if (wrong !== undefined) return { kind: 'not-found', reason: `“${wrong}” is not a calendar date (YYYY-MM-DD), so there is no map for it.` };
    return { kind: 'map', date, compare };
  }
  if (parts.length === 3 && parts[0] === '' && (parts[1] === 'entity' || parts[1] === 'lineage' || parts[1] === 'family') && parts[2] !== '') {
    try {
      return { kind: parts[1] as 'entity' | 'lineage' | 'family', id: decodeURIComponent(parts[2]) };
    } catch {
      return { kind: 'not-found', reason: `The address ${shown} is malformed (its id is not valid percent-encoding).` };
    }
  }
  return { kind: 'not-found', reason: `Nothing is at ${shown}.` };
}

/** Stops the open page's live updates; each route replaces it. */
let stopLive: (() => void) | undefined;
/** Counts routes: a route still loading when another starts must not start live updates. */
let routes = 0;

async function route(view: HTMLElement): Promise<void> {
  stopLive?.();
  stopLive = undefined;
  const ticket = ++routes;
  const target = parseRoute(location.hash);
  // Each route renders into a fresh element: a slow answer for a page already left lands in a detached one.
  const page = h('div');
  view.replaceChildren(page);
  view.focus({ preventScroll: true });
  if (target.kind === 'map') await showMap(page, target.date, target.compare);
  else if (target.kind === 'not-found') notFound(page, target.reason);
  else if (target.kind === 'lineage') await showLineage(page, target.id);
  else {
    const show = target.kind === 'entity' ? (into: HTMLElement) => showEntity(into, target.id) : (into: HTMLElement) => showFamily(into, target.id);
    const after = await latestPosition();
    if (ticket !== routes) return;
    await show(page);
    if (ticket !== routes) return;
    stopLive = live(page, show, after, target.kind === 'entity' ? target.id : undefined);
  }
}

/**
 * Keeps an entity or family page up to date: when a change writes something it shows, the page is
 * drawn again off screen and swapped in, keeping the scroll position and, where it can, the focus.
 */
function live(first: HTMLElement, show: (into: HTMLElement) => Promise<string | null>, after: string | null, id?: string): () => void {
  let page = first;
  return followChanges(
    after,
    () => {
      const ids = shownIds(page);
      if (id) ids.add(id);
      return ids;
    },
    async () => {
      const next = h('div');
      const title = await show(next);
      if (!page.isConnected) return;
      const focused = page.contains(document.activeElement) && document.activeElement?.id;
      page.replaceWith(next);
      page = next;
      if (title) setTitle(title);
      if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
    },
  );
}

/**
 * Links within the page (the skip links: href="#view") move focus to their target; the hash is
 * the router's, so they never change it.
 */
function followInPageLinks(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    const href = link?.getAttribute('href');
    if (!href || href.startsWith('#/')) return;
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'start' });
  });
}

const view = document.getElementById('view')!;
const render = () => route(view).catch((error) => view.replaceChildren(errorBox(error)));
followInPageLinks();
mountSearch(document.getElementById('search') as HTMLInputElement, document.getElementById('search-results')!);
window.addEventListener('hashchange', () => void render());
void render();
