import { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import {
  __Schema, __Type, coerceInputValue, DocumentNode, FieldNode, FragmentDefinitionNode, getNamedType, getNullableType, GraphQLError,
  GraphQLField, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, isInputObjectType, isInputType, isLeafType, isListType, isNonNullType,
  Kind, OperationDefinitionNode, SelectionSetNode, typeFromAST, ValidationContext, ValidationRule,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { kindOfId } from '../domain/entities';
import { listCap } from '../read/caps';
import { Context } from './context';
import { DocumentMemo } from './document-memo';

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
/**
 * What one text lookup adds to an operation's cost: a full-text query (or a scan of every rule's
 * words) that holds a Neo4j connection whatever it returns. `search`, a `text` filter and
 * `rulesTouching` by name each make one; with the default MAX_COST, 50 of them are refused on price alone.
 */
export const TEXT_LOOKUP_COST = 1_000;
/** Text lookups one operation may make: each runs its own Neo4j query, so more would drain the connection pool. */
export const MAX_TEXT_LOOKUPS = 5;
/** Values (objects, lists and scalars, counted one by one) the variables of one request may hold. */
export const MAX_VARIABLE_VALUES = 10_000;
/** Deepest nesting of objects and lists in a variable's value; no input of the schema nests nearly this deep. */
export const MAX_VARIABLE_DEPTH = 20;
/** Longest object key in a variable's value: input field names are short. */
export const MAX_VARIABLE_KEY_LENGTH = 100;
/** Longest part of a client's value quoted in an error message. */
const MAX_QUOTED = 100;
/**
 * Introspection objects one operation may ask for, over all its introspection fields. The full
 * standard introspection query asks for about 1,000; in memory each costs some 10 µs of CPU to build
 * and serialise, so fifty aliases of it (49,000 objects, within MAX_COST) would take half a second.
 */
export const MAX_INTROSPECTION_OBJECTS = 5_000;

/** An argument's value as the resolver sees it: an explicit null means the argument's default. */
function argumentOrDefault(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, name: string): unknown {
  return args[name] ?? field.args.find((arg) => arg.name === name)?.defaultValue;
}

function refusal(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
}

/** A client's text cut to a length an error message may quote. */
export function clip(text: string, max = MAX_QUOTED): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/**
 * The arguments through which a field looks things up by their words, as paths: an argument `text`,
 * the `text` field of an input argument (`filter.text`), or an argument `entity` (an id or a name).
 * Found by shape, so a new field that takes text is priced without an entry anywhere.
 */
const lookupPaths = new WeakMap<GraphQLField<unknown, unknown>, string[]>();

export function textLookupArguments(field: GraphQLField<unknown, unknown>): string[] {
  let paths = lookupPaths.get(field);
  if (paths) return paths;
  paths = [];
  for (const arg of field.args) {
    if (arg.name === 'text' || arg.name === 'entity') paths.push(arg.name);
    const named = getNamedType(arg.type);
    if (isInputObjectType(named) && 'text' in named.getFields()) paths.push(`${arg.name}.text`);
  }
  lookupPaths.set(field, paths);
  return paths;
}

/** Whether these argument values make the field look text up: `entity` only when it is a name, not an id. */
function looksUpText(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): boolean {
  return textLookupArguments(field).some((path) => {
    const [name, inner] = path.split('.');
    const value = args[name];
    if (!inner) return typeof value === 'string' && (name !== 'entity' || kindOfId(value) === null);
    return (Array.isArray(value) ? value : [value]).some((item) => item !== null && typeof item === 'object' && typeof (item as Record<string, unknown>)[inner] === 'string');
  });
}

/** What a text lookup field's description says of its price, or null for any other field. */
export function textLookupNote(field: GraphQLField<unknown, unknown>): string | null {
  const paths = textLookupArguments(field);
  if (paths.length === 0) return null;
  const always = field.args.some((arg) => arg.name === 'text' && isNonNullType(arg.type));
  const when = always ? 'each call' : `a call where ${paths.map((path) => (path === 'entity' ? '`entity` is a name (not an id)' : `\`${path}\` is given`)).join(' or ')}`;
  return `Text lookup: ${when} costs ${TEXT_LOOKUP_COST} more (a full-text or word query in Neo4j), and one operation may make at most ${MAX_TEXT_LOOKUPS} text lookups.`;
}

/**
 * The fields of a selection set on introspection type `typeName`, fragments expanded. Introspection
 * types are object types, so a fragment applies when its condition names the type (or it has none).
 */
function fieldsOn(selectionSet: SelectionSetNode, typeName: string, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || selection.typeCondition.name.value === typeName) fields.push(...fieldsOn(selection.selectionSet, typeName, fragments, seen));
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value) || fragment.typeCondition.name.value !== typeName) continue;
      seen.add(fragment.name.value);
      fields.push(...fieldsOn(fragment.selectionSet, typeName, fragments, seen));
      seen.delete(fragment.name.value);
    }
  }
  return fields;
}

/**
 * What an introspection field (`__schema`, `__type`) returns, counted on this schema: 1 per object, as
 * everywhere else. Introspection runs in memory, but its answer grows with what it selects: the standard
 * query of graphql-js returns a few thousand objects, `types { fields { type { fields ... } } }`
 * millions, so it is counted exactly instead of priced from caps. Each (object, selection set) pair is
 * counted once and reused, and counting stops once it passes `budget` (what is left of
 * MAX_INTROSPECTION_OBJECTS): each step adds at least one object, so it takes at most budget steps.
 */
/** Thrown when an operation's introspection fields come to more than MAX_INTROSPECTION_OBJECTS: counting stops there. */
class IntrospectionTooLarge extends Error {}

function introspectionCost(schema: GraphQLSchema, node: FieldNode, fragments: Map<string, FragmentDefinitionNode>, args: Record<string, unknown>, budget: number): number {
  const root = node.name.value === '__schema' ? schema : schema.getType(String(args.name));
  if (!root || !node.selectionSet) return 1;
  const info = { schema } as GraphQLResolveInfo;
  const memo = new Map<unknown, Map<SelectionSetNode, number>>();
  const fieldsMemo = new Map<SelectionSetNode, Map<string, FieldNode[]>>();
  let counted = 0;
  const objectsBelow = (value: unknown, type: GraphQLObjectType, selectionSet: SelectionSetNode): number => {
    const known = memo.get(value)?.get(selectionSet);
    if (known !== undefined) return known;
    let fields = fieldsMemo.get(selectionSet)?.get(type.name);
    if (!fields) {
      fields = fieldsOn(selectionSet, type.name, fragments);
      if (!fieldsMemo.has(selectionSet)) fieldsMemo.set(selectionSet, new Map());
      fieldsMemo.get(selectionSet)!.set(type.name, fields);
    }
    let total = 0;
    for (const field of fields) {
      const definition = type.getFields()[field.name.value];
      if (!definition?.resolve || !field.selectionSet) continue;
      // Deprecated members are counted too: an over-count is safe.
      const resolved: unknown = definition.resolve(value, { includeDeprecated: true }, undefined, info);
      const items: unknown[] = Array.isArray(resolved) ? resolved : resolved == null ? [] : [resolved];
      const itemType = getNamedType(definition.type) as GraphQLObjectType;
      for (const item of items) {
        // A pair counted before adds its whole count here; a new one adds its objects as it counts them.
        const known = memo.get(item)?.get(field.selectionSet);
        const below = known ?? objectsBelow(item, itemType, field.selectionSet);
        total += 1 + below;
        counted += 1 + (known ?? 0);
        if (counted > budget) throw new IntrospectionTooLarge();
      }
    }
    if (!memo.has(value)) memo.set(value, new Map());
    memo.get(value)!.set(selectionSet, total);
    return total;
  };
  return 1 + objectsBelow(root, node.name.value === '__schema' ? __Schema : __Type, node.selectionSet);
}

/** What the estimator counts beside the cost, for the caps that are not a price. */
interface Tally {
  textLookups: number;
  introspectionObjects: number;
}

/** An operation's price and what it counts of the things limited apart from the price. */
interface Priced extends Tally {
  cost: number;
}

/**
 * What an operation costs is about how many objects it can return. A scalar costs nothing and an
 * object 1 plus its selections; a list costs its rows times what one row costs, its rows being its
 * cap (caps.ts) or its `first`; a page (a connection) costs `first` times its selections, its edges
 * counting once; a lineage walk adds maxDepth x 10; a text lookup adds TEXT_LOOKUP_COST. Aliases are
 * costed one by one. Introspection fields cost the objects they return, counted on the schema.
 */
function costEstimator(schema: GraphQLSchema, document: DocumentNode, tally: Tally): ComplexityEstimator {
  const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])));
  return ({ type, field, args, childComplexity, node }) => {
    // Fields of introspection types are counted by the introspection field above them.
    if (type.name.startsWith('__')) return 0;
    if (field.name === '__schema' || field.name === '__type') {
      const objects = introspectionCost(schema, node, fragments, args, MAX_INTROSPECTION_OBJECTS - tally.introspectionObjects);
      tally.introspectionObjects += objects;
      return objects;
    }
    if (isLeafType(getNamedType(field.type))) return 0;
    let lookup = 0;
    if (looksUpText(field, args)) {
      tally.textLookups += 1;
      lookup = TEXT_LOOKUP_COST;
    }
    const first = argumentOrDefault(field, args, 'first');
    const maxDepth = argumentOrDefault(field, args, 'maxDepth');
    const rows = typeof first === 'number' ? Math.max(first, 0) : undefined;
    const cap = listCap(type.name, field.name);
    if (isListType(getNullableType(field.type))) {
      if (cap === undefined) throw new Error(`${type.name}.${field.name} has no cap in caps.ts`);
      return lookup + (cap === 'page' ? 1 + childComplexity : (rows ?? cap) * (1 + childComplexity));
    }
    if (rows !== undefined) return lookup + 1 + rows * childComplexity;
    if (typeof maxDepth === 'number') return lookup + 1 + maxDepth * LINEAGE_HOP_COST + childComplexity;
    return lookup + 1 + childComplexity;
  };
}

/** Why an operation could not be priced, as the error the client gets: a bad variable or argument is named. */
function unpriceable(error: unknown): GraphQLError {
  if (error instanceof IntrospectionTooLarge) {
    return refusal(`The operation asks for more than ${MAX_INTROSPECTION_OBJECTS} introspection objects, the most one operation may have (the full introspection query needs about 1,000).`, {
      code: 'QUERY_TOO_COMPLEX', limit: MAX_INTROSPECTION_OBJECTS,
    });
  }
  const message = clip(error instanceof Error ? error.message : String(error), 300);
  const variable = /^Variable "\$([^"]+)"/.exec(message);
  if (variable) return refusal(message, { code: 'BAD_USER_INPUT', variableName: variable[1] });
  const argument = /^Argument "([^"]+)"/.exec(message);
  if (argument) return refusal(message, { code: 'BAD_USER_INPUT', argumentName: argument[1] });
  if (/maximum allowed number of nodes/.test(message)) {
    return refusal(`The query is too large to price: more than ${MAX_PRICED_NODES} selections once fragments are expanded.`, { code: 'QUERY_TOO_COMPLEX', limit: MAX_PRICED_NODES });
  }
  return refusal(`The query could not be priced, so it is refused: ${message}`, { code: 'QUERY_TOO_COMPLEX' });
}

/** Where in a variable's value a problem is, as the client wrote it: `f.kinds[2]`, keys clipped. */
function valuePath(name: string, path: readonly (string | number)[]): string {
  return name + path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${clip(key, 40)}`)).join('');
}

/**
 * Refuses variables too large to coerce, before anything walks them: more than MAX_VARIABLE_VALUES
 * values, deeper than MAX_VARIABLE_DEPTH, or a key longer than MAX_VARIABLE_KEY_LENGTH. One iterative
 * walk that stops at the first problem, so its cost is linear in the body and no stack can overflow.
 */
function variablesTooLarge(variables: Record<string, unknown>): GraphQLError | null {
  let values = 0;
  for (const [name, value] of Object.entries(variables)) {
    const tooMany = () => refusal(`The variables hold more than ${MAX_VARIABLE_VALUES} values.`, { code: 'BAD_USER_INPUT', variableName: name, limit: MAX_VARIABLE_VALUES });
    values += 1;
    if (values > MAX_VARIABLE_VALUES) return tooMany();
    // Objects and lists wait here with their depth; scalars are only counted. A container's
    // members are counted before any is visited, so an object of 12,000 keys is refused at once.
    const containers: object[] = [];
    const depths: number[] = [];
    if (value !== null && typeof value === 'object') {
      containers.push(value);
      depths.push(1);
    }
    while (containers.length > 0) {
      const container = containers.pop()!;
      const depth = depths.pop()!;
      if (depth > MAX_VARIABLE_DEPTH) {
        return refusal(`Variable "$${clip(name, 40)}" nests objects and lists more than ${MAX_VARIABLE_DEPTH} deep.`, { code: 'BAD_USER_INPUT', variableName: name, limit: MAX_VARIABLE_DEPTH });
      }
      const keys = Array.isArray(container) ? null : Object.keys(container);
      const members: unknown[] = keys ? keys.map((key) => (container as Record<string, unknown>)[key]) : (container as unknown[]);
      values += members.length;
      if (values > MAX_VARIABLE_VALUES) return tooMany();
      if (keys?.some((key) => key.length > MAX_VARIABLE_KEY_LENGTH)) {
        return refusal(`Variable "$${clip(name, 40)}" has a key longer than ${MAX_VARIABLE_KEY_LENGTH} characters.`, { code: 'BAD_USER_INPUT', variableName: name });
      }
      for (const member of members) {
        if (member !== null && typeof member === 'object') {
          containers.push(member);
          depths.push(depth + 1);
        }
      }
    }
  }
  return null;
}

/**
 * Checks the operation's variables against their declared types, as execution would, but stops at the
 * first error and never quotes the value itself (graphql-js quotes the whole value in every error, so
 * an object of 12,000 unknown keys once cost 12,000 errors of 12,000 keys each). Size first, then
 * coercion: both linear in the body. Null when the variables are fine.
 */
export function variablesProblem(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): GraphQLError | null {
  const tooLarge = variablesTooLarge(variables);
  if (tooLarge) return tooLarge;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue; // validation refused it already
    const bad = (message: string) => refusal(message, { code: 'BAD_USER_INPUT', variableName: name });
    if (!Object.prototype.hasOwnProperty.call(variables, name) || variables[name] === undefined) {
      if (isNonNullType(type) && !definition.defaultValue) return bad(`Variable "$${name}" of required type "${String(type)}" was not provided.`);
      continue;
    }
    const value = variables[name];
    if (value === null) {
      if (isNonNullType(type)) return bad(`Variable "$${name}" of non-null type "${String(type)}" must not be null.`);
      continue;
    }
    try {
      coerceInputValue(value, type, (path, _invalid, error) => {
        throw bad(`Variable "$${name}" has an invalid value${path.length > 0 ? ` at "${valuePath(name, path)}"` : ''}: ${clip(error.message, 300)}`);
      });
    } catch (error) {
      if (error instanceof GraphQLError) return error;
      throw error;
    }
  }
  return null;
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

/** Names a response key or variable must not take: the properties every JavaScript object inherits. */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Refuses an alias that is an inherited property of every JavaScript object (`__proto__`,
 * `constructor`, `toString`...) or starts with `__` (reserved for introspection): answers are objects
 * keyed by response name, in the service and in its clients. Variables with such names likewise.
 */
export const reservedNamesRule: ValidationRule = (context) => ({
  Field(node) {
    const alias = node.alias?.value;
    if (alias && (alias.startsWith('__') || INHERITED_NAMES.has(alias))) {
      context.reportError(new GraphQLError(`The alias "${alias}" is reserved: choose another.`, { nodes: [node.alias!] }));
    }
  },
  VariableDefinition(node) {
    const name = node.variable.name.value;
    if (name.startsWith('__') || INHERITED_NAMES.has(name)) {
      context.reportError(new GraphQLError(`The variable name "$${name}" is reserved: choose another.`, { nodes: [node.variable] }));
    }
  },
});

/** Refuses an operation whose type the schema has no root for (`subscription { x }`): graphql-js 16 lets it through validation. */
export const knownOperationTypeRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This service has no ${node.operation} operations: send a query or a mutation.`, { nodes: [node] }));
    }
  },
});

/**
 * Bounds the work of every operation before it runs. Its variables are checked first (size, then
 * types, stopping at the first error). Then it is priced: one over the cost limit, one with more than
 * MAX_TEXT_LOOKUPS text lookups or MAX_INTROSPECTION_OBJECTS introspection objects, or one that cannot be priced is refused and no Cypher is sent; the
 * cost of an accepted one is reported in `extensions.cost`.
 */
export function costLimitPlugin(schema: GraphQLSchema, limits: Limits): ApolloServerPlugin<Context> {
  // The price depends on the document, operation and variables alone: a repeated request reuses it.
  const prices = new DocumentMemo<Priced>(4 * 1024 * 1024, () => 64);
  return {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation({ request, document, operation }) {
          const variables = request.variables ?? {};
          // Checked before anything walks them whole (the key below): they may be hostile.
          const problem = operation && variablesProblem(schema, operation, variables);
          if (problem) throw problem;
          const priced = prices.get(document, `${request.operationName ?? ''}\u0000${JSON.stringify(variables)}`, () => {
            const price: Priced = { cost: 0, textLookups: 0, introspectionObjects: 0 };
            try {
              price.cost = getComplexity({
                schema,
                query: document,
                variables,
                operationName: request.operationName ?? undefined,
                estimators: [costEstimator(schema, document, price)],
                maxQueryNodes: MAX_PRICED_NODES,
              });
            } catch (error) {
              throw unpriceable(error);
            }
            return price;
          });
          cost = priced.cost;
          if (priced.textLookups > MAX_TEXT_LOOKUPS) {
            cost = undefined;
            throw refusal(
              `The operation makes ${priced.textLookups} text lookups (search, text filters, rulesTouching by name); at most ${MAX_TEXT_LOOKUPS} are allowed in one operation.`,
              { code: 'QUERY_TOO_COMPLEX', textLookups: priced.textLookups, limit: MAX_TEXT_LOOKUPS },
            );
          }
          if (priced.introspectionObjects > MAX_INTROSPECTION_OBJECTS) {
            cost = undefined;
            throw refusal(
              `The operation asks for ${priced.introspectionObjects} introspection objects; at most ${MAX_INTROSPECTION_OBJECTS} are allowed in one operation (the full introspection query needs about 1,000).`,
              { code: 'QUERY_TOO_COMPLEX', introspectionObjects: priced.introspectionObjects, limit: MAX_INTROSPECTION_OBJECTS },
            );
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
