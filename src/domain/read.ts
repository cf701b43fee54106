import Cypher from '@neo4j/cypher-builder';
import { getNullableType, GraphQLResolveInfo, GraphQLSchema, isListType } from 'graphql';
import { Context } from '../graphql/context';
import { DocumentMemo } from '../graphql/document-memo';
import { Statement } from '../neo4j/graph';
import { Compiler } from '../read/compiler';
import { planOf, Selection } from '../read/plan';
import { statementOf, VALUE } from '../read/statement';
import { readModel } from './read-model';

/** Builds a root field's statement from its selection; the statement answers in the column `value`. */
export type RootRead = (selection: Selection, compiler: Compiler) => Cypher.Clause;

const compilers = new WeakMap<GraphQLSchema, Compiler>();

function compilerFor(schema: GraphQLSchema): Compiler {
  let compiler = compilers.get(schema);
  if (!compiler) {
    compiler = new Compiler(schema, readModel);
    compilers.set(schema, compiler);
  }
  return compiler;
}

/** A root field's statement, compiled from its selection: a selection the compiler refuses is refused here, before anything runs. */
export interface CompiledRead {
  statement: Statement;
  /** Whether the field is a list (every row's value) or not (the first row's value, or null). */
  list: boolean;
}

/**
 * Compiled statements of query root fields. A query's statement is a function of its operation,
 * response key and variables alone, so a repeated request skips planning and building its Cypher
 * (most of our own time on a small lookup). Mutations are never kept: their answers name what the
 * write made.
 */
const compiledReads = new DocumentMemo<CompiledRead>(32 * 1024 * 1024, (compiled) => compiled.statement.query.cypher.length + JSON.stringify(compiled.statement.params).length);

export function compileRoot(info: GraphQLResolveInfo, read: RootRead): CompiledRead {
  const compile = () => ({ statement: statementOf(info.fieldName, read(planOf(info), compilerFor(info.schema))), list: isListType(getNullableType(info.returnType)) });
  if (info.operation.operation !== 'query') return compile();
  return compiledReads.get(info.operation, `${String(info.path.key)}\u0000${JSON.stringify(info.variableValues)}`, compile);
}

/** The field's value from the rows its statement returned. */
export function valueOf<T>(compiled: CompiledRead, rows: Record<typeof VALUE, T>[]): T | T[] | null {
  return compiled.list ? rows.map((row) => row[VALUE]) : (rows[0]?.[VALUE] ?? null);
}

/**
 * Answers a root field with one statement that builds its whole selection. A list field gets
 * every row's value, any other field the first row's value or null.
 */
export async function readRoot<T>(context: Context, info: GraphQLResolveInfo, read: RootRead): Promise<T | T[] | null> {
  const compiled = compileRoot(info, read);
  return valueOf(compiled, await context.graph.read<Record<typeof VALUE, T>>(compiled.statement.query, compiled.statement.params));
}

/** The rows of a root field's one statement, for a root field that reads more than `value` from them (e.g. whether its entity was found). */
export async function readRows<R extends Record<string, unknown>>(context: Context, info: GraphQLResolveInfo, read: RootRead): Promise<R[]> {
  const { statement } = compileRoot(info, read);
  return context.graph.read<R>(statement.query, statement.params);
}

/** A nested field's value: what the root statement stored under the field's response key. */
export function readField<T>(parent: object, info: GraphQLResolveInfo): T {
  return (parent as Record<string, T>)[info.path.key as string];
}
