import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  DocumentNode, execute, ExecutionResult, getNamedType, getVariableValues, GraphQLError, GraphQLInputType, GraphQLSchema, isInputObjectType,
  isScalarType, isSpecifiedScalarType, Kind, OperationDefinitionNode, parseType, TypeInfo, typeFromAST, ValueNode, valueFromASTUntyped,
  VariableDefinitionNode, visit, visitWithTypeInfo,
} from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

let compiledOperations = 0;

/** Operations compiled since the process started, by every server in it: tests read it to see which path ran. */
export const compiledOperationCount = () => compiledOperations;

/** A value the compiled operation takes as a variable of this name, read from the request's text each time. */
interface CarriedValue {
  name: string;
  value: ValueNode;
}

interface Compiled {
  query: CompiledQuery;
  /** Literal arguments turned into variables. */
  literals: CarriedValue[];
  /** Variables' default values, applied when the request leaves the variable out. */
  defaults: CarriedValue[];
}

/** The AST of `$name`. */
const variableNamed = (name: string) => ({ kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } }) as const;

/** Whether a value of the input type can hold a scalar of the schema's own (Date, DateTime, JSONObject). */
function holdsCustomScalar(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return !isSpecifiedScalarType(named);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => holdsCustomScalar(field.type, seen));
}

/**
 * graphql-jit writes literal arguments and variables' default values into the function it compiles
 * as JSON, which keeps a string but not what a custom scalar parsed it into (a Date argument arrives
 * as a Neo4j date object, and would arrive as a plain one). So, for the compiled copy of the
 * operation only: such literals become variables of the same type, and such defaults are dropped and
 * applied per request; each request then passes their text as variables, which the scalar parses.
 */
function carryCustomScalars(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) {
  const literals: (CarriedValue & { type: GraphQLInputType })[] = [];
  const typeInfo = new TypeInfo(schema);
  const rewritten = visit(document, visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const type = typeInfo.getInputType();
      if (!type || node.value.kind === Kind.VARIABLE || !holdsCustomScalar(type)) return undefined;
      const name = `compiledLiteral${literals.length}`;
      literals.push({ name, type, value: node.value });
      return { ...node, value: variableNamed(name) };
    },
  }));
  const defaults: CarriedValue[] = [];
  const definitions = (operation.variableDefinitions ?? []).map((definition): VariableDefinitionNode => {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!definition.defaultValue || !type || !holdsCustomScalar(type)) return definition;
    defaults.push({ name: definition.variable.name.value, value: definition.defaultValue });
    return { ...definition, defaultValue: undefined };
  });
  const added = literals.map(({ name, type }): VariableDefinitionNode => ({
    kind: Kind.VARIABLE_DEFINITION,
    variable: variableNamed(name),
    type: parseType(String(type)),
  }));
  const index = document.definitions.indexOf(operation);
  const definitionsOut = rewritten.definitions.map((definition, at) =>
    at === index && definition.kind === Kind.OPERATION_DEFINITION ? { ...definition, variableDefinitions: [...definitions, ...added] } : definition);
  return { document: { ...rewritten, definitions: definitionsOut }, literals: literals.map(({ name, value }) => ({ name, value })), defaults };
}

/**
 * graphql-jit's errors pass `instanceof GraphQLError` but leave `extensions` undefined when the
 * thrown error had none, where graphql-js always gives an object, and Apollo reads `extensions.code`
 * on each. They are rebuilt as graphql-js's own, keeping message, locations, path and what was thrown.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((error) => {
    const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
    (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
    return rebuilt;
  });
  return { ...result, errors };
}

/**
 * Executes queries with graphql-jit: each operation is compiled once into a function that calls the
 * same resolvers, then checks nulls, serialises scalars and resolves abstract types without walking
 * the schema again (graphql-js does that walk per field per request: a fifth of a small request's CPU
 * and a quarter of a large one's). Apollo has one hook for its own executor, the gateway interface;
 * this is that interface over the local schema, so Apollo still parses, validates, prices (plugins),
 * formats errors and serialises as before.
 *
 * graphql-js still executes mutations (their fields run one after another, and a failed write's
 * error must read exactly as it always has), subscriptions (graphql-ws runs them on the schema
 * directly) and any operation graphql-jit declines to compile. Variables are coerced by graphql-js
 * first, so a bad variable is refused with the same message and code as before.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  // Apollo keeps one parsed document per query text, so the document object identifies it across requests.
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled | null>>();
  const compiledFor = (document: DocumentNode, operation: OperationDefinitionNode): Compiled | null => {
    const name = operation.name?.value ?? '';
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    if (!byOperation.has(name)) {
      const carried = carryCustomScalars(schema, document, operation);
      const query = compileQuery(schema, carried.document, operation.name?.value);
      compiledOperations += 1;
      byOperation.set(name, isCompiledQuery(query) ? { query, literals: carried.literals, defaults: carried.defaults } : null);
    }
    return byOperation.get(name)!;
  };

  const executor: GatewayExecutor = async ({ document, operation, request, context }) => {
    const given = request.variables ?? {};
    // Apollo calls with no operation when the document names none it can pick (two anonymous ones):
    // graphql-js's execute then answers with the error that says so.
    const plan = operation?.operation === 'query' ? compiledFor(document, operation) : null;
    if (!plan) return execute({ schema, document, contextValue: context, variableValues: given, operationName: request.operationName });
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schema, operation.variableDefinitions, given, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    const variables: Record<string, unknown> = { ...given };
    for (const { name, value } of plan.defaults) if (!(name in given)) variables[name] = valueFromASTUntyped(value);
    for (const { name, value } of plan.literals) variables[name] = valueFromASTUntyped(value, given);
    return withGraphQLErrors(await plan.query.query(undefined, context, variables));
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
