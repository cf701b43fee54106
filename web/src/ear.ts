import { nameOf, query, RULE_REF, SOURCE } from './api';
import { dataTable, dateCell, entityLink, facts, h, heading, label, periodNode, scroller, sourceList } from './dom';
import { exportLinks } from './exports';
import { MAIN_FILTER, searchable } from './table-filter';

/**
 * The EAR's own sorting of things: ECCNs (entries of the Commerce Control List) and country groups
 * (Supplement No. 1 to part 740). Their pages, and the tables other pages show of them.
 */

type Any = any; // API answers are read field by field below; the fragments are their type.

/**
 * The entity query's fragment for an ECCN. Aliases: Eccn.title is nullable where Rule.title is not, and the
 * service refuses a field with a selection asked twice in one set (Agency has rules, Rule has sources).
 */
export const ECCN_FIELDS = `id code heading: title eccnRules: rules { ${RULE_REF} issuedOn } eccnSources: sources { ${SOURCE} }`;

/** The entity query's fragment for a country group; its code is aliased as api.ts's ENTITY_NAME has it, for nameOf. */
export const COUNTRY_GROUP_FIELDS = `id groupCode: code name description groupSources: sources { ${SOURCE} }
  members { validFrom validTo confidence note country { id code name } addedBy { ${RULE_REF} } removedBy { ${RULE_REF} } sources { ${SOURCE} } }`;

/** The products under an ECCN or one of its paragraphs ('3A090' finds '3A090.a'), as the chipProducts export lists them. */
const ECCN_PRODUCTS = `query EccnProducts($code: String!) {
  chipProducts(filter: { eccn: $code }, first: 100) { totalCount edges { node { id name family tpp eccn maker { id name } } } }
}`;

/** A link to a rule (an instrument that added, removed or changed something), or a dash when there is none. */
export const ruleLink = (rule: Any) => (rule ? entityLink(rule.id, nameOf(rule)) : '—');

/** A product's classifications, oldest first as the API gives them. */
export function classificationTable(classifications: Any[]): HTMLElement {
  return scroller('Classifications', dataTable('classifications', ['ECCN', 'Period', 'Confidence'], classifications.map((classification) => [
    entityLink(classification.eccn.id, classification.eccn.code),
    dateCell(periodNode(classification.validFrom, classification.validTo)),
    label(classification.confidence),
  ])));
}

/** A country's group memberships: the group, when, and how firmly the sources state it. */
export function groupTable(memberships: Any[]): HTMLTableElement {
  return dataTable('country-groups', ['Group', 'Period', 'Confidence'], memberships.map((membership) => [
    entityLink(membership.group.id, nameOf({ ...membership.group, groupCode: membership.group.code })),
    dateCell(periodNode(membership.validFrom, membership.validTo)),
    label(membership.confidence),
  ]));
}

/**
 * An ECCN: its heading, the rules that created or changed it (oldest first), and the products under it or
 * one of its paragraphs, which is what the chipProducts export it links to holds.
 */
export async function eccnPage(eccn: Any): Promise<HTMLElement[]> {
  const { chipProducts } = await query<{ chipProducts: { totalCount: number; edges: { node: Any }[] } }>(ECCN_PRODUCTS, { code: eccn.code });
  const products: Any[] = chipProducts.edges.map((edge) => edge.node).sort((a, b) => a.name.localeCompare(b.name));
  const rules: Any[] = [...eccn.eccnRules].sort((a, b) => (a.issuedOn ?? '').localeCompare(b.issuedOn ?? ''));
  const none = () => h('p', { class: 'muted' }, 'None recorded.');
  return [
    heading(eccn.code, 'ECCN'),
    facts([['Heading', eccn.heading]]),
    h('h3', null, `Rules that created or changed it (${rules.length})`),
    rules.length
      ? searchable('Rules that created or changed it', h('ul', { id: 'eccn-rules' }, rules.map((rule) => h('li', null, ruleLink(rule), rule.issuedOn && ` (issued ${rule.issuedOn})`))), 'filter-rules')
      : none(),
    h('h3', null, `Products under it or its paragraphs (${chipProducts.totalCount})`),
    products.length
      ? searchable('Products under it', dataTable('eccn-products', ['Product', 'Maker', 'ECCN', 'TPP'], products.map((product) => [
        entityLink(product.id, product.name),
        product.maker ? entityLink(product.maker.id, product.maker.name) : '—',
        product.eccn ?? '—',
        product.tpp === null ? '—' : product.tpp.toLocaleString('en-US'),
      ])), MAIN_FILTER)
      : none(),
    exportLinks('chipProducts', { eccn: eccn.code }, `Products under ${eccn.code}`),
    h('h3', null, 'Sources'),
    sourceList(eccn.eccnSources),
  ];
}

/** A country group: what it means, its members with their periods and the rules that added or removed them, and sources. */
export function groupPage(group: Any): HTMLElement[] {
  const members: Any[] = [...group.members].sort((a, b) => a.country.name.localeCompare(b.country.name) || (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
  return [
    heading(nameOf(group), 'Country group'),
    facts([['Code', group.groupCode], ['What it means', group.description]]),
    h('h3', null, `Members, ever (${members.length})`),
    members.length
      ? searchable('Members', dataTable('group-members', ['Country', 'Member', 'Added by', 'Removed by', 'Confidence, note and sources'], members.map((member) => [
        entityLink(member.country.id, member.country.name),
        dateCell(periodNode(member.validFrom, member.validTo)),
        ruleLink(member.addedBy),
        ruleLink(member.removedBy),
        [label(member.confidence), member.note && `. ${member.note}`, sourceList(member.sources)],
      ])), MAIN_FILTER)
      : h('p', { class: 'muted' }, 'No member recorded.'),
    exportLinks('countryGroupMembers', { group: group.groupCode }, `Members of ${nameOf(group)}`),
    h('h3', null, 'Sources'),
    sourceList(group.groupSources),
  ];
}
