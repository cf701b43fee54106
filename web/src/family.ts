import { query } from './api';
import { entityLink, errorBox, h, notFound, scroller, setTitle } from './dom';
import { exportLinks } from './exports';
import { rulesTouching, Touch, touchTable } from './touching';

/**
 * A product family (ChipProduct.family, e.g. 'Ascend'): its chips with maker, ECCN and performance,
 * and every rule that touches one of them. The graph has no family node: a family is the products
 * whose `family` field names it (chipProducts' family filter, which ignores case).
 */
const FAMILY = `query Family($family: String!) {
  chipProducts(filter: { family: $family }, first: 100) {
    edges { node { id name family eccn tpp maker { id name } performance { tpp performanceDensity memoryBandwidthGBs announcedOn } } }
  }
}`;

interface Chip {
  id: string;
  name: string;
  family: string | null;
  eccn: string | null;
  tpp: number | null;
  maker: { id: string; name: string } | null;
  performance: { tpp: number | null; performanceDensity: number | null; memoryBandwidthGBs: number | null; announcedOn: string | null } | null;
}

/** The paths a rule reaches a chip along (every kind that starts at a product), for the rules export. */
const CHIP_PATHS = 'DIRECT,MAKER,ECCN';

/** The hash route of a family's page. */
export const familyHref = (family: string) => `#/family/${encodeURIComponent(family)}`;

const number = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString('en-US'));

/** Renders the family's page into `view`; returns the page's title, or null when there is no such family. */
export async function showFamily(view: HTMLElement, family: string): Promise<string | null> {
  view.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  let chips: Chip[];
  let touches: { chip: Chip; touch: Touch }[];
  try {
    chips = (await query<{ chipProducts: { edges: { node: Chip }[] } }>(FAMILY, { family })).chipProducts.edges.map((edge) => edge.node);
    // One request per chip: rulesTouching is priced at its cap, so asking for many chips at once could pass MAX_COST.
    touches = (await Promise.all(chips.map(async (chip) => (await rulesTouching(chip.id)).map((touch) => ({ chip, touch }))))).flat();
  } catch (error) {
    view.replaceChildren(errorBox(error));
    return null;
  }
  chips.sort((a, b) => a.name.localeCompare(b.name));
  if (!chips.length) {
    notFound(view, `No chip product is in a family named “${family}”.`);
    return null;
  }
  // As the products write it (the address may differ in case).
  const name = chips[0].family ?? family;
  const chipOf = new Map<Touch, Chip>(touches.map(({ chip, touch }) => [touch, chip]));
  const ruleCount = new Set(touches.map(({ touch }) => touch.rule.id)).size;
  view.replaceChildren(
    h('header', { class: 'entity-header' }, h('p', { class: 'type' }, 'Chip family'), h('h2', null, name)),
    h('h3', null, `Chips (${chips.length})`),
    scroller(
      'Chips of the family',
      h(
        'table',
        { id: 'family-chips' },
        h('thead', null, h('tr', null, h('th', null, 'Chip'), h('th', null, 'Maker'), h('th', null, 'ECCN'), h('th', null, 'TPP'), h('th', null, 'Performance density'), h('th', null, 'Memory bandwidth (GB/s)'), h('th', null, 'Announced'))),
        h(
          'tbody',
          null,
          chips.map((chip) =>
            h(
              'tr',
              null,
              h('td', null, entityLink(chip.id, chip.name)),
              h('td', null, chip.maker ? entityLink(chip.maker.id, chip.maker.name) : '—'),
              h('td', null, chip.eccn ?? 'not recorded'),
              h('td', null, number(chip.performance?.tpp ?? chip.tpp)),
              h('td', null, number(chip.performance?.performanceDensity)),
              h('td', null, number(chip.performance?.memoryBandwidthGBs)),
              h('td', { class: 'date' }, chip.performance?.announcedOn ?? '—'),
            ),
          ),
        ),
      ),
    ),
    exportLinks('chipProducts', { family: name }, `Chips of the ${name} family`),
    h('h3', null, `Rules that touch its chips (${ruleCount})`),
    touchTable('Rules that touch its chips', touches.map(({ touch }) => touch), (touch) => ({ __typename: 'ChipProduct', ...chipOf.get(touch)! })),
    // The family's name resolves to its chips (and their makers, whose rules the chips reach through MAKER).
    exportLinks('rules', { touching: name, touchingVia: CHIP_PATHS }, `Rules touching ${name} chips`),
  );
  const title = `${name} family`;
  if (view.isConnected) setTitle(title);
  return title;
}
