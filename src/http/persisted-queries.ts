import { ApolloServerPlugin } from '@apollo/server';
import { Context } from '../graphql/context';

/** Apollo's refusals of an automatic persisted query that carry no code (see its requestPipeline). */
const UNCODED_REFUSALS = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

/**
 * A hash that is not the query's own, or an unknown APQ version, is the client's mistake, but Apollo
 * raises it without a code, so it would be logged and answered as INTERNAL_SERVER_ERROR (and masked
 * in production). This names it BAD_REQUEST before any other plugin or the error formatter sees it;
 * it must come first among the plugins.
 */
export function persistedQueryErrorsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.extensions.code === undefined && UNCODED_REFUSALS.has(error.message)) {
              (error.extensions as Record<string, unknown>).code = 'BAD_REQUEST';
            }
          }
        },
      };
    },
  };
}
