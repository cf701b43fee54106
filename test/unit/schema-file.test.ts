import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSchema, printSortedSchema } from '../../src/graphql/schema';
import { recordsJsonSchema, recordsJsonSchemaText } from '../../src/import/records/records-schema';
import { IMPORTABLE } from '../../src/import/records/record-kinds';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after an API change)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(printSortedSchema(await createSchema())).toBe(committed);
  });
});

describe('schema/import-records.schema.json', () => {
  it('is what the record classes emit (run `npm run schema:emit` after changing src/import/records/records.ts or the importable kinds)', () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema/import-records.schema.json'), 'utf8');
    expect(recordsJsonSchemaText()).toBe(committed);
  });

  it('lists every importable kind and requires what the classes require', () => {
    const schema = recordsJsonSchema() as { properties: Record<string, unknown>; definitions: Record<string, { required?: string[]; properties: Record<string, unknown> }> };
    expect(Object.keys(schema.properties)).toEqual(Object.keys(IMPORTABLE));
    expect(schema.definitions.SourceRecord.required).toEqual(expect.arrayContaining(['id', 'title', 'publisher', 'kind']));
    expect(schema.definitions.OfficialRecord.properties.offices).toMatchObject({ items: { $ref: '#/definitions/OfficeRecord' } });
    expect(schema.definitions.ListingRecord.properties.confidence).toMatchObject({ enum: ['STATED', 'INFERRED', 'UNCONFIRMED'] });
  });
});
