import { nameOf, query } from './api';
import { h } from './dom';

/**
 * The dates the graph states for the rules behind the map's tiers (issued, published, effective, compliance,
 * ended), read in one request, shown as labelled ticks on the date slider and as buttons that jump to them.
 */

const RULE_DATES = 'id title shortName issuedOn publishedOn effectiveOn complianceOn ending { on kind by { id title shortName } }';

interface RuleDates {
  id: string;
  title: string;
  shortName: string | null;
  issuedOn: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  complianceOn: string | null;
  ending: { on: string; kind: string; by: { id: string; title: string; shortName: string | null } | null } | null;
}

export interface KeyDate {
  date: string;
  /** What happened that day, e.g. "issued, effective" ("AI Diffusion Rule issued, effective" when the map shows tiers of several rules). */
  meaning: string;
}

/** How an ending reads: NON_ENFORCEMENT is "enforcement ended", never a revocation. */
const ENDING_WORDS: Record<string, string> = {
  NON_ENFORCEMENT: 'enforcement ended',
  FORMAL_RESCISSION: 'rescinded',
  EXPIRED: 'expired',
  SUPERSEDED: 'superseded',
  VACATED: 'vacated',
};

export interface KeyDates {
  /** The rules' names, e.g. ["AI Diffusion Rule"]. */
  rules: string[];
  dates: KeyDate[];
}

/**
 * The rules' dates, one request for all of them (an alias per rule), grouped by day, oldest first; each
 * meaning names its rule only when there is more than one.
 */
export async function loadKeyDates(ruleIds: string[]): Promise<KeyDates> {
  if (!ruleIds.length) return { rules: [], dates: [] };
  const variables = Object.fromEntries(ruleIds.map((id, index) => [`r${index}`, id]));
  const document = `query MapKeyDates(${ruleIds.map((_, index) => `$r${index}: ID!`).join(', ')}) {
    ${ruleIds.map((_, index) => `r${index}: rule(id: $r${index}) { ${RULE_DATES} }`).join('\n    ')}
  }`;
  const rules = Object.values(await query<Record<string, RuleDates | null>>(document, variables)).filter((rule): rule is RuleDates => rule !== null);
  const byDay = new Map<string, Map<string, string[]>>();
  const add = (date: string | null | undefined, rule: RuleDates, what: string) => {
    if (!date) return;
    const day = byDay.get(date) ?? new Map<string, string[]>();
    const name = nameOf(rule);
    day.set(name, [...(day.get(name) ?? []), what]);
    byDay.set(date, day);
  };
  for (const rule of rules) {
    add(rule.issuedOn, rule, 'issued');
    add(rule.publishedOn, rule, 'published');
    add(rule.effectiveOn, rule, 'effective');
    add(rule.complianceOn, rule, 'compliance date');
    if (rule.ending) add(rule.ending.on, rule, `${ENDING_WORDS[rule.ending.kind] ?? 'ended'}${rule.ending.by ? ` (${nameOf(rule.ending.by)})` : ''}`);
  }
  const named = rules.length > 1;
  const dates = [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, day]) => ({ date, meaning: [...day].map(([name, whats]) => `${named ? `${name} ` : ''}${whats.join(', ')}`).join('; ') }));
  return { rules: rules.map(nameOf), dates };
}

/**
 * The key dates between `first` and `last`: a <datalist> the slider names (`list`), so its ticks show on the
 * track, and a list of buttons, each with its date and meaning, that move the map there. `mark` flags the
 * button of the date shown (aria-current).
 */
export function keyDateControls({ rules, dates }: KeyDates, first: string, last: string, offsetOf: (date: string) => number, pick: (date: string) => void) {
  const shown = dates.filter((key) => key.date >= first && key.date <= last);
  const datalist = h('datalist', { id: 'map-key-dates' }, shown.map((key) => h('option', { value: String(offsetOf(key.date)), label: `${key.date}: ${key.meaning}` })));
  const buttons = shown.map((key) => {
    const button = h('button', { type: 'button', class: 'key-date', 'data-date': key.date }, h('span', { class: 'date' }, key.date), ` ${key.meaning}`);
    button.addEventListener('click', () => pick(key.date));
    return button;
  });
  const element = h(
    'nav',
    { class: 'key-dates', 'aria-labelledby': 'key-dates-heading' },
    h('h3', { id: 'key-dates-heading' }, rules.length ? `Key dates of the ${rules.join(' and ')}` : 'Key dates'),
    shown.length ? h('ul', null, buttons.map((button) => h('li', null, button))) : h('p', { class: 'muted' }, 'The graph states no dates for this rule.'),
    datalist,
  );
  const mark = (date: string) => {
    for (const button of buttons) {
      if (button.dataset.date === date) button.setAttribute('aria-current', 'date');
      else button.removeAttribute('aria-current');
    }
  };
  return { element, mark };
}
