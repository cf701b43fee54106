import { translate } from '../support/translate';
import { encodeCursor } from '../../src/read/cursor';

/**
 * Translation cases (TCK style, as in translation.test.ts) for the v3 entities: ECCNs, country groups,
 * listings, sources and the lists of every kind. Each root field is one statement, pinned by snapshot.
 */
const documents: [string, string, Record<string, unknown>][] = [
  ['eccn with rules, products on a date and sources', `{ eccn(code: "3a090") { id code title rules { id shortName } products(asOf: "2025-03-01") { name } ever: products { id } sources { url } } }`, {}],
  ['eccn with paragraphs', `{ eccn(code: "3A001.Z") { code } }`, {}],
  ['eccns', `{ eccns { code title rules { id } } }`, {}],
  ['countryGroup with members on a date', `query ($d: Date) { countryGroup(code: "d:5") { id code name description members(asOf: $d) { country { code } validFrom validTo addedBy { id } removedBy { id } confidence note sources { id } } all: members { country { code } } sources { title } } }`, { d: '2025-03-01' }],
  ['countryGroups', `{ countryGroups { code name } }`, {}],
  ['country groups of a country', `{ country(code: "CN") { groups(asOf: "2025-03-01") { group { code } validFrom confidence addedBy { shortName } } ever: groups { group { code } } } }`, {}],
  ['chipProduct classifications, performance and eccn', `{ chipProduct(id: "chipProduct:nvidia-h100") { eccn aliases classifications { eccn { code } validFrom validTo confidence note sources { id } product { id } } now: classifications(asOf: "2025-06-01") { eccn { code } } performance { tpp performanceDensity memoryBandwidthGBs announcedOn sources { id } } } }`, {}],
  ['company parent, subsidiaries and listings', `{ company(id: "company:huawei") { aliases note parent { id } subsidiaries { id name } listings { list licenseRequirement licensePolicy validFrom validTo confidence note party { id } addedBy { id } removedBy { id } sources { id } } current: listings(asOf: "2025-06-01") { list } } }`, {}],
  ['rule eccns and listings', `{ rule(id: "rule:ai-diffusion") { eccns { code } listings { list party { name } } } }`, {}],
  ['source and its supported facts', `{ source(id: "source:fr-2025-00636") { id title kind supports(first: 20) { relation validFrom validTo onlySource cursor subject { __typename ... on Node { id } } object { ... on Node { id } } } } }`, {}],
  ['supported facts after a cursor', `query ($after: String) { source(id: "source:fr-2025-00636") { supports(first: 5, after: $after) { relation } } }`, { after: encodeCursor('country:SG|IN_TIER|tier:ai-diffusion-2|2025-01-13') }],
  ['chipProducts unfiltered', `{ chipProducts { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, {}],
  [
    'chipProducts with every filter after a cursor',
    `query ($after: String) { chipProducts(filter: { makerId: "company:huawei", family: "Ascend", eccn: "3a090", minTpp: 1000, maxTpp: 5000, touchedOn: "2025-06-01", text: "910" }, first: 10, after: $after) { totalCount edges { node { name maker { name } } } } }`,
    { after: encodeCursor('chipProduct:huawei-ascend-910b') },
  ],
  ['companies unfiltered', `{ companies(first: 5) { totalCount edges { node { id name } } } }`, {}],
  ['companies with every filter', `{ companies(filter: { countryCode: "cn", listed: ENTITY_LIST, listedOn: "2025-01-01", text: "hua" }) { totalCount edges { node { id } } } }`, {}],
  ['companies listed today', `{ companies(filter: { listed: MILITARY_END_USER_LIST }) { edges { node { id } } } }`, {}],
  ['sources filtered', `query ($after: String) { sources(text: "federal register", kind: "FEDERAL_REGISTER", first: 3, after: $after) { totalCount edges { node { id kind } } pageInfo { endCursor } } }`, { after: encodeCursor('source:fr-2025-00636') }],
  ['officials and agencies', `{ officials { id name } agencies { id acronym } }`, {}],
  ['node and search reach ECCNs and country groups', `{ a: node(id: "eccn:3A090") { id ... on Eccn { code } } b: node(id: "countryGroup:D5") { ... on CountryGroup { code } } search(text: "3A090") { entity { __typename ... on Eccn { code } ... on CountryGroup { code } } } }`, {}],
];

describe('every v3 entity root field translates to one parameterised statement', () => {
  it.each(documents)('%s', async (_name, document, variables) => {
    const { statements, errors } = await translate(document, variables);
    expect(errors).toEqual([]);
    expect(statements.map(({ name, cypher, params }) => ({ name, cypher: cypher.trim(), params }))).toMatchSnapshot();
  });

  it('refuses bad arguments before any Cypher is built, naming the argument', async () => {
    const cases: [string, string][] = [
      ['{ eccn(code: "3F090") { id } }', 'code'],
      ['{ countryGroup(code: "Z:9") { id } }', 'code'],
      ['{ chipProducts(filter: { makerId: "chipProduct:x" }) { totalCount } }', 'filter.makerId'],
      ['{ chipProducts(filter: { eccn: "EAR99" }) { totalCount } }', 'filter.eccn'],
      ['{ chipProducts(filter: { minTpp: 10, maxTpp: 5 }) { totalCount } }', 'filter.maxTpp'],
      ['{ chipProducts(after: "bm9wZQ") { totalCount } }', 'after'],
      [`{ companies(after: "${encodeCursor('chipProduct:x')}") { totalCount } }`, 'after'],
      ['{ source(id: "rule:x") { id } }', 'id'],
      ['{ source(id: "source:x") { supports(after: "bm9wZQ") { relation } } }', 'after'],
      ['{ source(id: "source:x") { supports(first: 501) { relation } } }', 'first'],
    ];
    for (const [document, argument] of cases) {
      const { statements, errors } = await translate(document);
      expect(statements).toEqual([]);
      expect(errors.join(' ')).toContain(`"${argument}"`);
    }
  });

  it('never puts user text into the Cypher', async () => {
    const hostile = "x'}) DETACH DELETE n //";
    const { statements } = await translate(
      `query ($t: String!) { chipProducts(filter: { text: $t, family: $t }) { totalCount } companies(filter: { text: $t }) { totalCount } sources(text: $t) { totalCount } }`,
      { t: hostile },
    );
    expect(statements).toHaveLength(3);
    for (const statement of statements) expect(statement.cypher).not.toContain('DETACH');
  });
});
