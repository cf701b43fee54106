import { h } from './dom';
import { showEntity } from './entity';
import { showLineage } from './lineage';
import { showMap } from './map';
import { mountSearch } from './search';

/**
 * Hash routes, so the service serves one static page:
 *   #/ and #/map?date=YYYY-MM-DD  the tier map
 *   #/entity/<id>                 an entity's page
 *   #/lineage/<rule id>           a rule's lineage graph
 */
async function route(view: HTMLElement): Promise<void> {
  const [path, search] = location.hash.replace(/^#/, '').split('?');
  const [, kind, id] = path.split('/');
  // Each route renders into a fresh element: a slow answer for a page already left lands in a detached one.
  const page = h('div');
  view.replaceChildren(page);
  view.focus({ preventScroll: true });
  if (kind === 'entity' && id) await showEntity(page, decodeURIComponent(id));
  else if (kind === 'lineage' && id) await showLineage(page, decodeURIComponent(id));
  else await showMap(page, new URLSearchParams(search).get('date') ?? undefined);
}

const view = document.getElementById('view')!;
mountSearch(document.getElementById('search') as HTMLInputElement, document.getElementById('search-results')!);
window.addEventListener('hashchange', () => void route(view));
void route(view).catch((error) => view.replaceChildren(h('div', { class: 'error', role: 'alert' }, String(error))));
