import { ApolloServerPlugin } from '@apollo/server';
import vary from 'vary';
import { Context } from '../graphql/context';
import { Handler } from './handlers';

/**
 * Every /graphql answer is `no-store` unless the plugin below finds it cacheable; this covers the
 * refusals Apollo makes before any plugin runs (CSRF, no query, bad JSON). The body of a GET also
 * depends on Accept (the media type, and the status of a request error).
 */
export const noStoreByDefault: Handler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  vary(res, 'accept');
  next();
};

/**
 * HTTP caching of reads: a GET query without `Authorization` that succeeded may be kept by any cache
 * for `maxAgeSeconds`; Express adds a strong ETag and answers a matching If-None-Match with 304.
 * POSTs (which caches do not key on the body), mutations, errors and authorised requests are
 * `no-store`. A cached body is served to many requests, so it carries no request id: the
 * `x-request-id` header still does. Must come after requestLogPlugin, which adds that id.
 */
export function httpCachePlugin(maxAgeSeconds: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const cacheable =
            request.http?.method === 'GET' &&
            !request.http.headers.has('authorization') &&
            operation?.operation === 'query' &&
            (response.http.status ?? 200) === 200 &&
            result !== undefined &&
            !result.errors?.length;
          response.http.headers.set('cache-control', cacheable ? `public, max-age=${maxAgeSeconds}` : 'no-store');
          if (cacheable && result.extensions) delete result.extensions.requestId;
        },
      };
    },
  };
}
