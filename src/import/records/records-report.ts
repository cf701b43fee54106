import { ImportReport } from './records-import';

/** The editor an import's Changes name. */
export const IMPORT_EDITOR = 'import';

/** The diff as the CLI prints it: one line per kind, then the totals. */
export function formatReport(report: ImportReport): string {
  const would = report.dryRun ? 'would be ' : '';
  const rows = Object.entries(report.kinds).map(([kind, c]) =>
    `  ${kind.padEnd(18)} ${would}created ${c.created}, ${would}changed ${c.changed}, unchanged ${c.unchanged}`);
  const total = Object.values(report.kinds).reduce((sum, c) => ({
    created: sum.created + c.created, changed: sum.changed + c.changed, unchanged: sum.unchanged + c.unchanged,
  }), { created: 0, changed: 0, unchanged: 0 });
  const tail = report.dryRun
    ? 'dry run: nothing written'
    : `${report.changes} Change${report.changes === 1 ? '' : 's'} recorded by editor ${IMPORT_EDITOR}`;
  return [...rows, `  total: ${would}created ${total.created}, ${would}changed ${total.changed}, unchanged ${total.unchanged}; ${tail}`].join('\n');
}
