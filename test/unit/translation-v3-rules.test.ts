import { encodeCursor } from '../../src/read/cursor';
import { translate } from '../support/translate';

/**
 * Translation tests (TCK style, as translation.test.ts) for the v3 rule-and-time reads: Rule.status with
 * SUSPENDED, Rule.statusHistory, cfrParts, confidence, the new rules filters and orders, and factChanges.
 */
const documents: [string, string, Record<string, unknown>][] = [
  ['rule status, history, rin and CFR parts', `{ rule(id: "rule:affiliates") { rin cfrParts status(asOf: "2026-01-01") statusHistory { status validFrom validTo by { id shortName } sources { id } } } }`, {}],
  ['touch confidence', `{ rule(id: "rule:ai-diffusion") { touches { confidence note sources { id } } } }`, {}],
  ['tier assignment confidence', `{ country(code: "SG") { tierAssignments { confidence note } } }`, {}],
  ['rules filtered by issue dates, status on a day and CFR part', `{ rules(filter: { issuedFrom: "2025-01-01", issuedTo: "2025-12-31", status: SUSPENDED, statusOn: "2026-01-01", cfrPart: "15 CFR 744" }) { totalCount edges { node { id } } } }`, {}],
  ['rules filtered by status today', `{ rules(filter: { status: IN_FORCE }) { edges { node { id } } } }`, {}],
  ['rules in issue order, newest first, after a cursor', `query ($after: String) { rules(orderBy: ISSUED_ON_DESC, first: 5, after: $after) { edges { cursor node { id issuedOn } } pageInfo { endCursor hasNextPage } } }`, { after: encodeCursor('ISSUED_ON_DESC|2025-05-13|rule:x') }],
  ['rules in effective order after a cursor of a rule without the date', `query ($after: String) { rules(orderBy: EFFECTIVE_ON_ASC, after: $after) { edges { cursor } } }`, { after: encodeCursor('EFFECTIVE_ON_ASC||rule:x') }],
  ['rules in id order (the default) after an id cursor', `query ($after: String) { rules(orderBy: ID, first: 2, after: $after) { edges { cursor } } }`, { after: encodeCursor('rule:ai-diffusion') }],
  ['factChanges in a window', `{ factChanges(from: "2025-05-01", to: "2025-05-31") { on change relation status subject { __typename ... on Node { id } } object { ... on Node { id } } cause { id } sources { id } } }`, {}],
  ['factChanges of some relations, first 20', `{ factChanges(from: "2025-01-01", to: "2025-12-31", relations: ["IN_TIER", "STATUS", "LISTED_ON"], first: 20) { on change relation } }`, {}],
  ['factChanges about an entity by id', `{ factChanges(from: "2025-01-01", to: "2025-12-31", entity: "country:SG") { on change relation object { ... on Tier { name } } } }`, {}],
  ['factChanges about a rule by id (its status and touches only)', `{ factChanges(from: "2025-01-01", to: "2025-12-31", entity: "rule:ai-diffusion") { on change relation status cause { id } } }`, {}],
  ['factChanges about an entity by name', `{ factChanges(from: "2019-01-01", to: "2026-12-31", entity: "Huawei", relations: ["LISTED_ON", "RESTRICTS"]) { on change relation } }`, {}],
];

describe('every v3 rule and time root field translates to one parameterised statement', () => {
  it.each(documents)('%s', async (_name, document, variables) => {
    const { statements, errors } = await translate(document, variables);
    // The recorder answers with no rows, so an entity is never found: that refusal comes after the statement.
    expect(errors.filter((error) => !/nothing in the graph has the id or name/.test(error))).toEqual([]);
    expect(statements).toHaveLength(1);
    expect(statements.map(({ name, cypher, params }) => ({ name, cypher: cypher.trim(), params }))).toMatchSnapshot();
  });

  it('sends nothing for arguments it refuses', async () => {
    const refused = [
      ['{ factChanges(from: "2025-02-01", to: "2025-01-01") { on } }', /"to" must not be before "from"/],
      ['{ factChanges(from: "2025-01-01", to: "2025-02-01", relations: ["IN_TIER", "OWNS"]) { on } }', /"relations" takes IN_TIER, .*STATUS; not "OWNS"/],
      ['{ factChanges(from: "2025-01-01", to: "2025-02-01", relations: []) { on } }', /"relations"/],
      ['{ factChanges(from: "2025-01-01", to: "2025-02-01", entity: "?!") { on } }', /"entity"/],
      [`{ rules(orderBy: ISSUED_ON_ASC, after: "${encodeCursor('rule:ai-diffusion')}") { totalCount } }`, /"after"/],
      [`{ rules(orderBy: ISSUED_ON_ASC, after: "${encodeCursor('ISSUED_ON_DESC|2025-01-15|rule:ai-diffusion')}") { totalCount } }`, /another order/],
      [`{ rules(after: "${encodeCursor('ISSUED_ON_ASC|2025-01-15|rule:ai-diffusion')}") { totalCount } }`, /"after"/],
    ] as const;
    for (const [document, message] of refused) {
      const { statements, errors } = await translate(document);
      expect(statements).toEqual([]);
      expect(errors.join('\n')).toMatch(message);
    }
  });

  it('reads each kind of fact in a window through its date index, both dates', async () => {
    const { statements } = await translate('{ factChanges(from: "2025-01-01", to: "2025-12-31") { on } }');
    const hints = statements[0].cypher.match(/USING INDEX (SEEK )?\w+:\w+\(\w+\)/g) ?? [];
    for (const type of ['IN_TIER', 'IN_GROUP', 'TARGETS', 'RESTRICTS', 'PROHIBITS_USE', 'CLASSIFIED_AS', 'HOLDS_OFFICE', 'SUBSIDIARY_OF']) {
      expect(hints.filter((hint) => hint.includes(`:${type}(`)).map((hint) => hint.replace(/.*\(/, ''))).toEqual(['validFrom)', 'validTo)']);
    }
    expect(hints.filter((hint) => hint.includes(':Listing(')).length).toBe(2);
    expect(hints.filter((hint) => /:Rule\(|:SUSPENDS\(/.test(hint)).length).toBe(6);
  });
});
