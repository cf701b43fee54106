import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { stringify } from 'csv-stringify/sync';
import express from 'express';
import { Editors } from '../domain/editor/editors';
import { graphDump, graphManifest } from '../export/graph-dump';
import { Cell, ExportError, ExportRefused, fileNameOf, isoDay, LIST_EXPORTS, ListExport, Row, startListExport, variablesOf } from '../export/lists';
import { Context, createContext } from '../graphql/context';
import { mapLowerLayerError } from '../graphql/error-codes';
import { Logger } from '../logger';
import { Graph } from '../neo4j/graph';

export interface ExportOptions {
  apollo: ApolloServer<Context>;
  graph: Graph;
  editors: Editors;
  logger: Logger;
  /** Most rows one list export may have (EXPORT_MAX_ROWS). */
  maxRows: number;
}

/** The HTTP status of a refusal, by its code: a client's mistake is 400, never 500. */
const STATUS_OF: Record<string, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 400,
  QUERY_TOO_COMPLEX: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  EXPORT_TOO_LARGE: 400,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  RESOURCE_EXHAUSTED: 503,
  QUERY_TIMEOUT: 504,
};

function statusOf(errors: ExportError[]): number {
  return Math.max(...errors.map((error) => STATUS_OF[error.extensions.code] ?? 500));
}

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
/** JSON Lines has no registered media type; this is the one jsonlines.org suggests. */
export const JSONL_TYPE = 'application/jsonl; charset=utf-8';

/** A cell as CSV text: a list's items joined by "; ", null as nothing. */
function csvCell(cell: Cell): string | number {
  if (cell === null) return '';
  if (Array.isArray(cell)) return cell.join('; ');
  if (typeof cell === 'boolean') return String(cell);
  return cell as string | number;
}

/**
 * Rows as CSV (RFC 4180: CRLF between records, fields with a comma, quote or line break quoted, quotes
 * doubled), by csv-stringify. Text that a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or CR) gets a leading apostrophe (`escape_formulas`); JSON Lines carries every value as stored.
 */
export function csvOf(columns: readonly string[], rows: Row[], header: boolean): string {
  return stringify(rows.map((row) => Object.fromEntries(columns.map((column) => [column, csvCell(row[column] ?? null)]))), {
    header,
    columns: [...columns],
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

function jsonLinesOf(items: unknown[]): string {
  return items.map((item) => `${JSON.stringify(item)}\n`).join('');
}

/** Writes a chunk, waiting while the client reads slowly; resolves at once if the client went away. */
function write(res: express.Response, chunk: string): Promise<void> {
  if (chunk === '' || res.destroyed) return Promise.resolve();
  const flushed = res.write(chunk);
  // compression keeps bytes until flushed: send each page as it comes.
  (res as unknown as { flush?: () => void }).flush?.();
  if (flushed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

function refuse(res: express.Response, errors: ExportError[]): void {
  res.status(statusOf(errors)).set('cache-control', 'no-store').json({ errors });
}

function requestIdOf(req: express.Request, res: express.Response): string {
  const given = req.header('x-request-id') ?? '';
  const requestId = /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  return requestId;
}

/**
 * Ends a response whose head is sent when the export fails part-way: the socket is destroyed, so the
 * client sees a cut-off transfer (no final chunk), never a file that looks complete.
 */
function abort(res: express.Response, logger: Logger, requestId: string, error: unknown): void {
  logger.error({ err: error, requestId }, 'export failed after its first bytes; connection closed');
  res.destroy(error instanceof Error ? error : new Error(String(error)));
}

function attachment(res: express.Response, type: string, fileName: string): void {
  res.status(200);
  res.setHeader('content-type', type);
  res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  res.setHeader('cache-control', 'no-store');
}

/** A list export as CSV or JSON Lines: parameters checked and the first page read before the head is sent. */
async function sendList(list: ListExport, format: 'csv' | 'jsonl', req: express.Request, res: express.Response, options: ExportOptions): Promise<void> {
  const requestId = requestIdOf(req, res);
  const today = isoDay(new Date());
  const context = createContext(options.graph, requestId, options.editors, req.header('authorization'));
  const execute = async (query: string, variables: Record<string, unknown>) => {
    const response = await options.apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  };
  let run;
  let variables: Record<string, unknown>;
  try {
    variables = variablesOf(list, req.query as Record<string, unknown>, today);
    run = await startListExport(list, variables, execute, options.maxRows);
  } catch (error) {
    if (error instanceof ExportRefused) return refuse(res, error.errors);
    throw error;
  }
  attachment(res, format === 'csv' ? CSV_TYPE : JSONL_TYPE, fileNameOf(list, variables, format, today));
  res.setHeader('x-total-count', String(run.totalCount));
  // HEAD: the head of the answer, without reading the other pages.
  if (req.method === 'HEAD') return void res.end();
  try {
    let header = true;
    for await (const rows of run.pages) {
      if (res.destroyed) return;
      await write(res, format === 'csv' ? csvOf(list.columns, rows, header) : jsonLinesOf(rows));
      header = false;
    }
    // An empty CSV still has its header.
    if (header && format === 'csv') await write(res, csvOf(list.columns, [], true));
    res.end();
  } catch (error) {
    abort(res, options.logger, requestId, error);
  }
}

/**
 * The export routes: /export/<list>.csv and .jsonl for each list of ../export/lists, /export/graph.jsonl
 * (the whole graph, less the service's bookkeeping) and /export/graph.manifest.json. Mounted behind the
 * same in-flight limit as /graphql: an export, however many pages it reads, is one request in flight.
 */
export function exportRoutes(options: ExportOptions): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });

  router.get('/graph.manifest.json', async (req, res) => {
    requestIdOf(req, res);
    if (Object.keys(req.query).length > 0) {
      return refuse(res, [{ message: '/export/graph.manifest.json takes no parameters.', extensions: { code: 'BAD_USER_INPUT', argumentName: Object.keys(req.query)[0].slice(0, 40) } }]);
    }
    res.json(await graphManifest(options.graph));
  });

  router.get('/graph.jsonl', async (req, res) => {
    const requestId = requestIdOf(req, res);
    if (Object.keys(req.query).length > 0) {
      return refuse(res, [{ message: '/export/graph.jsonl takes no parameters.', extensions: { code: 'BAD_USER_INPUT', argumentName: Object.keys(req.query)[0].slice(0, 40) } }]);
    }
    const pages = graphDump(options.graph, () => res.destroyed);
    // The first page is read before the head is sent, so an unreachable Neo4j is a coded 503.
    const first = await pages.next();
    attachment(res, JSONL_TYPE, `graph-${isoDay(new Date())}.jsonl`);
    if (req.method === 'HEAD') return void res.end();
    try {
      for (let page = first; !page.done; page = await pages.next()) {
        if (res.destroyed) return;
        await write(res, jsonLinesOf(page.value));
      }
      res.end();
    } catch (error) {
      abort(res, options.logger, requestId, error);
    }
  });

  router.get('/:file', async (req, res) => {
    const match = /^(\w+)\.(csv|jsonl)$/.exec(req.params.file);
    const list = match ? LIST_EXPORTS.get(match[1]) : undefined;
    if (!match || !list) {
      const known = [...LIST_EXPORTS.keys()].flatMap((name) => [`${name}.csv`, `${name}.jsonl`]);
      res.status(404).json({ errors: [{ message: `No export at /export/${req.params.file.slice(0, 60)}: there are ${[...known, 'graph.jsonl', 'graph.manifest.json'].join(', ')}.`, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    await sendList(list, match[2] as 'csv' | 'jsonl', req, res, options);
  });

  // Before the head is sent, a failure of Neo4j answers with its code (SERVICE_UNAVAILABLE 503, ...); anything else is a bug.
  router.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const requestId = String(res.getHeader('x-request-id') ?? '');
    if (res.headersSent) return abort(res, options.logger, requestId, error);
    const mapped = mapLowerLayerError(error);
    if (!mapped) options.logger.error({ err: error, requestId, path: req.path }, 'export failed');
    refuse(res, [mapped ?? { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }]);
  });
  return router;
}
