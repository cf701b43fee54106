import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import { recordsJsonSchemaText } from '../import/records/records-schema';
import { createSchema, printSortedSchema } from './schema';

/** `npm run schema:emit`: rewrites schema/schema.graphql and schema/import-records.schema.json from the code. */
async function main() {
  const write = (file: string, text: string) => {
    const target = path.join(projectRoot, 'schema', file);
    writeFileSync(target, text);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  };
  write('schema.graphql', printSortedSchema(await createSchema()));
  write('import-records.schema.json', recordsJsonSchemaText());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
