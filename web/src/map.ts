import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { numericToAlpha2 } from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { query } from './api';
import { entityLink, errorBox, h, today } from './dom';

const FIRST_DAY = '2025-01-01';
const DAY = 86_400_000;

/** Every country with every tier membership it ever had; the map then needs no request per date. */
const COUNTRIES = `query MapCountries($after: String) {
  countries(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id code name tierAssignments { validFrom validTo tier { level name } } } }
  }
}`;

interface Assignment {
  validFrom: string;
  validTo: string | null;
  tier: { level: number; name: string };
}
interface MapCountry {
  id: string;
  code: string;
  name: string;
  tierAssignments: Assignment[];
}
interface Page {
  countries: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: MapCountry }[] };
}

async function loadCountries(): Promise<MapCountry[]> {
  const countries: MapCountry[] = [];
  let after: string | null = null;
  do {
    const page: Page = await query<Page>(COUNTRIES, { after });
    countries.push(...page.countries.edges.map((edge) => edge.node));
    after = page.countries.pageInfo.hasNextPage ? page.countries.pageInfo.endCursor : null;
  } while (after);
  return countries;
}

/** The tier a country was in on `date`: validFrom inclusive, validTo exclusive, as the API defines them. */
const tierOn = (country: MapCountry, date: string) => country.tierAssignments.find((a) => a.validFrom <= date && (a.validTo === null || date < a.validTo))?.tier;

const dateOf = (offset: number) => new Date(Date.parse(FIRST_DAY) + offset * DAY).toISOString().slice(0, 10);
const offsetOf = (date: string) => Math.round((Date.parse(date) - Date.parse(FIRST_DAY)) / DAY);

/** The tier map: shapes from world-atlas joined on ISO 3166-1 numeric codes, a date slider, and a table as its text alternative. */
export async function showMap(view: HTMLElement, initialDate = '2025-03-01'): Promise<void> {
  const last = offsetOf(today());
  const slider = h('input', { type: 'range', id: 'map-slider', min: '0', max: String(last), step: '1', 'aria-describedby': 'map-date-help' });
  const picker = h('input', { type: 'date', id: 'map-date', min: FIRST_DAY, max: today() });
  const summary = h('p', { id: 'map-summary', role: 'status', 'aria-live': 'polite' });
  const svgHolder = h('div', { class: 'map', id: 'map' }, h('p', { class: 'muted' }, 'Loading the map…'));
  const unmapped = h('aside', { class: 'unmapped', id: 'unmapped' });
  const table = h('div', { id: 'tier-table' });
  view.replaceChildren(
    h('h2', null, 'AI Diffusion tiers on a date'),
    h(
      'div',
      { class: 'map-controls' },
      h('label', { for: 'map-slider' }, 'Date'),
      slider,
      h('label', { for: 'map-date', class: 'visually-hidden' }, 'Date (exact)'),
      picker,
    ),
    h('p', { id: 'map-date-help', class: 'muted' }, 'Arrow keys move a day, Page Up and Page Down a month, Home and End to the first and last day.'),
    summary,
    h('div', { class: 'map-row' }, svgHolder, unmapped),
    legend(),
    h('h3', null, 'Countries by tier on this date'),
    table,
  );

  let countries: MapCountry[];
  try {
    countries = await loadCountries();
  } catch (error) {
    svgHolder.replaceChildren(errorBox(error));
    return;
  }
  const byCode = new Map(countries.map((country) => [country.code, country]));
  const shapes = await drawShapes(svgHolder, byCode);
  const mappedCodes = new Set(shapes.map((shape) => shape.dataset.code));
  const lastEnd = countries.flatMap((country) => country.tierAssignments.map((a) => a.validTo ?? '')).sort().at(-1);

  function show(date: string) {
    slider.value = String(offsetOf(date));
    slider.setAttribute('aria-valuetext', date);
    picker.value = date;
    // The URL names the date, so a view can be shared; replaceState fires no hashchange, so nothing re-renders.
    if (slider.isConnected) history.replaceState(null, '', `#/map?date=${date}`);
    for (const shape of shapes) {
      const tier = tierOn(byCode.get(shape.dataset.code!)!, date);
      shape.dataset.tier = tier ? String(tier.level) : '';
      shape.querySelector('title')!.textContent = `${byCode.get(shape.dataset.code!)!.name}: ${tier?.name ?? 'no tier'}`;
    }
    const tiered = countries.filter((country) => tierOn(country, date));
    summary.textContent = tiered.length
      ? `${date}: ${tiered.length} countries and territories in a tier.`
      : `${date}: no country is in a tier${lastEnd && lastEnd <= date ? `; the tiers ended on ${lastEnd}` : ''}.`;
    const missing = countries.filter((country) => !mappedCodes.has(country.code));
    unmapped.replaceChildren(
      h('h3', null, `Not on the map (${missing.length})`),
      h('ul', null, missing.map((country) => h('li', { 'data-code': country.code, 'data-tier': String(tierOn(country, date)?.level ?? '') }, entityLink(country.id, country.name), `: ${tierOn(country, date)?.name ?? 'no tier'}`))),
    );
    table.replaceChildren(tierTable(countries, date));
  }

  slider.addEventListener('input', () => show(dateOf(Number(slider.value))));
  picker.addEventListener('change', () => picker.value && show(picker.value < FIRST_DAY ? FIRST_DAY : picker.value));
  // Page Up/Down move a month rather than the browser's tenth of the range.
  slider.addEventListener('keydown', (event) => {
    if (event.key !== 'PageUp' && event.key !== 'PageDown') return;
    event.preventDefault();
    show(dateOf(Math.max(0, Math.min(last, Number(slider.value) + (event.key === 'PageUp' ? 30 : -30)))));
  });
  show(initialDate);
}

/** Draws one path per shape whose ISO code the API knows; returns them. */
async function drawShapes(holder: HTMLElement, byCode: Map<string, MapCountry>): Promise<SVGPathElement[]> {
  let topology: Topology<{ countries: GeometryCollection }>;
  try {
    topology = await (await fetch('assets/countries-50m.json')).json();
  } catch (error) {
    holder.replaceChildren(errorBox(error));
    return [];
  }
  const shapes = feature(topology, topology.objects.countries);
  const [width, height] = [960, 480];
  const path = geoPath(geoNaturalEarth1().fitSize([width, height], shapes));
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'World map coloured by AI Diffusion tier; the table below lists the same countries by tier.');
  const drawn: SVGPathElement[] = [];
  for (const shape of shapes.features) {
    const code = shape.id === undefined ? undefined : numericToAlpha2(String(shape.id));
    const element = document.createElementNS(svgNs, 'path');
    element.setAttribute('d', path(shape) ?? '');
    element.append(document.createElementNS(svgNs, 'title'));
    if (code && byCode.has(code)) {
      element.dataset.code = code;
      drawn.push(element);
    } else {
      element.classList.add('unknown');
    }
    svg.append(element);
  }
  holder.replaceChildren(svg);
  return drawn;
}

function legend(): HTMLElement {
  const swatch = (tier: string, text: string) => h('li', null, h('span', { class: `swatch tier-${tier}`, 'data-tier': tier }), text);
  return h('ul', { class: 'legend', 'aria-label': 'Legend' }, swatch('1', 'Tier 1'), swatch('2', 'Tier 2'), swatch('3', 'Tier 3'), swatch('none', 'No tier'));
}

/** The map's text alternative: each tier on `date` with its countries. */
function tierTable(countries: MapCountry[], date: string): HTMLElement {
  const tiers = new Map<string, MapCountry[]>();
  for (const country of countries) {
    const name = tierOn(country, date)?.name ?? 'No tier';
    tiers.set(name, [...(tiers.get(name) ?? []), country]);
  }
  const rows = [...tiers].sort(([a], [b]) => a.localeCompare(b));
  return h(
    'table',
    { class: 'tier-table' },
    h('caption', null, `AI Diffusion tiers on ${date}`),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Tier'), h('th', { scope: 'col' }, 'Count'), h('th', { scope: 'col' }, 'Countries and territories'))),
    h(
      'tbody',
      null,
      rows.map(([tier, members]) => h('tr', null, h('th', { scope: 'row' }, tier), h('td', null, members.length), h('td', null, ...members.flatMap((country, index) => [index ? ', ' : '', entityLink(country.id, country.name)])))),
    ),
  );
}
