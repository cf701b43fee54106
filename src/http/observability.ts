import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLFormattedError } from 'graphql';
import { Context } from '../graphql/context';
import { mapLowerLayerError } from '../graphql/error-codes';
import { Logger } from '../logger';

/**
 * One log line per request (request id, operation, duration, cost, error codes) and one per
 * internal error with its stack, so a masked error a client reports can be found by its request id.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = mapLowerLayerError(error)?.extensions.code ?? error.extensions?.code;
            if (!code || code === 'INTERNAL_SERVER_ERROR') {
              logger.error({ requestId: contextValue.requestId, err: error.originalError ?? error, path: error.path }, 'internal error');
            }
          }
        },
        async willSendResponse({ response, operationName }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, requestId: contextValue.requestId };
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              durationMs: Number(process.hrtime.bigint() - started) / 1e6,
              cost: (result.extensions.cost as { requested?: number } | undefined)?.requested,
              errors: result.errors?.map((error) => error.extensions?.code),
              editor: contextValue.editor,
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/** In production, internal errors reach clients as a code and a request id, never a message, stack or Cypher. */
export function maskInternalErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
