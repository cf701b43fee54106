import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { Logger } from '../logger';
import { projectRoot } from '../paths';
import { revalidate, staticFiles } from './static';

/** Where `npm run build` puts the explorer (web/build.mjs). */
export const explorerDir = path.join(projectRoot, 'dist-web');

/**
 * The explorer at `/` (static files, a client of /graphql only) and GraphiQL at `/graphiql`.
 * GraphiQL follows INTROSPECTION as Apollo's landing page does: without introspection it is not served.
 * Hashed assets are cached for good, the pages revalidated (static.ts).
 */
export function mountExplorer(app: express.Express, options: { introspection: boolean; logger: Logger }): void {
  if (!existsSync(path.join(explorerDir, 'index.html'))) {
    options.logger.warn({ explorerDir }, 'explorer not built (npm run build); / and /graphiql answer 404');
  }
  app.get('/graphiql', (_req, res, next) => {
    if (!options.introspection) return next();
    revalidate(res);
    res.sendFile(path.join(explorerDir, 'graphiql.html'), { cacheControl: false }, (error) => error && next());
  });
  // A browser opening /graphql gets the bundled GraphiQL, not Apollo's landing page: that one loads its
  // scripts from Apollo's CDN, which the Content-Security-Policy (security.ts) refuses.
  app.get('/graphql', (req, res, next) => {
    if (!options.introspection || req.query.query !== undefined || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    res.redirect(302, 'graphiql');
  });
  app.use(staticFiles(explorerDir));
}
