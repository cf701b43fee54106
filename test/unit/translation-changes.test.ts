import { translate } from '../support/translate';

/** Translation snapshots of the commit-ordered feed (changesSince), in the style of translation.test.ts. */
const documents: [string, string, Record<string, unknown>][] = [
  ['changesSince from the start', '{ changesSince { id position editor operation entityIds } }', {}],
  ['changesSince after a position', 'query ($p: String) { changesSince(position: $p, first: 7) { position at entityIds } }', { p: '41' }],
];

describe('changesSince translates to one parameterised statement', () => {
  it.each(documents)('%s', async (_name, document, variables) => {
    const { statements, errors } = await translate(document, variables);
    expect(errors).toEqual([]);
    expect(statements.map(({ name, cypher, params }) => ({ name, cypher: cypher.trim(), params }))).toMatchSnapshot();
  });
});
