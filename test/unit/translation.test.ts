import { translate } from '../support/translate';
import { encodeCursor } from '../../src/read/cursor';

/**
 * Translation tests in the TCK style of @neo4j/graphql: a GraphQL document with variables, run
 * through the real schema, gives one Cypher statement per root field and its parameters, pinned
 * by snapshot. No database: the statements are recorded, not sent.
 */
const documents: [string, string, Record<string, unknown>][] = [
  ['country with aliases and nested asOf', `query ($d: Date) { sg: country(code: "sg") { code name march: tierAssignments(asOf: $d) { tier { name level } validFrom validTo note sources { title url } } ever: tierAssignments { validFrom } companies { name } } }`, { d: '2025-03-01' }],
  ['countries page after a cursor', `query ($after: String) { countries(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code } } } }`, { after: encodeCursor('SG') }],
  ['countries four levels deep', `{ countries(first: 3) { edges { node { code tierAssignments(asOf: "2025-03-01") { tier { rule { issuedBy { name parent { acronym } } } } } } } } }`, {}],
  ['rule with everything nested', `{ rule(id: "rule:ai-diffusion") { title status(asOf: "2025-06-01") now: status issuedBy { acronym } tiers { level countries(asOf: "2025-03-01", first: 5) { totalCount edges { node { code } } } } touches { relation target { __typename ... on ChipProduct { name } } sources { id } } revokedBy { id } amendedBy { id } officialActions { kind on text official { name } sources { publisher } } sources { title } } }`, {}],
  ['rules filtered', `{ rules(filter: { kinds: [GUIDANCE], inForceOn: "2025-06-01", text: "Huawei" }, first: 10) { totalCount edges { node { id shortName } } } }`, {}],
  ['node with fragments on Node and on types', `query ($id: ID!, $skip: Boolean!) { node(id: $id) { id ... on Official { name offices { title agency { name } } actions @skip(if: $skip) { kind } } ... on Rule { title } } }`, { id: 'official:jeffrey-kessler', skip: true }],
  ['node with an id of no type', `{ node(id: "planet:mars") { id } }`, {}],
  ['tier, agency, chipProduct, company', `{ tier(id: "tier:ai-diffusion-tier-2") { name rule { shortName } } agency(id: "agency:bis") { name rules { id } officials(asOf: "2025-06-01") { title official { name } } } chipProduct(id: "chipProduct:huawei-ascend-910b") { name maker { name country { code } products { name } } } company(id: "company:nvidia") { name } }`, {}],
  ['search', `{ search(text: "Ascnd 910B", first: 5) { score entity { __typename ... on ChipProduct { name } ... on Rule { shortName } } } }`, {}],
  ['rulesTouching by name', `{ rulesTouching(entity: "Huawei Ascend", asOf: "2025-06-01") { relation rule { shortName } path { ... on Node { id } } } }`, {}],
  ['rulesTouching by id', `{ rulesTouching(entity: "chipProduct:huawei-ascend-910b") { relation validFrom validTo note rule { id } target { ... on ChipProduct { name } } } }`, {}],
  ['tierChanges', `{ tierChanges(from: "2025-05-01", to: "2025-05-31", fromLevel: 2) { on country { code } left { validFrom tier { name } } entered { tier { name } } cause { shortName } } }`, {}],
  ['ruleLineage', `{ ruleLineage(id: "rule:ai-diffusion", direction: DESCENDANTS, maxDepth: 3) { root { id } rules { id shortName } edges { kind on from { id } to { id } } mermaid } }`, {}],
  ['changes', `query ($after: String) { changes(since: "2026-01-01T00:00:00Z", first: 20, after: $after) { edges { cursor node { id position at editor operation entityIds } } pageInfo { endCursor } } }`, { after: encodeCursor('42') }],
];

describe('every root field translates to one parameterised statement', () => {
  it.each(documents)('%s', async (_name, document, variables) => {
    const { statements, errors } = await translate(document, variables);
    expect(errors).toEqual([]);
    expect(statements.map(({ name, cypher, params }) => ({ name, cypher: cypher.trim(), params }))).toMatchSnapshot();
  });

  it('sends one statement per root field, aliases included, however deep the selection', async () => {
    const { statements } = await translate(`{ a: countries(first: 2) { edges { node { tierAssignments { tier { rule { tiers { countries(first: 2) { edges { node { code } } } } } } } } } } b: rule(id: "rule:x") { id } }`);
    expect(statements.map((s) => s.name)).toEqual(['countries', 'rule']);
  });

  it('never puts user text into the Cypher', async () => {
    const hostile = "x'}) DETACH DELETE n //";
    const { statements } = await translate(`query ($t: String!) { rulesTouching(entity: $t) { relation } search(text: $t) { score } rules(filter: { text: $t }) { totalCount } }`, { t: hostile });
    expect(statements).toHaveLength(3);
    for (const statement of statements) expect(statement.cypher).not.toContain('DETACH');
  });

  it('writes the lineage bound into the pattern', async () => {
    const { statements } = await translate(`{ ruleLineage(id: "rule:x", maxDepth: 25) { root { id } } }`);
    expect(statements[0].cypher).toContain('*1..25]');
  });
});
