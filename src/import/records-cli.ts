import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { connectNeo4j } from '../neo4j/connect';
import { applyMigrations } from '../neo4j/migrations';
import { readRecordsFile, RecordsFileError } from './records/records-file';
import { formatReport, IMPORT_EDITOR } from './records/records-report';
import { importRecords } from './records/records-import';

const USAGE = 'usage: npm run import -- FILE.yaml|FILE.json [--dry-run]';
/** The plan is one transaction over the whole file: it gets more time than one request's statement. */
export const IMPORT_TIMEOUT_MS = 10 * 60_000;

export function parseArgs(args: string[]): { file: string; dryRun: boolean } {
  const files = args.filter((arg) => !arg.startsWith('-'));
  const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--dry-run');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]}\n${USAGE}`);
  if (files.length !== 1) throw new Error(USAGE);
  return { file: files[0], dryRun: args.includes('--dry-run') };
}

/**
 * `npm run import -- FILE [--dry-run]`: validates the file, plans it against the configured Neo4j
 * (NEO4J_URI, or the embedded one), prints the diff per kind and, unless dry, applies it. Problems
 * go to stderr with file and line, and the exit code is 1; a progress bar shows on a terminal.
 */
async function main() {
  const { file, dryRun } = parseArgs(process.argv.slice(2));
  const records = readRecordsFile(file);
  const config = loadConfig();
  const neo4j = await connectNeo4j(config, createLogger(config.LOG_LEVEL));
  const bar = process.stderr.isTTY ? new SingleBar({ format: '{phase} [{bar}] {value}/{total} steps', stream: process.stderr }) : null;
  let phase = '';
  try {
    await applyMigrations(neo4j.graph);
    const report = await importRecords(neo4j.graph, records, {
      dryRun, editor: IMPORT_EDITOR, timeoutMs: Math.max(config.NEO4J_QUERY_TIMEOUT_MS, IMPORT_TIMEOUT_MS),
      progress: (step, done, total) => {
        if (!bar) return void (done === total && process.stderr.write(`${step}: ${done}/${total} steps\n`));
        if (step !== phase) {
          if (phase) bar.stop();
          bar.start(total, done, { phase: step });
          phase = step;
        }
        bar.update(done);
      },
    });
    bar?.stop();
    console.log(formatReport(report));
  } finally {
    bar?.stop();
    await neo4j.close();
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    if (error instanceof RecordsFileError) console.error(error.message);
    else console.error(`import failed: ${error.message}`);
    process.exit(1);
  });
}
