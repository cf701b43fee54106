import { nameOf, query } from './api';
import { addDays } from './days';
import { entityLink, h } from './dom';
import { MapCountry, Tier, tierName, tierOn } from './tiers';

/**
 * The tier map's comparison of two dates: which countries' tier differs between them (from the
 * memberships the map already holds, so the change layer agrees with what the map shows on either date),
 * and, in one `factChanges` request per pair of dates, when and by what instrument each of them moved.
 */

export interface TierChange {
  country: MapCountry;
  before: Tier | undefined;
  after: Tier | undefined;
}

/** Countries in another tier (or none) on `to` than on `from`, by name. */
export function tierChanges(countries: MapCountry[], from: string, to: string): TierChange[] {
  return countries
    .map((country) => ({ country, before: tierOn(country, from), after: tierOn(country, to) }))
    .filter((change) => change.before?.id !== change.after?.id)
    .sort((a, b) => a.country.name.localeCompare(b.country.name));
}

/** "Tier 2 → no tier". */
export const transition = (change: TierChange) => `${tierName(change.before)} → ${tierName(change.after)}`;

interface RuleRef {
  id: string;
  title: string;
  shortName: string | null;
}
interface Step {
  on: string;
  change: 'STARTED' | 'ENDED';
  subject: { code?: string };
  object: { name?: string } | null;
  cause: RuleRef | null;
}

/** At most this many memberships that began or ended in the window (two per country when every tier ends at once). */
const STEP_ROWS = 2000;
const STEPS = `query MapTierSteps($from: Date!, $to: Date!, $first: Int!) {
  factChanges(from: $from, to: $to, relations: ["IN_TIER"], first: $first) {
    on change
    subject { ... on Country { code } }
    object { ... on Tier { name } }
    cause { id title shortName }
  }
}`;

/** Waits this long after the last change of either date before asking (the slider moves a day per key). */
const ASK_AFTER_MS = 300;

/** One step in words: "2025-05-13: left Tier 2 (AI Diffusion Rule rescission announcement)". */
function stepItem(step: Step): HTMLElement {
  const what = `${step.change === 'STARTED' ? 'entered' : 'left'} ${step.object?.name ?? 'a tier'}`;
  return h('li', null, h('span', { class: 'date' }, step.on), `: ${what}`, step.cause && [' (', entityLink(step.cause.id, nameOf(step.cause)), ')']);
}

/**
 * The list of changes between two dates, in text: "Singapore: Tier 2 → no tier", then the steps that made
 * it. The steps are asked once the dates stop moving; an answer for dates no longer shown is dropped.
 */
export function changePanel(): { element: HTMLElement; show(changes: TierChange[], from: string, to: string): void; hide(): void } {
  const heading = h('h3', { id: 'map-changes-heading' });
  const counts = h('p', { id: 'map-changes-counts' });
  const list = h('ul', { id: 'map-change-list' });
  const note = h('p', { class: 'muted', id: 'map-changes-note' });
  const element = h(
    'section',
    { id: 'map-changes', 'aria-labelledby': 'map-changes-heading', hidden: '' },
    heading,
    counts,
    // A long list scrolls in a box of its own, reachable by keyboard.
    h('div', { class: 'change-scroll', role: 'region', 'aria-label': 'Countries whose tier changed', tabindex: '0' }, list),
    note,
  );
  const answers = new Map<string, Promise<Step[]>>();
  let shown = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  function hide() {
    shown = '';
    clearTimeout(timer);
    element.hidden = true;
  }

  function show(changes: TierChange[], from: string, to: string) {
    const key = `${from}/${to}`;
    if (key === shown && !element.hidden) return;
    shown = key;
    element.hidden = false;
    heading.textContent = `Changes from ${from} to ${to}`;
    const byTransition = new Map<string, number>();
    for (const change of changes) byTransition.set(transition(change), (byTransition.get(transition(change)) ?? 0) + 1);
    counts.textContent = changes.length
      ? `${changes.length} ${changes.length === 1 ? 'country or territory is' : 'countries and territories are'} in another tier on ${to} than on ${from}: ${[...byTransition].map(([words, count]) => `${words} ${count}`).join(', ')}.`
      : `No country or territory is in another tier on ${to} than on ${from}.`;
    const steps = new Map<string, HTMLElement>();
    list.replaceChildren(
      ...changes.map((change) => {
        const holder = h('ul', { class: 'steps' });
        steps.set(change.country.code, holder);
        return h('li', { 'data-code': change.country.code }, entityLink(change.country.id, change.country.name), `: ${transition(change)}`, holder);
      }),
    );
    note.textContent = changes.length ? 'When each changed: asking…' : '';
    clearTimeout(timer);
    if (!changes.length) return;
    timer = setTimeout(async () => {
      // The window is (from, to]: a membership that began on `from` already held then; one that ended on `to` no longer holds.
      if (!answers.has(key)) answers.set(key, query<{ factChanges: Step[] }>(STEPS, { from: addDays(from, 1), to, first: STEP_ROWS }).then((data) => data.factChanges));
      const pending = answers.get(key)!;
      let answer: Step[];
      try {
        answer = await pending;
      } catch (error) {
        answers.delete(key);
        if (shown === key) note.textContent = `When each changed could not be read: ${error instanceof Error ? error.message : String(error)}`;
        return;
      }
      if (shown !== key) return;
      for (const step of answer) if (step.subject.code) steps.get(step.subject.code)?.append(stepItem(step));
      note.textContent = answer.length >= STEP_ROWS ? `Only the first ${STEP_ROWS} steps are dated here.` : 'Dates and instruments from the graph’s dated tier memberships.';
    }, ASK_AFTER_MS);
  }

  return { element, show, hide };
}
