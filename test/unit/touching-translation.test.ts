import { translate } from '../support/translate';

/**
 * Translation snapshots (TCK style) of "which rules touch X": rulesTouching by id and by name, and
 * the rules filter `touching`. Each is one statement generated from src/domain/impact-paths.ts.
 */
const documents: [string, string, Record<string, unknown>][] = [
  ['rulesTouching by id, every Touch field', `query ($e: String!) { rulesTouching(entity: $e) { relation confidence validFrom validTo note rule { id } target { ... on Company { name } } path { __typename ... on Node { id } } sources { id } } }`, { e: 'company:nvidia' }],
  ['rulesTouching by name on a date', `{ rulesTouching(entity: "Singapore", asOf: "2025-03-01") { relation confidence rule { shortName } path { ... on Node { id } } } }`, {}],
  ['rules filtered by touching', `{ rules(filter: { touching: "China", kinds: [GUIDANCE] }, first: 5) { totalCount edges { node { id } } } }`, {}],
  ['rulesTouching by name, via a product or its maker only', `{ rulesTouching(entity: "Huawei Ascend", via: [DIRECT, MAKER]) { via rule { id } path { __typename } } }`, {}],
  ['rules filtered by touching, via listings only', `{ rules(filter: { touching: "company:huawei", touchingVia: [LISTINGS] }) { totalCount } }`, {}],
];

describe('rulesTouching and rules(filter: { touching }) translate to one statement each', () => {
  it.each(documents)('%s', async (_name, document, variables) => {
    const { statements, errors } = await translate(document, variables);
    expect(errors).toEqual([]);
    expect(statements.map(({ name, cypher, params }) => ({ name, cypher: cypher.trim(), params }))).toMatchSnapshot();
  });
});

describe('a text with no letters or digits', () => {
  it('is NOT_FOUND before any statement', async () => {
    const { statements, errors } = await translate('{ rulesTouching(entity: "?!") { relation } }');
    expect(statements).toEqual([]);
    expect(errors).toEqual(['No entity is named "?!".']);
  });
});
