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
  const [, page, id] = path.split('/');
  if (page === 'entity' && id) await showEntity(view, decodeURIComponent(id));
  else if (page === 'lineage' && id) await showLineage(view, decodeURIComponent(id));
  else await showMap(view, new URLSearchParams(search).get('date') ?? undefined);
  view.focus({ preventScroll: true });
}

const view = document.getElementById('view')!;
mountSearch(document.getElementById('search') as HTMLInputElement, document.getElementById('search-results')!);
window.addEventListener('hashchange', () => void route(view));
void route(view).catch((error) => view.replaceChildren(h('div', { class: 'error', role: 'alert' }, String(error))));
