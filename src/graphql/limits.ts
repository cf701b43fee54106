import { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { getNullableType, GraphQLError, GraphQLSchema, isListType, ValidationRule } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { Context } from './context';

export interface Limits {
  maxDepth: number;
  maxCost: number;
}

/** Lists nobody pages are assumed to hold this many items when costing a query. */
const UNPAGED_LIST_SIZE = 3;
/** Each hop of a lineage walk costs this much, so maxDepth 25 is dear but allowed. */
const LINEAGE_HOP_COST = 10;

/**
 * A field costs 1 plus what is below it times the items it returns: `first` when it pages,
 * `maxDepth` hops for lineage, a small guess for other lists. Aliases are costed one by one,
 * so repeating a field under many aliases adds up.
 */
const estimateCost: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (typeof args.maxDepth === 'number') return 1 + args.maxDepth * LINEAGE_HOP_COST + childComplexity;
  if (typeof args.first === 'number') return 1 + Math.max(args.first, 0) * childComplexity;
  if (isListType(getNullableType(field.type))) return 1 + UNPAGED_LIST_SIZE * childComplexity;
  return undefined;
};

export function depthLimitRule(maxDepth: number): ValidationRule {
  return depthLimit(maxDepth) as ValidationRule;
}

/**
 * Costs every operation before it runs: one over the limit is refused with the cost and the
 * limit, and no Cypher is sent; the cost of an accepted one is reported in `extensions.cost`.
 */
export function costLimitPlugin(schema: GraphQLSchema, limits: Limits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost = 0;
      return {
        async didResolveOperation({ request, document }) {
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [estimateCost, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not fit their types cannot be costed; execution refuses them
            // with BAD_USER_INPUT before any resolver (or Cypher) runs.
            return;
          }
          if (cost > limits.maxCost) {
            throw new GraphQLError(`The query costs ${cost}, over the limit of ${limits.maxCost}: ask for fewer items (first), less depth or fewer aliases.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit: limits.maxCost, http: { status: 400 } },
            });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && cost > 0) {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { requested: cost, limit: limits.maxCost } };
          }
        },
      };
    },
  };
}
