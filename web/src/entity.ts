import { ENTITY_NAME, EntityName, nameOf, query, RULE_REF, SOURCE } from './api';
import { documentNumberOf, KnownCitations } from './citation';
import { dataTable, dateCell, dateText, entityLink, errorBox, facts, h, heading, inlineLabel, isDate, label, notFound, periodNode, scroller, setTitle, sourceList, today } from './dom';
import { classificationTable, COUNTRY_GROUP_FIELDS, eccnPage, ECCN_FIELDS, groupPage, groupTable, ruleLink } from './ear';
import { endingOf } from './ending';
import { familyHref } from './family';
import { exportLinks } from './exports';
import { MAIN_FILTER, searchable } from './table-filter';
import { rulesTouching, touchTable } from './touching';


/** One query for any entity: each fragment applies to its own type only. */
const ENTITY = `query Entity($id: ID!, $asOf: Date) {
  node(id: $id) {
    __typename
    ... on Rule {
      id title shortName kind citation documentNumber summary note
      issuedOn publishedOn effectiveOn complianceOn revokedOn status(asOf: $asOf)
      statusHistory { status validFrom validTo by { ${RULE_REF} } sources { ${SOURCE} } }
      issuedBy { id name acronym }
      revokes { ${RULE_REF} } revokedBy { ${RULE_REF} } amends { ${RULE_REF} } amendedBy { ${RULE_REF} } supersedes { ${RULE_REF} } supersededBy { ${RULE_REF} }
      tiers { id name level }
      touches { relation validFrom validTo target { ${ENTITY_NAME} } }
      officialActions { kind on text official { id name } sources { ${SOURCE} } }
      sources { ${SOURCE} }
    }
    ... on Country {
      id code name
      tierAssignments { validFrom validTo note tier { id level name rule { id shortName title } } sources { ${SOURCE} } }
      companies { id name }
      groups { validFrom validTo confidence group { id code name } }
    }
    ... on ChipProduct { id name family tpp eccn note maker { id name } classifications { validFrom validTo confidence eccn { id code } } }
    ... on Company {
      # parent is aliased: Agency selects a parent too, and the service refuses a field selected twice in one set.
      id name country { id name } products { id name } owner: parent { id name } subsidiaries { id name }
      listings { list licenseRequirement licensePolicy validFrom validTo note confidence addedBy { ${RULE_REF} } removedBy { ${RULE_REF} } sources { ${SOURCE} } }
    }
    ... on Official {
      id name
      offices { title validFrom validTo agency { id name } }
      actions { kind on text rule { ${RULE_REF} } sources { ${SOURCE} } }
    }
    ... on Agency { id name acronym parent { id name } rules { ${RULE_REF} } officials { title validFrom validTo official { id name } } }
    ... on Tier { id name level description computeCapTpp rule { ${RULE_REF} } countries(first: 100) { totalCount edges { node { id name } } } }
    ... on Eccn { ${ECCN_FIELDS} }
    ... on CountryGroup { ${COUNTRY_GROUP_FIELDS} }
  }
}`;

const STATUS = `query Status($id: ID!, $asOf: Date) { rule(id: $id) { status(asOf: $asOf) } }`;

type Any = any; // API answers are read field by field below; the query text above is their type.

/** Renders the page of the entity with this id into `view`; returns the page's title (null when it failed). */
export async function showEntity(view: HTMLElement, id: string): Promise<string | null> {
  view.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  try {
    const { node } = await query<{ node: Any }>(ENTITY, { id, asOf: today() });
    if (!node) {
      notFound(view, `No entity has the id “${id}”.`);
      return null;
    }
    const render = RENDERERS[node.__typename];
    const parts = render ? await render(node) : [h('h2', null, nameOf(node))];
    view.replaceChildren(...parts.filter((part): part is Node => part instanceof Node));
    if (view.isConnected) setTitle(nameOf(node));
    return nameOf(node);
  } catch (error) {
    view.replaceChildren(errorBox(error));
    return null;
  }
}

/** A page is a list of parts; parts that do not apply are false or null. */
type Parts = (Node | false | null | undefined)[];

const RENDERERS: Record<string, (node: Any) => Promise<Parts> | Parts> = {
  Rule: rulePage,
  Country: countryPage,
  ChipProduct: (node) => touchedPage(node, [
    facts([
      ['Family', node.family && h('a', { href: familyHref(node.family), id: 'family-link' }, `${node.family} family`)],
      ['Maker', node.maker && entityLink(node.maker.id, node.maker.name)],
      ['TPP', node.tpp],
      ['ECCN', eccnOf(node)],
      ['Note', node.note],
    ]),
    node.classifications.length > 0 && h('h3', null, 'Classifications'),
    node.classifications.length > 0 && classificationTable(node.classifications),
  ].filter((part): part is HTMLElement => part instanceof Node)),
  Company: (node) => touchedPage(node, [
    facts([
      ['Country', node.country && entityLink(node.country.id, node.country.name)],
      ['Parent', node.owner && entityLink(node.owner.id, node.owner.name)],
    ]),
    h('h3', null, 'Products'),
    searchable('Products', links(sortedByName(node.products)), 'filter-products'),
    node.products.length > 0 && exportLinks('chipProducts', { makerId: node.id }, `Products of ${node.name}`),
    node.subsidiaries.length > 0 && h('h3', null, 'Subsidiaries'),
    node.subsidiaries.length > 0 && searchable('Subsidiaries', links(sortedByName(node.subsidiaries)), 'filter-subsidiaries'),
    h('h3', null, 'Listings'),
    searchable('Listings', listingTable(node.listings), 'filter-listings'),
  ].filter((part): part is HTMLElement => part instanceof Node)),
  Official: officialPage,
  Agency: (node) => [
    heading(node.name, 'Agency'),
    facts([['Acronym', node.acronym], ['Part of', node.parent && entityLink(node.parent.id, node.parent.name)]]),
    h('h3', null, 'Rules issued'),
    searchable('Rules issued', links(node.rules), MAIN_FILTER),
    node.rules.length > 0 && exportLinks('rules', { issuedByAgencyId: node.id }, `Rules issued by ${node.acronym ?? node.name}`),
    h('h3', null, 'Officials'),
    searchable('Officials', h('ul', null, node.officials.map((office: Any) => h('li', null, entityLink(office.official.id, office.official.name), `, ${office.title} (`, periodNode(office.validFrom, office.validTo), ')'))), 'filter-officials'),
  ],
  Tier: (node) => [
    heading(node.name, 'Tier'),
    facts([['Level', node.level], ['Rule', entityLink(node.rule.id, nameOf(node.rule))], ['Compute cap (TPP)', node.computeCapTpp], ['Description', node.description]]),
    h('h3', null, `Countries ever in it (${node.countries.totalCount})`),
    searchable('Countries ever in it', links(node.countries.edges.map((edge: Any) => edge.node)), MAIN_FILTER),
    node.countries.totalCount > node.countries.edges.length && h('p', { class: 'muted' }, `The first ${node.countries.edges.length}; the tier map lists them all by date, and the export below holds them all.`),
    exportLinks('tierCountries', { tier: node.id }, `Countries ever in ${node.name}, with their periods in it`),
  ],
  Eccn: eccnPage,
  CountryGroup: groupPage,
};

function links(entities: EntityName[]): HTMLElement {
  return entities.length ? h('ul', null, entities.map((entity) => h('li', null, entityLink(entity.id, nameOf(entity))))) : h('p', { class: 'muted' }, 'None.');
}

/** How long typing in the date field must pause before the status is asked for. */
const STATUS_DEBOUNCE_MS = 400;

/**
 * "Status on <date>": asked once typing pauses, only for a calendar date with a four-digit year;
 * only the answer for the latest date asked is shown, whatever order the answers arrive in.
 */
function statusControl(rule: Any): HTMLElement {
  const statusDate = h('input', { type: 'date', id: 'status-date', value: today(), min: '1000-01-01', max: '9999-12-31' });
  const status = h('strong', { id: 'rule-status' }, label(rule.status));
  const live = h('span', { id: 'rule-status-live', 'aria-live': 'polite' }, status);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  const ask = async () => {
    const ticket = ++latest;
    const date = statusDate.value;
    if (!isDate(date)) {
      status.replaceChildren(h('span', { class: 'invalid', role: 'alert' }, 'Enter a date as YYYY-MM-DD, with a four-digit year.'));
      statusDate.setAttribute('aria-invalid', 'true');
      return;
    }
    statusDate.removeAttribute('aria-invalid');
    status.dataset.date = date;
    status.replaceChildren(h('span', { class: 'muted' }, '…'));
    let shown: Node | string;
    try {
      shown = label((await query<{ rule: { status: string } }>(STATUS, { id: rule.id, asOf: date })).rule.status);
    } catch (error) {
      shown = errorBox(error);
    }
    if (ticket === latest) status.replaceChildren(shown);
  };
  const later = () => {
    clearTimeout(timer);
    latest++; // an answer still on its way is for a date no longer in the field
    timer = setTimeout(ask, STATUS_DEBOUNCE_MS);
  };
  statusDate.addEventListener('input', later);
  statusDate.addEventListener('change', later);
  status.dataset.date = today();
  return h('p', { class: 'status' }, h('label', { for: 'status-date' }, 'Status on '), statusDate, ': ', live);
}

/** The rule's own Federal Register document among its sources: the one whose url names its document number. */
function documentOf(rule: Any): Any | undefined {
  return rule.documentNumber ? rule.sources.find((source: Any) => documentNumberOf(source.url) === rule.documentNumber) : undefined;
}

async function rulePage(rule: Any): Promise<Parts> {
  const ending = await endingOf(rule);
  const frDocument = documentOf(rule);
  const toDocument = (id: string, text: string) => (frDocument ? h('a', { href: frDocument.url, rel: 'noreferrer', id }, text) : h('span', { id }, text));
  // The rule's citation is its document's: a copied citation of that source says "90 FR 4544".
  const known = new Map<string, string>(rule.documentNumber && rule.citation ? [[rule.documentNumber, rule.citation]] : []);
  // A rule that is only not enforced was not revoked: the rule that announced it is named for what it did.
  const notEnforced = ending.dataset.kind === 'NON_ENFORCEMENT';
  const lineageLinks = (label: string, rules: Any[]) => rules.length > 0 && h('li', null, `${label}: `, ...rules.flatMap((other, index) => [index ? ', ' : '', entityLink(other.id, nameOf(other))]));
  return [
    heading(rule.shortName ?? rule.title, `Rule · ${label(rule.kind)}`),
    rule.shortName && h('p', { class: 'title' }, rule.title),
    statusControl(rule),
    facts([
      ['Citation', rule.citation && toDocument('rule-citation', rule.citation)],
      ['Document number', rule.documentNumber && toDocument('rule-document-number', `FR Doc ${rule.documentNumber}`)],
      ['Issued by', rule.issuedBy.length ? h('span', null, ...rule.issuedBy.flatMap((agency: Any, index: number) => [index ? ', ' : '', entityLink(agency.id, agency.acronym ?? agency.name)])) : null],
      ['Issued', rule.issuedOn],
      ['Published', rule.publishedOn],
      ['Effective', rule.effectiveOn],
      ['Compliance', rule.complianceOn],
      ['Summary', rule.summary],
      ['Note', rule.note],
    ]),
    h('h3', null, 'Status over time'),
    statusTable(rule.statusHistory, known),
    h('h3', null, 'How it ended'),
    ending,
    h('h3', null, 'Lineage'),
    h('ul', null, [
      lineageLinks('Revokes', rule.revokes),
      lineageLinks(notEnforced ? 'Non-enforcement announced by' : 'Revoked by', rule.revokedBy),
      lineageLinks('Amends', rule.amends),
      lineageLinks('Amended by', rule.amendedBy),
      lineageLinks('Supersedes', rule.supersedes),
      lineageLinks('Superseded by', rule.supersededBy),
      h('li', null, h('a', { href: `#/lineage/${encodeURI(rule.id)}`, id: 'lineage-link' }, 'Draw the lineage graph')),
    ]),
    rule.tiers.length > 0 && h('h3', null, 'Tiers it defines'),
    rule.tiers.length > 0 && links(rule.tiers),
    h('h3', null, 'What it touches directly'),
    rule.touches.length
      ? searchable('What it touches directly', h('ul', null, rule.touches.map((touch: Any) => h('li', null, `${label(touch.relation)} `, entityLink(touch.target.id, nameOf(touch.target)), ' (', periodNode(touch.validFrom, touch.validTo), ')'))), 'filter-touches')
      : h('p', { class: 'muted' }, 'Nothing recorded.'),
    h('h3', null, 'Officials'),
    searchable('Officials', actionList(rule.officialActions, (action) => entityLink(action.official.id, action.official.name), known), 'filter-officials'),
    h('h3', null, 'Sources'),
    searchable('Sources', sourceList(rule.sources, known), 'filter-sources'),
  ];
}

/** The rule's status periods, oldest first: a suspension shows as a period of its own, with what began it and its sources. */
function statusTable(periods: Any[], known: KnownCitations): HTMLElement {
  if (!periods.length) return h('p', { class: 'muted' }, 'No status recorded.');
  const rows = periods.map((period) =>
    h(
      'tr',
      { 'data-status': period.status },
      h('td', null, label(period.status)),
      h('td', { class: 'date' }, periodNode(period.validFrom, period.validTo)),
      h('td', null, period.by ? entityLink(period.by.id, nameOf(period.by)) : h('span', { class: 'muted' }, 'the rule itself')),
      h('td', null, period.sources.length ? sourceList(period.sources, known) : h('span', { class: 'muted' }, 'none recorded')),
    ),
  );
  const head = h('tr', null, h('th', null, 'Status'), h('th', null, 'Period'), h('th', null, 'Begun by'), h('th', null, 'Sources'));
  const table = h('table', { id: 'status-history' }, h('thead', null, head), h('tbody', null, rows));
  return scroller('Status over time', table);
}

function actionList(actions: Any[], subject: (action: Any) => Node, known?: KnownCitations): HTMLElement {
  if (!actions.length) return h('p', { class: 'muted' }, 'None recorded.');
  return h(
    'ul',
    { class: 'actions' },
    actions.map((action) =>
      h('li', null, h('p', null, subject(action), ` ${inlineLabel(action.kind)} on `, h('span', { class: 'date' }, dateText(action.on, 'an unknown date'))), action.text && h('blockquote', null, action.text), sourceList(action.sources, known)),
    ),
  );
}

function officialPage(official: Any): Parts {
  return [
    heading(official.name, 'Official'),
    h('h3', null, 'Offices'),
    searchable('Offices', h('ul', null, official.offices.map((office: Any) => h('li', null, `${office.title}, `, entityLink(office.agency.id, office.agency.name), ' (', periodNode(office.validFrom, office.validTo), ')'))), 'filter-offices'),
    h('h3', null, 'Actions'),
    searchable('Actions', actionList(official.actions, (action) => entityLink(action.rule.id, nameOf(action.rule))), MAIN_FILTER),
  ];
}

/** Products and companies: their facts, then every rule that reaches them, with the path it takes in words. */
async function touchedPage(node: Any, details: Node[]): Promise<Parts> {
  const touches = await rulesTouching(node.id);
  return [
    heading(node.name, node.__typename === 'Company' ? 'Company' : 'Chip product'),
    ...details,
    h('h3', null, 'Rules that touch it'),
    touchTable('Rules that touch it', touches),
    exportLinks('rules', { touching: node.id }, `Rules touching ${node.name}`),
  ];
}

const sortedByName = (entities: Any[]): EntityName[] => [...entities].sort((a, b) => a.name.localeCompare(b.name));

/** The lists' own names (ListKind). */
const LIST_NAMES: Record<string, string> = { ENTITY_LIST: 'Entity List', MILITARY_END_USER_LIST: 'Military End-User List', UNVERIFIED_LIST: 'Unverified List' };

/** A company's listings (the Entity List and the others), oldest first as the API gives them. */
function listingTable(listings: Any[]): HTMLElement {
  if (!listings.length) return h('p', { class: 'muted' }, 'Not on any list.');
  return dataTable('listings', ['List', 'Listed', 'Added by', 'Removed by', 'License terms', 'Confidence, note and sources'], listings.map((listing) => [
    LIST_NAMES[listing.list] ?? label(listing.list),
    dateCell(periodNode(listing.validFrom, listing.validTo)),
    ruleLink(listing.addedBy),
    ruleLink(listing.removedBy),
    [listing.licenseRequirement, listing.licensePolicy].filter(Boolean).join('; ') || '—',
    [label(listing.confidence), listing.note && `. ${listing.note}`, sourceList(listing.sources)],
  ]));
}

/** A country: its tier through time as a timeline, with the same facts as a table, then every rule that reaches it. */
async function countryPage(country: Any): Promise<Parts> {
  const touches = await rulesTouching(country.id);
  const assignments: Any[] = country.tierAssignments;
  const start = assignments.length ? Date.parse(assignments[0].validFrom) : 0;
  const end = Math.max(Date.now(), ...assignments.map((assignment) => Date.parse(assignment.validTo ?? today())));
  const span = end - start || 1;
  const percent = (date: string) => `${(((Date.parse(date) - start) / span) * 100).toFixed(2)}%`;
  const timeline = h(
    'div',
    { class: 'timeline', 'aria-hidden': 'true' },
    assignments.map((assignment) => {
      const bar = h('div', { class: `bar tier-${assignment.tier.level}` }, assignment.tier.name);
      bar.style.left = percent(assignment.validFrom);
      bar.style.width = `calc(${percent(assignment.validTo ?? new Date(end).toISOString().slice(0, 10))} - ${percent(assignment.validFrom)})`;
      return bar;
    }),
    h('span', { class: 'axis-start' }, assignments[0]?.validFrom),
    h('span', { class: 'axis-end' }, new Date(end).toISOString().slice(0, 10)),
  );
  return [
    heading(country.name, `Country · ${country.code}`),
    h('h3', null, 'Tier through time'),
    assignments.length ? timeline : h('p', { class: 'muted' }, 'Never in a tier.'),
    assignments.length > 0 &&
      searchable('Tier history', dataTable('tier-history', ['Tier', 'Rule', 'From', 'Until', 'Note and sources'], assignments.map((assignment) => [
        entityLink(assignment.tier.id, assignment.tier.name),
        entityLink(assignment.tier.rule.id, nameOf(assignment.tier.rule)),
        dateCell(assignment.validFrom),
        dateCell(dateText(assignment.validTo, 'in force')),
        [assignment.note, sourceList(assignment.sources)],
      ])), 'filter-tiers'),
    h('h3', null, 'Country groups'),
    country.groups.length ? searchable('Country groups', groupTable(country.groups), 'filter-groups') : h('p', { class: 'muted' }, 'In no country group the graph records.'),
    h('h3', null, 'Companies based here'),
    searchable('Companies based here', links(sortedByName(country.companies)), 'filter-companies'),
    country.companies.length > 0 && exportLinks('companies', { countryCode: country.code }, `Companies based in ${country.name}`),
    h('h3', null, 'Rules that reach it'),
    h('p', { class: 'muted' }, 'Directly, through its tier, through its country groups, or through the companies based here.'),
    touchTable('Rules that reach it', touches),
    exportLinks('rules', { touching: country.id }, `Rules reaching ${country.name}`),
  ];
}

/** The ECCN a product is classified under today, linked to its page. */
function eccnOf(product: Any): Node | string | null {
  const current = product.classifications.find((classification: Any) => classification.eccn.code === product.eccn);
  return current ? entityLink(current.eccn.id, current.eccn.code) : product.eccn;
}
