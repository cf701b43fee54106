import { geoCentroid, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { numericToAlpha2 } from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { changePanel, tierChanges, transition } from './compare';
import { addDays, daysBetween } from './days';
import { entityHref, entityLink, errorBox, h, isDate, setTitle, today } from './dom';
import { exportLinks } from './exports';
import { keyDateControls, loadKeyDates } from './key-dates';
import { loadCountries, MapCountry, tierName, tierOn, tierRules } from './tiers';

/** The world map's TopoJSON, copied under a content-hashed name by web/build.mjs. */
declare const __ATLAS_URL__: string;

const FIRST_DAY = '2025-01-01';

const dateOf = (offset: number) => addDays(FIRST_DAY, offset);
const offsetOf = (date: string) => daysBetween(FIRST_DAY, date);

/** The address of the map on `date`, compared with `compare` when given: what a permalink restores. */
export const mapHref = (date: string, compare?: string) => `#/map?date=${date}${compare ? `&compare=${compare}` : ''}`;

/**
 * The tier map: shapes from world-atlas joined on ISO 3166-1 numeric codes, a date slider with the rule's key
 * dates, a second date to compare with (the countries whose tier differs outlined, and listed), exports of
 * the countries on the date, and a table as the map's text alternative.
 */
export async function showMap(view: HTMLElement, initialDate = '2025-03-01', initialCompare?: string): Promise<void> {
  setTitle('AI Diffusion tier map');
  const last = offsetOf(today());
  const slider = h('input', { type: 'range', id: 'map-slider', min: '0', max: String(last), step: '1', list: 'map-key-dates', 'aria-describedby': 'map-date-help' });
  const picker = h('input', { type: 'date', id: 'map-date', min: FIRST_DAY, max: today() });
  const compareInput = h('input', { type: 'date', id: 'map-compare', min: FIRST_DAY, max: today(), 'aria-describedby': 'map-compare-help' });
  const stopComparing = h('button', { type: 'button', id: 'map-compare-clear', hidden: '' }, 'Stop comparing');
  const summary = h('p', { id: 'map-summary', role: 'status', 'aria-live': 'polite' });
  const keyDatesHolder = h('div', { id: 'map-key-dates-holder' });
  const svgHolder = h('div', { class: 'map', id: 'map' }, h('p', { class: 'muted' }, 'Loading the map…'));
  const unmapped = h('aside', { class: 'unmapped', id: 'unmapped' });
  const legendHolder = h('div', { id: 'map-legend' }, legend());
  const changes = changePanel();
  const exports = h('div', { id: 'map-exports' });
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
      // Beside the date rather than below it, so the map stays in view on a phone.
      h(
        'span',
        { class: 'compare-controls' },
        h('label', { for: 'map-compare' }, 'Compare with'),
        compareInput,
        stopComparing,
        h('span', { id: 'map-compare-help', class: 'visually-hidden' }, 'A second date: the countries whose tier differs between the two are outlined on the map and listed below it.'),
      ),
    ),
    h('p', { id: 'map-date-help', class: 'muted' }, 'Arrow keys move a day, Page Up and Page Down a month, Home and End to the first and last day.'),
    keyDatesHolder,
    summary,
    // The map holds a link per country: this lets a keyboard user past them to the same facts as a table.
    h('a', { href: '#tier-table', class: 'skip-map' }, 'Skip the map to the table of countries by tier'),
    h('div', { class: 'map-row' }, svgHolder, unmapped),
    legendHolder,
    changes.element,
    h('h3', null, 'Countries by tier on this date'),
    exports,
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
  const parts = (shape: SVGElement) => shape.querySelectorAll<SVGElement>('path, circle');
  const lastEnd = countries.flatMap((country) => country.tierAssignments.map((a) => a.validTo ?? '')).sort().at(-1);
  let date = initialDate;
  let compare = initialCompare;
  let markKeyDate = (_date: string) => {};

  function show(shown: string) {
    date = shown;
    slider.value = String(offsetOf(date));
    slider.setAttribute('aria-valuetext', date);
    picker.value = date;
    stopComparing.hidden = !compare;
    markKeyDate(date);
    // The URL names both dates, so a view can be shared; replaceState fires no hashchange, so nothing re-renders.
    if (slider.isConnected) history.replaceState(null, '', mapHref(date, compare));
    // Compared in time order, whichever of the two is the map's date.
    const [from, to] = compare && compare < date ? [compare, date] : [date, compare ?? date];
    const changed = new Map(compare ? tierChanges(countries, from, to).map((change) => [change.country.code, change] as const) : []);
    for (const shape of shapes) {
      const country = byCode.get(shape.dataset.code!)!;
      const tier = tierOn(country, date);
      const change = changed.get(country.code);
      let text = `${country.name}: ${tier?.name ?? 'no tier'}`;
      if (compare) text += change ? `; changed from ${from} to ${to}: ${transition(change)}` : `; the same on ${compare}`;
      for (const part of parts(shape)) part.dataset.tier = tier ? String(tier.level) : '';
      if (compare) shape.dataset.changed = String(!!change);
      else delete shape.dataset.changed;
      shape.querySelector('title')!.textContent = text;
      shape.setAttribute('aria-label', text);
    }
    svgHolder.classList.toggle('comparing', !!compare);
    const tiered = countries.filter((country) => tierOn(country, date));
    summary.textContent =
      (tiered.length
        ? `${date}: ${tiered.length} countries and territories in a tier.`
        : `${date}: no country is in a tier${lastEnd && lastEnd <= date ? `; the tiers ended on ${lastEnd}` : ''}.`) +
      (compare ? ` Compared with ${compare}: ${changed.size} in another tier.` : '');
    const missing = countries.filter((country) => !mappedCodes.has(country.code));
    unmapped.replaceChildren(
      h('h3', null, `Not on the map (${missing.length})`),
      h('ul', null, missing.map((country) => h('li', { 'data-code': country.code, 'data-tier': String(tierOn(country, date)?.level ?? '') }, entityLink(country.id, country.name), `: ${tierName(tierOn(country, date))}`))),
    );
    legendHolder.replaceChildren(legend(compare ? [from, to] : undefined));
    if (compare) changes.show([...changed.values()], from, to);
    else changes.hide();
    exports.replaceChildren(...[date, ...(compare && compare !== date ? [compare] : [])].map((day) => exportLinks('countries', { asOf: day }, `Countries and their tiers on ${day}`)));
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
  // A date is taken once it is whole and on the slider: typing passes through years such as 0002 and 0202.
  const takeCompare = () => {
    const value = compareInput.value;
    if (value === '' && compare) {
      compare = undefined;
      show(date);
    } else if (isDate(value) && value >= FIRST_DAY && value <= today() && value !== compare) {
      compare = value;
      show(date);
    }
  };
  compareInput.addEventListener('input', takeCompare);
  compareInput.addEventListener('change', takeCompare);
  stopComparing.addEventListener('click', () => {
    compare = undefined;
    compareInput.value = '';
    show(date);
    compareInput.focus();
  });
  // Written once: rewriting it on each change would wipe what is being typed in it.
  compareInput.value = compare ?? '';
  show(initialDate);

  // The rule's own dates, as ticks on the slider and buttons to jump to them; the map works without them.
  try {
    const controls = keyDateControls(await loadKeyDates(tierRules(countries)), FIRST_DAY, today(), offsetOf, show);
    keyDatesHolder.replaceChildren(controls.element);
    markKeyDate = controls.mark;
    markKeyDate(date);
  } catch (error) {
    keyDatesHolder.replaceChildren(errorBox(error));
  }
}

/**
 * Overseas parts that world-atlas draws inside their parent's shape but the API lists on their own, each
 * with the longitude/latitude boxes ([west, south, east, north]) its polygons' centres fall in.
 */
const TERRITORIES: { code: string; parent: string; boxes: [number, number, number, number][] }[] = [
  { code: 'GF', parent: '250', boxes: [[-55, 1.5, -51, 6.5]] }, // French Guiana, in France
  { code: 'GP', parent: '250', boxes: [[-62, 15.8, -60.9, 16.6]] }, // Guadeloupe
  { code: 'MQ', parent: '250', boxes: [[-61.3, 14.3, -60.7, 15]] }, // Martinique
  { code: 'RE', parent: '250', boxes: [[55, -21.5, 56, -20.8]] }, // Réunion
  { code: 'YT', parent: '250', boxes: [[44.9, -13.1, 45.4, -12.5]] }, // Mayotte
  { code: 'SJ', parent: '578', boxes: [[-10, 74, 35, 81.5], [-9.5, 70.5, -7.5, 71.5]] }, // Svalbard and Jan Mayen, in Norway
  { code: 'BQ', parent: '528', boxes: [[-68.5, 12, -68, 12.4], [-63.4, 17.4, -62.9, 17.7]] }, // Bonaire, Sint Eustatius and Saba, in the Netherlands
];

type Shape = Feature<Geometry | null> & { code?: string };

/** world-atlas's shapes, each territory above split out of its parent when the API knows it. */
function splitTerritories(features: Feature<Geometry | null>[], known: (code: string) => boolean): Shape[] {
  const out: Shape[] = [];
  for (const shape of features) {
    const code = shape.id === undefined ? undefined : numericToAlpha2(String(shape.id));
    const parts = TERRITORIES.filter((territory) => territory.parent === String(shape.id) && known(territory.code));
    if (!parts.length || shape.geometry?.type !== 'MultiPolygon') {
      out.push({ ...shape, code });
      continue;
    }
    const rest: Polygon['coordinates'][] = [];
    const taken = new Map<string, Polygon['coordinates'][]>();
    for (const polygon of (shape.geometry as MultiPolygon).coordinates) {
      const [lon, lat] = geoCentroid({ type: 'Polygon', coordinates: polygon });
      const owner = parts.find((territory) => territory.boxes.some(([w, s, e, n]) => lon >= w && lon <= e && lat >= s && lat <= n));
      if (owner) taken.set(owner.code, [...(taken.get(owner.code) ?? []), polygon]);
      else rest.push(polygon);
    }
    out.push({ ...shape, code, geometry: { type: 'MultiPolygon', coordinates: rest } });
    for (const [territory, polygons] of taken) out.push({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polygons }, code: territory });
  }
  return out;
}

/** A state whose shape is smaller than this (viewBox units, about a pixel) also gets a round marker. */
const SMALL = 2.5;
const MARKER_RADIUS = 4;

/**
 * Draws each shape whose ISO code the API knows as a link to its country's page (small ones with a marker
 * that can be seen and clicked); returns the links.
 */
async function drawShapes(holder: HTMLElement, byCode: Map<string, MapCountry>): Promise<SVGAElement[]> {
  let topology: Topology<{ countries: GeometryCollection }>;
  try {
    topology = await (await fetch(__ATLAS_URL__)).json();
  } catch (error) {
    holder.replaceChildren(errorBox(error));
    return [];
  }
  const collection = feature(topology, topology.objects.countries);
  const [width, height] = [960, 480];
  const path = geoPath(geoNaturalEarth1().fitSize([width, height], collection));
  const svgNs = 'http://www.w3.org/2000/svg';
  const make = <K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string> = {}) => {
    const element = document.createElementNS(svgNs, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  };
  const svg = make('svg', { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'World map coloured by AI Diffusion tier, each country a link to its page; the table below lists the same countries by tier.' });
  const markers = make('g', { class: 'markers' });
  const placed: [number, number][] = [];
  const drawn: SVGAElement[] = [];
  for (const shape of splitTerritories(collection.features, (code) => byCode.has(code))) {
    const d = path(shape) ?? '';
    if (!shape.code || !byCode.has(shape.code)) {
      svg.append(make('path', { d, class: 'unknown' }));
      continue;
    }
    const country = byCode.get(shape.code)!;
    const link = make('a', { href: entityHref(country.id), 'data-code': shape.code });
    link.append(make('title'), make('path', { d, 'data-code': shape.code }));
    const [[x0, y0], [x1, y1]] = path.bounds(shape);
    if (Math.max(x1 - x0, y1 - y0) < SMALL) {
      // Nudged off markers already placed (Hong Kong and Macao are 2 units apart), with a line to the true spot.
      const [cx, cy] = path.centroid(shape);
      let [mx, my] = [cx, cy];
      for (let tries = 0; tries < 12; tries++) {
        const near = placed.find(([px, py]) => Math.hypot(px - mx, py - my) < 2 * MARKER_RADIUS + 1);
        if (!near) break;
        const angle = Math.atan2(my - near[1], mx - near[0]) || -Math.PI / 2;
        [mx, my] = [near[0] + Math.cos(angle) * (2 * MARKER_RADIUS + 1.5), near[1] + Math.sin(angle) * (2 * MARKER_RADIUS + 1.5)];
      }
      placed.push([mx, my]);
      const group = make('a', { href: entityHref(country.id), 'data-code': shape.code, class: 'marker' });
      group.append(make('title'), make('line', { x1: String(cx), y1: String(cy), x2: String(mx), y2: String(my) }), make('circle', { cx: String(mx), cy: String(my), r: String(MARKER_RADIUS), 'data-code': shape.code }));
      markers.append(group);
      drawn.push(group);
      link.setAttribute('tabindex', '-1'); // one tab stop per country: its marker
      link.setAttribute('aria-hidden', 'true');
    }
    svg.append(link);
    drawn.push(link);
  }
  svg.append(markers); // drawn last, so above every shape
  holder.replaceChildren(svg);
  return drawn;
}

/** The tiers' colours; when two dates are compared, also what outlined and faded mean. */
function legend(compared?: [string, string]): HTMLElement {
  const swatch = (tier: string, text: string) => h('li', null, h('span', { class: `swatch tier-${tier}`, 'data-tier': tier }), text);
  const layer = (kind: string, text: string) => h('li', { 'data-layer': kind }, h('span', { class: `swatch layer-${kind}` }), text);
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    swatch('1', 'Tier 1'),
    swatch('2', 'Tier 2'),
    swatch('3', 'Tier 3'),
    swatch('none', 'No tier'),
    compared && [layer('changed', `Outlined: another tier on ${compared[1]} than on ${compared[0]}`), layer('same', 'Faded: the same tier on both dates')],
  );
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
    { class: 'tier-table', id: 'tier-table-grid' },
    h('caption', null, `AI Diffusion tiers on ${date}`),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Tier'), h('th', { scope: 'col' }, 'Count'), h('th', { scope: 'col' }, 'Countries and territories'))),
    h(
      'tbody',
      null,
      rows.map(([tier, members]) => h('tr', null, h('th', { scope: 'row' }, tier), h('td', null, members.length), h('td', null, ...members.flatMap((country, index) => [index ? ', ' : '', entityLink(country.id, country.name)])))),
    ),
  );
}
