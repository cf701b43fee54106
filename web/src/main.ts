import { errorBox, h, isDate, notFound } from './dom';
import { showEntity } from './entity';
import { showLineage } from './lineage';
import { showMap } from './map';
import { mountSearch } from './search';

/**
 * Hash routes, so the service serves one static page:
 *   #/ and #/map?date=YYYY-MM-DD  the tier map (&compare=YYYY-MM-DD: compared with a second date)
 *   #/entity/<id>                 an entity's page
 *   #/lineage/<rule id>           a rule's lineage graph
 * Anything else is a "not found" page; the address is left as it was typed.
 */
export type Route = { kind: 'map'; date?: string; compare?: string } | { kind: 'entity' | 'lineage'; id: string } | { kind: 'not-found'; reason: string };

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
  if (parts.length === 3 && parts[0] === '' && (parts[1] === 'entity' || parts[1] === 'lineage') && parts[2] !== '') {
    try {
      return { kind: parts[1] as 'entity' | 'lineage', id: decodeURIComponent(parts[2]) };
    } catch {
      return { kind: 'not-found', reason: `The address ${shown} is malformed (its id is not valid percent-encoding).` };
    }
  }
  return { kind: 'not-found', reason: `Nothing is at ${shown}.` };
}

async function route(view: HTMLElement): Promise<void> {
  const target = parseRoute(location.hash);
  // Each route renders into a fresh element: a slow answer for a page already left lands in a detached one.
  const page = h('div');
  view.replaceChildren(page);
  view.focus({ preventScroll: true });
  if (target.kind === 'map') await showMap(page, target.date, target.compare);
  else if (target.kind === 'not-found') notFound(page, target.reason);
  else if (target.kind === 'entity') await showEntity(page, target.id);
  else await showLineage(page, target.id);
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
