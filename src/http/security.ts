import compression from 'compression';
import helmet from 'helmet';
import { Handler } from './handlers';

/**
 * The Content-Security-Policy of every response. Nothing comes from another origin; scripts only from
 * the service's own files (no inline script, no eval). What the bundled pages need beyond that:
 * - style-src 'unsafe-inline': mermaid writes a <style> into each SVG it draws and style attributes on
 *   its shapes; Monaco (GraphiQL's editor) injects its styles and positions lines with style attributes.
 * - worker-src 'self': Monaco's language services run in workers built into assets/workers/.
 * - img-src/font-src data:: the pages' empty favicon and the fonts GraphiQL's CSS inlines.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * helmet's security headers on every response: the policy above, nosniff, no framing, no referrer
 * beyond the origin, same-origin opener and resource policies, HSTS (honoured only over HTTPS).
 * upgrade-insecure-requests is left out: the service is often reached over plain HTTP on loopback.
 */
export function securityHeaders(): Handler {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
}

/** Responses of at least this many bytes are compressed (smaller ones gain less than the headers cost). */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * gzip or brotli (as the client's Accept-Encoding prefers) for every compressible response above the
 * threshold: the explorer's JavaScript, CSS, the map's JSON, GraphQL answers and exports alike.
 */
export function compressResponses(): Handler {
  // Its types name Express's request and response; it uses only what Node's own have.
  return compression({
    threshold: COMPRESSION_THRESHOLD,
    // JSON Lines (the exports) is text, but its media type is not registered, so compression would skip it.
    filter: (req, res) => /^application\/jsonl\b/.test(String(res.getHeader('content-type') ?? '')) || compression.filter(req, res),
  }) as unknown as Handler;
}
