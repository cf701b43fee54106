import Cypher from '@neo4j/cypher-builder';
import { getNullableType, GraphQLResolveInfo, GraphQLSchema, isListType } from 'graphql';
import { Context } from '../graphql/context';
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

export function compileRoot(info: GraphQLResolveInfo, read: RootRead): CompiledRead {
  return { statement: statementOf(info.fieldName, read(planOf(info), compilerFor(info.schema))), list: isListType(getNullableType(info.returnType)) };
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
  const statement = statementOf(info.fieldName, read(planOf(info), compilerFor(info.schema)));
  return context.graph.read<R>(statement.query, statement.params);
}

/** A nested field's value: what the root statement stored under the field's response key. */
export function readField<T>(parent: object, info: GraphQLResolveInfo): T {
  return (parent as Record<string, T>)[info.path.key as string];
}
