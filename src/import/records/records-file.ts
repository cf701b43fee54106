import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { flatten } from './records';
import { IMPORTABLE, NOT_IMPORTABLE } from './record-kinds';

/** A record of the file, validated, with where it stands. */
export interface FileRecord {
  kind: string;
  index: number;
  /** Where it stands, for problems: 'file.yaml:12: chipProducts[3]'. */
  place: string;
  record: object;
}

/** A file that does not pass: every problem, each naming file, line, record and field. */
export class RecordsFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Refused, nothing was written:\n  ${problems.join('\n  ')}`);
  }
}

/** At most this many records per file: an import runs as batches of transactions, but its plan is held whole. */
export const MAX_RECORDS = 20_000;

/**
 * Parses YAML or JSON (JSON is read by the same YAML 1.2 parser, so both get line numbers) in the
 * seed's record shapes: a mapping from a kind (`sources`, `chipProducts`, ...) to a list of records.
 * Validates all of it before anything is written and throws every problem at once.
 */
export function parseRecords(text: string, fileName: string, withLines = true): FileRecord[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number | undefined) => (withLines ? `${fileName}:${offset === undefined ? 1 : lines.linePos(offset).line}` : fileName);
  const problems = document.errors.map((error) => `${at(error.pos[0])}: ${error.message.split('\n')[0]}`);
  if (problems.length > 0) throw new RecordsFileError(problems);
  const root = document.contents;
  if (!isMap(root)) throw new RecordsFileError([`${at(0)}: the file must be a mapping from a kind (${Object.keys(IMPORTABLE).join(', ')}) to a list of records`]);

  const records: FileRecord[] = [];
  for (const pair of root.items) {
    const kind = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const keyAt = at(isNode(pair.key) ? pair.key.range?.[0] : undefined);
    const spec = IMPORTABLE[kind];
    if (!spec) {
      problems.push(`${keyAt}: "${kind}" ${NOT_IMPORTABLE[kind] ?? `is not a kind of record (importable: ${Object.keys(IMPORTABLE).join(', ')})`}`);
      continue;
    }
    if (!isSeq(pair.value)) {
      problems.push(`${keyAt}: "${kind}" must be a list`);
      continue;
    }
    pair.value.items.forEach((item, index) => {
      const plain: unknown = isNode(item) ? item.toJSON() : item;
      const record = plainToInstance(spec.type, plain as object);
      const place = `${at(isNode(item) ? item.range?.[0] : undefined)}: ${kind}[${index}]`;
      const where = `${place}${spec.idOf(record) ? ` (${spec.idOf(record)})` : ''}`;
      const errors = validateSync(record, { whitelist: true, forbidNonWhitelisted: true });
      for (const message of flatten(errors)) problems.push(`${where} ${message}`);
      records.push({ kind, index, place, record });
    });
  }
  if (records.length > MAX_RECORDS) problems.push(`${fileName}: ${records.length} records; at most ${MAX_RECORDS} per file (split it)`);
  if (problems.length > 0) throw new RecordsFileError(problems);
  return records;
}

/** Reads a .yaml, .yml or .json file of records (see parseRecords). */
export function readRecordsFile(file: string): FileRecord[] {
  const extension = path.extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(extension)) throw new RecordsFileError([`${file}: expected a .yaml, .yml or .json file`]);
  return parseRecords(readFileSync(file, 'utf8'), path.basename(file));
}
