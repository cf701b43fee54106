import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { Logger } from '../logger';
import { projectRoot } from '../paths';

/** Where `npm run build` puts the explorer (web/build.mjs). */
export const explorerDir = path.join(projectRoot, 'dist-web');

/**
 * The explorer at `/` (static files, a client of /graphql only) and GraphiQL at `/graphiql`.
 * GraphiQL follows INTROSPECTION as Apollo's landing page does: without introspection it is not served.
 */
export function mountExplorer(app: express.Express, options: { introspection: boolean; logger: Logger }): void {
  if (!existsSync(path.join(explorerDir, 'index.html'))) {
    options.logger.warn({ explorerDir }, 'explorer not built (npm run build); / and /graphiql answer 404');
  }
  app.get('/graphiql', (_req, res, next) => {
    if (!options.introspection) return next();
    res.sendFile(path.join(explorerDir, 'graphiql.html'), (error) => error && next());
  });
  app.use(express.static(explorerDir, { index: 'index.html', redirect: false }));
}
