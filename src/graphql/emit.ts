import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import { createSchema, printSortedSchema } from './schema';

/** `npm run schema:emit`: rewrites schema/schema.graphql from the code. */
async function main() {
  const target = path.join(projectRoot, 'schema', 'schema.graphql');
  writeFileSync(target, printSortedSchema(await createSchema()));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
