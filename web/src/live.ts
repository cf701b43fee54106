import { Client, createClient } from 'graphql-ws/client';
import { query } from './api';

/**
 * Live updates: a page follows `Subscription.changed` over graphql-ws (the same origin's /graphql)
 * and is drawn again when a change writes an entity it shows. The subscription is not narrowed to
 * the page's own entity: a page shows facts of the entities it links to (the rules reaching a
 * country through its tier or its companies), and a change to one of those names that entity, not
 * the page's. Changes are few (editors write them), so the page filters them itself.
 */

/** The position of the newest change, read before the page, so no change between the two is missed. */
const LATEST = `query Latest { changes(first: 1) { edges { node { position } } } }`;
const CHANGED = `subscription Changed($after: String) { changed(after: $after) { position entityIds } }`;

/** How long changes must pause before the page is drawn again: a burst of writes redraws it once. */
const REDRAW_DEBOUNCE_MS = 250;

let client: Client | undefined;

/** One socket for the explorer, opened on the first subscription and closed when none is left (lazy). */
function socket(): Client {
  client ??= createClient({ url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`, lazy: true, retryAttempts: 5 });
  return client;
}

/**
 * Where to follow the feed from: the newest change's position ("0" when there is none yet, so the
 * first one is replayed), or null when it could not be read (then from the moment of subscribing).
 */
export async function latestPosition(): Promise<string | null> {
  try {
    const { changes } = await query<{ changes: { edges: { node: { position: string } }[] } }>(LATEST);
    return changes.edges[0]?.node.position ?? '0';
  } catch {
    return null;
  }
}

/** The ids a page shows: its entity links and the sources it lists (data-id). */
export function shownIds(page: HTMLElement): Set<string> {
  const ids = new Set<string>();
  for (const link of page.querySelectorAll<HTMLAnchorElement>('a[href^="#/entity/"]')) {
    try {
      ids.add(decodeURI(link.getAttribute('href')!.slice('#/entity/'.length)));
    } catch {
      // not an id
    }
  }
  for (const element of page.querySelectorAll<HTMLElement>('[data-id]')) ids.add(element.dataset.id!);
  return ids;
}

/**
 * Follows changes committed after `after`; when one writes an id in `shown()`, calls `redraw` once
 * changes pause (one redraw at a time; a change during one asks for another). Returns the function
 * that stops following (the route calls it when the page is left).
 */
export function followChanges(after: string | null, shown: () => Set<string>, redraw: () => Promise<void>): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let drawing = false;
  let again = false;
  const draw = async () => {
    if (stopped) return;
    if (drawing) {
      again = true;
      return;
    }
    drawing = true;
    try {
      await redraw();
    } finally {
      drawing = false;
      if (again && !stopped) {
        again = false;
        void draw();
      }
    }
  };
  const unsubscribe = socket().subscribe<{ changed: { position: string; entityIds: string[] } }>(
    { query: CHANGED, variables: { after } },
    {
      next: ({ data }) => {
        if (stopped || !data) return;
        const ids = shown();
        if (!data.changed.entityIds.some((id) => ids.has(id))) return;
        clearTimeout(timer);
        timer = setTimeout(() => void draw(), REDRAW_DEBOUNCE_MS);
      },
      // Live updates are a convenience: without them the page is still right as of its loading.
      error: () => document.documentElement.setAttribute('data-live', 'off'),
      complete: () => undefined,
    },
  );
  document.documentElement.setAttribute('data-live', 'on');
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
