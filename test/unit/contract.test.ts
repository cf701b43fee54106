import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';

describe('the public contract (schema/contract.graphql)', () => {
  it('is fully served by the emitted schema without a breaking change', () => {
    const read = (file: string) => buildSchema(readFileSync(path.resolve(__dirname, '../../schema', file), 'utf8'));
    const breaking = findBreakingChanges(read('contract.graphql'), read('schema.graphql'));
    expect(breaking.map((change) => change.description)).toEqual([]);
  });
});
