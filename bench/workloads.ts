/** The relationship questions, as each system asks them, with answers reduced to a form both give. */
export interface Workload {
  name: string;
  ours: string;
  /** The @neo4j/graphql query, or why it cannot ask the question. */
  peer: string | { cannot: string };
  fromOurs(data: any): unknown;
  fromPeer(data: any): unknown;
}

const sorted = <T>(items: T[]) => [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const unique = (items: string[]) => [...new Set(items)].sort();

const LINEAGE = ['amends', 'amendedBy', 'revokes', 'revokedBy', 'supersedes', 'supersededBy', 'implements', 'implementedBy'];
/** The peer's touch relationships of a rule and the relation each stands for. */
const TOUCH_FIELDS = [['targets', 'TARGETS'], ['restricts', 'RESTRICTS'], ['prohibitsUse', 'PROHIBITS_USE']];

/** The peer's touch fields on a node and the relation each stands for. */
const TOUCHED_BY = ['targetedBy { id }', 'restrictedBy { id }', 'prohibitedBy { id }'].join(' ');
const touchedBy = (node: any) => [...node.targetedBy, ...node.restrictedBy, ...node.prohibitedBy];

/**
 * The paths of rulesTouching the peer's type definitions can follow too (direct touches, a
 * company's products, a product's maker, a country's tiers and companies); the v3 paths (country
 * groups, ECCNs, subsidiaries, listings) have no peer field, so they are left out of both answers.
 */
const PEER_PATHS = new Set(['Rule>ChipProduct>Company', 'Rule>Company>ChipProduct', 'Rule>Company>Country', 'Rule>Tier>Country']);
const peerCanFollow = (touch: any) => {
  const shape = touch.path.map((p: any) => p.__typename).join('>');
  return touch.path.length === 2 ? TOUCH_FIELDS.some(([, relation]) => relation === touch.relation) : PEER_PATHS.has(shape);
};
/**
 * rulesTouching returns at most 1,000 touches (its cap), in rule id order; at 1M relationships China's
 * tiers alone are over 1,000 paths, while the peer returns every tier. Both answers are compared on
 * the first 300 rule ids, which the cap always holds (no rule reaches China along more than 3 paths).
 */
const firstRuleIds = (ids: string[]) => unique(ids).slice(0, 300);

/** A rule's answer in a form both systems give: lists sorted, touches as [relation, target id]. */
const everything = (rule: any, touches: string[][]) => [
  rule.id, rule.title, unique(rule.issuedBy.map((a: any) => a.name)), sorted(rule.tiers.map((t: any) => [t.level, t.name])),
  sorted(rule.sources.map((s: any) => [s.id, s.title])), sorted(touches),
  LINEAGE.map((field) => sorted(rule[field].map((r: any) => [r.id, r.title]))),
];

export const WORKLOADS: Workload[] = [
  {
    name: 'tier of a country on a date',
    ours: '{ country(code: "SG") { tierAssignments(asOf: "2025-03-01") { tier { name } } } }',
    peer: '{ countries(where: {code: {eq: "SG"}}) { tiersConnection(where: {edge: {validFrom: {lte: "2025-03-01"}, OR: [{validTo: {eq: null}}, {validTo: {gt: "2025-03-01"}}]}}) { edges { node { name } } } } }',
    fromOurs: (d) => d.country.tierAssignments.map((a: any) => a.tier.name),
    fromPeer: (d) => d.countries[0].tiersConnection.edges.map((e: any) => e.node.name),
  },
  {
    name: 'countries(first: 50) with tier, rule and agency on a date',
    ours: '{ countries(first: 50) { edges { node { code tierAssignments(asOf: "2025-03-01") { tier { name rule { title issuedBy { name } } } } } } } }',
    peer: '{ countriesConnection(first: 50, sort: [{code: ASC}]) { edges { node { code tiersConnection(where: {edge: {validFrom: {lte: "2025-03-01"}, OR: [{validTo: {eq: null}}, {validTo: {gt: "2025-03-01"}}]}}) { edges { node { name rule { title issuedBy { name } } } } } } } } }',
    fromOurs: (d) => d.countries.edges.map((e: any) => [e.node.code, sorted(e.node.tierAssignments.map((a: any) => [a.tier.name, a.tier.rule.title, a.tier.rule.issuedBy.map((x: any) => x.name)]))]),
    fromPeer: (d) => d.countriesConnection.edges.map((e: any) => [e.node.code, sorted(e.node.tiersConnection.edges.map((t: any) => [t.node.name, t.node.rule[0].title, t.node.rule[0].issuedBy.map((x: any) => x.name)]))]),
  },
  {
    name: 'rules touching a product, directly or via its maker',
    // The question the row names, and the peer asks: `via` leaves out the paths it has no field for (ECCNs since round three).
    ours: '{ rulesTouching(entity: "chipProduct:huawei-ascend-910b", via: [DIRECT, MAKER]) { rule { id } relation path { __typename } } }',
    peer: '{ chipProducts(where: {id: {eq: "chipProduct:huawei-ascend-910b"}}) { prohibitedBy { id } restrictedBy { id } targetedBy { id } maker { targetedBy { id } } } }',
    fromOurs: (d) => unique(d.rulesTouching.map((t: any) => t.rule.id)),
    fromPeer: (d) => {
      const p = d.chipProducts[0];
      return unique([...p.prohibitedBy, ...p.restrictedBy, ...p.targetedBy, ...p.maker.flatMap((m: any) => m.targetedBy)].map((r: any) => r.id));
    },
  },
  {
    name: 'rules touching a product family, by name',
    ours: '{ rulesTouching(entity: "Huawei Ascend", via: [DIRECT, MAKER]) { rule { id } relation path { __typename } } }',
    // The peer has no name resolution: it is given the family and maker the name stands for.
    peer: '{ chipProducts(where: {family: {eq: "Ascend"}, maker: {some: {name: {eq: "Huawei"}}}}) { prohibitedBy { id } restrictedBy { id } targetedBy { id } maker { targetedBy { id } } } }',
    fromOurs: (d) => unique(d.rulesTouching.map((t: any) => t.rule.id)),
    fromPeer: (d) => unique(d.chipProducts.flatMap((p: any) => [...p.prohibitedBy, ...p.restrictedBy, ...p.targetedBy, ...p.maker.flatMap((m: any) => m.targetedBy)]).map((r: any) => r.id)),
  },
  {
    name: 'impact: rules touching Nvidia, along every path',
    ours: '{ rulesTouching(entity: "Nvidia") { rule { id } relation path { __typename } } }',
    // The peer has no name resolution and no paths: it is given the company and asks for each path the seed holds.
    peer: `{ companies(where: {name: {eq: "Nvidia"}}) { ${TOUCHED_BY} products { ${TOUCHED_BY} } } }`,
    fromOurs: (d) => unique(d.rulesTouching.filter(peerCanFollow).map((t: any) => t.rule.id)),
    fromPeer: (d) => unique(d.companies.flatMap((c: any) => [...touchedBy(c), ...c.products.flatMap(touchedBy)]).map((r: any) => r.id)),
  },
  {
    name: 'impact: rules touching China, along every path',
    ours: '{ rulesTouching(entity: "China") { rule { id } relation path { __typename } } }',
    peer: `{ countries(where: {code: {eq: "CN"}}) { ${TOUCHED_BY} tiers { rule { id } } companies { ${TOUCHED_BY} } } }`,
    fromOurs: (d) => firstRuleIds(d.rulesTouching.filter(peerCanFollow).map((t: any) => t.rule.id)),
    fromPeer: (d) => firstRuleIds(d.countries.flatMap((c: any) => [...touchedBy(c), ...c.tiers.flatMap((t: any) => t.rule), ...c.companies.flatMap(touchedBy)]).map((r: any) => r.id)),
  },
  {
    name: 'countries(first: 100), three levels deep: companies, tier and rule on a date',
    ours: '{ countries(first: 100) { edges { node { code name companies { name } tierAssignments(asOf: "2025-03-01") { validFrom tier { level name rule { id title } } } } } } }',
    peer: '{ countriesConnection(first: 100, sort: [{code: ASC}]) { edges { node { code name companies { name } tiersConnection(where: {edge: {validFrom: {lte: "2025-03-01"}, OR: [{validTo: {eq: null}}, {validTo: {gt: "2025-03-01"}}]}}) { edges { properties { validFrom } node { level name rule { id title } } } } } } } }',
    fromOurs: (d) => d.countries.edges.map(({ node: c }: any) => [c.code, c.name,
      unique(c.companies.map((co: any) => co.name)),
      sorted(c.tierAssignments.map((a: any) => [a.validFrom, a.tier.level, a.tier.name, a.tier.rule.id, a.tier.rule.title]))]),
    fromPeer: (d) => d.countriesConnection.edges.map(({ node: c }: any) => [c.code, c.name,
      unique(c.companies.map((co: any) => co.name)),
      sorted(c.tiersConnection.edges.map((e: any) => [e.properties.validFrom, e.node.level, e.node.name, e.node.rule[0].id, e.node.rule[0].title]))]),
  },
  {
    name: 'one rule with everything: agencies, tiers, touches, sources, one hop of lineage',
    ours: `{ rule(id: "rule:ai-diffusion") { id title issuedBy { name } tiers { level name } sources { id title }
      touches { relation target { ... on ChipProduct { id } ... on Company { id } ... on Country { id } } }
      ${LINEAGE.map((field) => `${field} { id title }`).join(' ')} } }`,
    peer: `{ rules(where: {id: {eq: "rule:ai-diffusion"}}) { id title issuedBy { name } tiers { level name } sources { id title }
      ${TOUCH_FIELDS.map(([field]) => `${field} { ... on ChipProduct { id } ... on Company { id } ... on Country { id } }`).join(' ')}
      ${LINEAGE.map((field) => `${field} { id title }`).join(' ')} } }`,
    fromOurs: (d) => everything(d.rule, d.rule.touches.map((t: any) => [t.relation, t.target.id])),
    fromPeer: (d) => everything(d.rules[0], TOUCH_FIELDS.flatMap(([field, relation]) => d.rules[0][field].map((t: any) => [relation, t.id]))),
  },
  {
    name: 'countries that left tier 2 in May 2025',
    ours: '{ tierChanges(from: "2025-05-01", to: "2025-05-31", fromLevel: 2) { country { code } left { validTo } } }',
    peer: '{ countries(where: {tiersConnection: {some: {edge: {validTo: {gte: "2025-05-01", lte: "2025-05-31"}}, node: {level: {eq: 2}}}}}) { code tiersConnection(where: {edge: {validTo: {gte: "2025-05-01", lte: "2025-05-31"}}, node: {level: {eq: 2}}}) { edges { properties { validTo } } } } }',
    fromOurs: (d) => sorted(d.tierChanges.map((c: any) => [c.country.code, c.left.validTo])),
    fromPeer: (d) => sorted(d.countries.flatMap((c: any) => c.tiersConnection.edges.map((e: any) => [c.code, e.properties.validTo]))),
  },
  {
    name: 'facts that began or ended in May 2025 (every kind, through the date indexes)',
    ours: '{ factChanges(from: "2025-05-01", to: "2025-05-31") { on change relation subject { ... on Node { id } } object { ... on Node { id } } status cause { id } } }',
    peer: { cannot: '@neo4j/graphql has no union of differently typed relationships filtered by date, nor derived status periods; one query per relationship type, merged by the client, is a different question' },
    fromOurs: (d) => d.factChanges.length,
    fromPeer: () => null,
  },
  {
    name: 'lineage of a rule (variable length, both ways)',
    ours: '{ ruleLineage(id: "rule:ai-diffusion", maxDepth: 10) { edges { kind } } }',
    peer: { cannot: '@neo4j/graphql has no variable-length traversal; a fixed nesting per hop is a different question' },
    fromOurs: (d) => d.ruleLineage.edges.length,
    fromPeer: () => null,
  },
  {
    name: 'typo-tolerant search across types',
    ours: '{ search(text: "Kesler", first: 5) { entity { ... on Node { id } } } }',
    peer: { cannot: "@neo4j/graphql's @fulltext is per type and takes a raw Lucene phrase; no cross-type, typo-tolerant search" },
    fromOurs: (d) => d.search.map((h: any) => h.entity.id),
    fromPeer: () => null,
  },
];
