import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { connectNeo4j } from '../neo4j/connect';
import { applyMigrations } from '../neo4j/migrations';
import { formatResult, importFederalRegister, ImportRequest } from './fr-import';

const USAGE = 'usage: npm run import:fr -- [--dry-run] DOCUMENT_NUMBER... | [--dry-run] --since YYYY-MM-DD';

/** The request and flags from the command line; throws the usage line on anything else. */
export function parseArgs(args: string[]): { request: ImportRequest; dryRun: boolean } {
  let dryRun = false;
  let since: string | undefined;
  const numbers: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--since') since = args[(i += 1)];
    else if (arg.startsWith('--since=')) since = arg.slice('--since='.length);
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else numbers.push(arg);
  }
  if (since !== undefined) {
    if (numbers.length > 0) throw new Error(`give document numbers or --since, not both\n${USAGE}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new Error(`--since takes a date, YYYY-MM-DD\n${USAGE}`);
    return { request: { since }, dryRun };
  }
  if (numbers.length === 0) throw new Error(USAGE);
  return { request: { documentNumbers: numbers }, dryRun };
}

/**
 * `npm run import:fr`: imports Federal Register documents of BIS into the configured Neo4j
 * (NEO4J_URI, or the embedded one), from FR_API_URL. The diff goes to stdout, progress to stderr;
 * the exit code is 1 when any document failed.
 */
async function main() {
  const { request, dryRun } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const neo4j = await connectNeo4j(config, logger);
  try {
    await applyMigrations(neo4j.graph);
    const results = await importFederalRegister(neo4j.graph, request, { dryRun, progress: (line) => process.stderr.write(`${line}\n`) });
    for (const result of results) console.log(formatResult(result));
    const count = (status: string) => results.filter((result) => result.status === status).length;
    console.log(`${results.length} document${results.length === 1 ? '' : 's'}${dryRun ? ' (dry run: nothing written)' : ''}: ${count('created')} created, ${count('changed')} changed, ${count('unchanged')} unchanged, ${count('failed')} failed`);
    if (count('failed') > 0) process.exitCode = 1;
  } finally {
    await neo4j.close();
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`import:fr failed: ${error.message}`);
    process.exit(1);
  });
}
