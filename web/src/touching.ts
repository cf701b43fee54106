import { ENTITY_NAME, EntityName, nameOf, query } from './api';
import { entityLink, h, label, periodNode, scroller } from './dom';
import { filterable } from './table-filter';

/** Every rule that reaches an entity, directly or along a path (src/domain/impact-paths.ts says which). */
const TOUCHING = `query Touching($id: String!) {
  rulesTouching(entity: $id) { relation confidence validFrom validTo rule { id title shortName kind } path { ${ENTITY_NAME} } }
}`;

export interface Touch {
  relation: string;
  confidence: string;
  validFrom: string | null;
  validTo: string | null;
  rule: EntityName & { kind: string };
  /** From the rule to the entity asked about, both ends included. */
  path: EntityName[];
}

export async function rulesTouching(id: string): Promise<Touch[]> {
  return (await query<{ rulesTouching: Touch[] }>(TOUCHING, { id })).rulesTouching;
}

/** What the rule's own relationship does, as a verb. */
const VERBS: Record<string, string> = {
  TARGETS: 'Targets',
  RESTRICTS: 'Restricts',
  PROHIBITS_USE: 'Prohibits use of',
  CONTROLS: 'Controls',
  ADDS_LISTING: 'Adds a listing of',
  REMOVES_LISTING: 'Removes a listing of',
  // A country's tier: the tier is DEFINED_BY the rule, so the rule defines it.
  DEFINED_BY: 'Defines',
};
const verb = (relation: string) => VERBS[relation] ?? label(relation);

/**
 * How a touch's path reaches the entity ("it"), in plain words, with the step between linked:
 * "Defines Tier 2, the tier it is in", "Targets Huawei, a company based in it".
 */
export function pathWords(touch: Pick<Touch, 'relation' | 'path'>): (Node | string)[] {
  const steps = touch.path.slice(1);
  const link = (entity: EntityName) => entityLink(entity.id, nameOf(entity));
  // A listing's path has no step between: the rule adds or removes the entity's listing itself.
  if (steps.length <= 1) return [`${verb(touch.relation)} it${touch.relation.endsWith('_LISTING') ? '' : ' directly'}`];
  const [via, target] = steps;
  const how = steps.length === 2 ? BETWEEN[`${via.__typename}>${target.__typename}`] : undefined;
  if (how) return [`${verb(touch.relation)} `, link(via), how];
  return [`${verb(touch.relation)} `, ...steps.flatMap((step, index) => [index ? ' → ' : '', link(step)])];
}

/** What the step between the rule and the entity is to the entity, by their types (step>entity). */
const BETWEEN: Record<string, string> = {
  'Tier>Country': ', the tier it is in',
  'CountryGroup>Country': ', a country group it belongs to',
  'Company>Country': ', a company based in it',
  'ChipProduct>Company': ', a product it makes',
  'Company>ChipProduct': ', its maker',
  'Company>Company': ', its parent or subsidiary',
  'Eccn>ChipProduct': ', the entry it is classified under',
};

/** Rules by name, then (on a family page) the chip, then the nearest path first, then the earliest start. */
function order(subject?: (touch: Touch) => EntityName) {
  const subjectName = (touch: Touch) => (subject ? nameOf(subject(touch)) : '');
  return (a: Touch, b: Touch) =>
    nameOf(a.rule).localeCompare(nameOf(b.rule)) || subjectName(a).localeCompare(subjectName(b)) || a.path.length - b.path.length || (a.validFrom ?? '').localeCompare(b.validFrom ?? '');
}

/**
 * The table of rules that reach one entity, with a filter above it: the rule, how (the path in words),
 * how firmly the sources state it, and when it holds. `subject` adds a column naming the entity each row reaches
 * (a family page lists the rules of several chips).
 */
export function touchTable(name: string, touches: Touch[], subject?: (touch: Touch) => EntityName): HTMLElement {
  if (!touches.length) return h('p', { class: 'muted' }, 'No rule touches it.');
  const rows = [...touches].sort(order(subject)).map((touch) =>
    h(
      'tr',
      null,
      h('td', null, entityLink(touch.rule.id, nameOf(touch.rule))),
      subject && h('td', null, entityLink(subject(touch).id, nameOf(subject(touch)))),
      h('td', { class: 'path' }, pathWords(touch)),
      h('td', null, label(touch.confidence)),
      h('td', { class: 'date' }, periodNode(touch.validFrom, touch.validTo)),
    ),
  );
  const head = h('tr', null, h('th', null, 'Rule'), subject && h('th', null, 'Chip'), h('th', null, 'How it reaches it'), h('th', null, 'Confidence'), h('th', null, 'In force'));
  const table = h('table', { id: 'touching' }, h('thead', null, head), h('tbody', null, rows));
  return h('div', null, filterable(name, table), scroller(name, table));
}
