import { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';
import { Context } from '../graphql/context';

const APPLICATION_JSON = 'application/json';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/** Codes of the GraphQL request errors a well-formed request can meet before execution. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT', // variable coercion, and literals refused in validation (see graphql/errors.ts)
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
]);

/** The media type Apollo answers in, negotiated as Apollo does: no Accept header means application/json. */
function answersInJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) === APPLICATION_JSON;
}

/**
 * GraphQL over HTTP: a well-formed request answered as `application/json` SHOULD get 200 even when it
 * fails to parse, validate, coerce its variables or pass the cost limit, because legacy clients read
 * the errors only from a 2xx body (https://graphql.github.io/graphql-over-http/draft/#sec-application-json).
 * Apollo answers those with 400 whatever the media type; under `application/graphql-response+json`
 * 400 is right and stays, and so does 400 for a malformed request (bad JSON, no query, CSRF: BAD_REQUEST).
 */
export function requestErrorStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const requestError = data === undefined && errors?.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)));
          if (requestError && answersInJson(request.http?.headers.get('accept'))) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
