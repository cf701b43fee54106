import path from 'node:path';
import express from 'express';

/** A year: the most RFC 9111 caches honour. */
const FOREVER = 'public, max-age=31536000, immutable';
/** Kept, but revalidated (ETag) before each use: the pages name the current hashed assets. */
const REVALIDATE = 'no-cache';

/** web/build.mjs names every file under assets/ with a hash of its content (`app-UAS5QXDO.js`, `style-13e0fb943d.css`). */
const HASHED = /-[A-Za-z0-9]{8,}\.[a-z0-9.]+$/;

/** The Cache-Control of a file served from `root`: hashed assets for good, anything else revalidated. */
export function cacheControlFor(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep);
  return relative[0] === 'assets' && HASHED.test(relative.at(-1)!) ? FOREVER : REVALIDATE;
}

/** Static files of the built explorer with the caching above. */
export function staticFiles(root: string): express.RequestHandler {
  return express.static(root, {
    index: 'index.html',
    redirect: false,
    // Cache-Control is set here, per file; express's own max-age stays off.
    cacheControl: false,
    setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControlFor(root, file)),
  });
}

/** The same revalidation for an HTML page sent with res.sendFile. */
export const revalidate = (res: express.Response) => res.setHeader('Cache-Control', REVALIDATE);
