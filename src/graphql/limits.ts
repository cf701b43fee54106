import { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import {
  DocumentNode, getNamedType, getNullableType, GraphQLError, GraphQLField, GraphQLSchema, isLeafType, isListType, Kind, SelectionSetNode,
  ValidationContext, ValidationRule,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { listCap } from '../read/caps';
import { Context } from './context';

export interface Limits {
  maxDepth: number;
  maxCost: number;
}

/** Lexer tokens one document may have: parsing stops there, so a 100 KB document costs no more than a small one. */
export const MAX_TOKENS = 5_000;
/** Validation errors reported for one document; validation stops there. */
export const MAX_VALIDATION_ERRORS = 20;
/** Aliased fields one document may have. */
export const MAX_ALIASES = 100;
/**
 * Selections the estimator may walk (fragments expanded) before it gives up: a document too large
 * to price is refused. Below the 10,000 selections validation allows, so this is what refuses it.
 */
export const MAX_PRICED_NODES = 5_000;
/** Fragment definitions one document may have. */
export const MAX_FRAGMENTS = 20;
/** Selections (fields, fragment spreads, inline fragments) one selection set may have. */
export const MAX_SELECTIONS_PER_SET = 100;
/** Each hop of a lineage walk costs this much, so maxDepth 25 is dear but allowed. */
const LINEAGE_HOP_COST = 10;

/** An argument's value as the resolver sees it: an explicit null means the argument's default. */
function argumentOrDefault(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, name: string): unknown {
  return args[name] ?? field.args.find((arg) => arg.name === name)?.defaultValue;
}

/**
 * What an operation costs is about how many objects it can return. A scalar costs nothing and an
 * object 1 plus its selections; a list costs its rows times what one row costs, its rows being its
 * cap (caps.ts) or its `first`; a page (a connection) costs `first` times its selections, its edges
 * counting once; a lineage walk adds maxDepth x 10. Aliases are costed one by one.
 */
const estimateCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  const first = argumentOrDefault(field, args, 'first');
  const maxDepth = argumentOrDefault(field, args, 'maxDepth');
  const rows = typeof first === 'number' ? Math.max(first, 0) : undefined;
  const cap = listCap(type.name, field.name);
  if (isListType(getNullableType(field.type))) {
    if (cap === undefined) throw new Error(`${type.name}.${field.name} has no cap in caps.ts`);
    return cap === 'page' ? 1 + childComplexity : (rows ?? cap) * (1 + childComplexity);
  }
  if (rows !== undefined) return 1 + rows * childComplexity;
  if (typeof maxDepth === 'number') return 1 + maxDepth * LINEAGE_HOP_COST + childComplexity;
  return 1 + childComplexity;
};

function refusal(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
}

/** Why an operation could not be priced, as the error the client gets: a bad variable or argument is named. */
function unpriceable(error: unknown): GraphQLError {
  const message = error instanceof Error ? error.message : String(error);
  const variable = /^Variable "\$([^"]+)"/.exec(message);
  if (variable) return refusal(message, { code: 'BAD_USER_INPUT', variableName: variable[1] });
  const argument = /^Argument "([^"]+)"/.exec(message);
  if (argument) return refusal(message, { code: 'BAD_USER_INPUT', argumentName: argument[1] });
  if (/maximum allowed number of nodes/.test(message)) {
    return refusal(`The query is too large to price: more than ${MAX_PRICED_NODES} selections once fragments are expanded.`, { code: 'QUERY_TOO_COMPLEX', limit: MAX_PRICED_NODES });
  }
  return refusal(`The query could not be priced, so it is refused: ${message}`, { code: 'QUERY_TOO_COMPLEX' });
}

/** The response names of a selection set's fields that select further, inline fragments included (they merge into it). */
function namesWithSelections(selectionSet: SelectionSetNode, names: string[] = []): string[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD && selection.selectionSet) names.push((selection.alias ?? selection.name).value);
    if (selection.kind === Kind.INLINE_FRAGMENT) namesWithSelections(selection.selectionSet, names);
  }
  return names;
}

/**
 * Why a parsed document asks for more validation work than any real query needs, or null. graphql-js
 * compares fields that share a response name pairwise, their sub-selections included, so repeating
 * one (\`x: companies { country { x: companies ... } }\` four wide and four deep) costs seconds from
 * 2,000 tokens. This walk is linear and runs before validation: a response name that selects further
 * appears once per selection set, a set has at most 100 selections, a document at most 20 fragments,
 * and selection sets nest at most maxNesting deep (inline fragments count as a level here).
 */
export function documentShapeProblem(document: DocumentNode, maxNesting: number): string | null {
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).length;
  if (fragments > MAX_FRAGMENTS) return `The document defines ${fragments} fragments; at most ${MAX_FRAGMENTS} are allowed.`;
  const sets = document.definitions.flatMap((definition) => ('selectionSet' in definition && definition.selectionSet ? [{ set: definition.selectionSet, nesting: 1 }] : []));
  for (let next = sets.pop(); next; next = sets.pop()) {
    const { set, nesting } = next;
    if (nesting > maxNesting) return `Selections nest more than ${maxNesting} deep.`;
    if (set.selections.length > MAX_SELECTIONS_PER_SET) return `A selection set has ${set.selections.length} selections; at most ${MAX_SELECTIONS_PER_SET} are allowed.`;
    const seen = new Set<string>();
    const repeated = namesWithSelections(set).find((name) => seen.size === seen.add(name).size);
    if (repeated) return `"${repeated}" selects fields twice in one selection set: ask once, or use another alias.`;
    for (const selection of set.selections) {
      if ('selectionSet' in selection && selection.selectionSet) sets.push({ set: selection.selectionSet, nesting: nesting + 1 });
    }
  }
  return null;
}

export function depthLimitRule(maxDepth: number): ValidationRule {
  return depthLimit(maxDepth) as ValidationRule;
}

/** Refuses a document with more than `max` aliased fields: each alias is another copy of a field to run. */
export function aliasLimitRule(max: number): ValidationRule {
  return (context: ValidationContext) => {
    let aliases = 0;
    return {
      Field(node) {
        if (!node.alias) return;
        aliases += 1;
        if (aliases === max + 1) {
          context.reportError(new GraphQLError(`The document has more than ${max} aliases.`, { nodes: [node] }));
        }
      },
    };
  };
}

/**
 * Costs every operation before it runs: one over the limit, or one that cannot be priced, is
 * refused and no Cypher is sent; the cost of an accepted one is reported in `extensions.cost`.
 */
export function costLimitPlugin(schema: GraphQLSchema, limits: Limits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation({ request, document }) {
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [estimateCost],
              maxQueryNodes: MAX_PRICED_NODES,
            });
          } catch (error) {
            throw unpriceable(error);
          }
          if (cost > limits.maxCost) {
            throw refusal(`The query costs ${cost}, over the limit of ${limits.maxCost}: ask for fewer items (first), less depth or fewer aliases.`, {
              code: 'QUERY_TOO_COMPLEX', cost, limit: limits.maxCost,
            });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && cost !== undefined && cost <= limits.maxCost) {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { requested: cost, limit: limits.maxCost } };
          }
        },
      };
    },
  };
}
