import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createSchema, printSortedSchema } from '../../src/graphql/schema';

const root = path.resolve(__dirname, '../..');

/** graphql-schema-linter's JSON report for an SDL, with the project's graphql-schema-linter.config.js. */
function lint(sdl: string): { message: string; location: { line: number }; rule: string }[] {
  const run = spawnSync(process.execPath, [require.resolve('graphql-schema-linter/lib/cli.js'), '--stdin', '--format', 'json'], {
    cwd: root,
    input: sdl,
    encoding: 'utf8',
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`graphql-schema-linter failed to run: ${run.stderr}`);
  return JSON.parse(run.stdout).errors;
}

describe('the schema under graphql-schema-linter (every rule; see graphql-schema-linter.config.js)', () => {
  it('has no gaps: every type, field, argument, enum value and input field is described', async () => {
    const gaps = lint(printSortedSchema(await createSchema())).map((e) => `${e.rule} (line ${e.location.line}): ${e.message}`);
    expect(gaps).toEqual([]);
  });

  it('reports a gap it is shown', () => {
    const gaps = lint('"""Reads."""\ntype Query {\n  """A greeting."""\n  hello(name: String): String\n}\n');
    expect(gaps.map((e) => e.rule)).toContain('arguments-have-descriptions');
  });
});
