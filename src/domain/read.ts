import Cypher from '@neo4j/cypher-builder';
import { getNullableType, GraphQLResolveInfo, GraphQLSchema, isListType } from 'graphql';
import { Context } from '../graphql/context';
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

/**
 * Answers a root field with one statement that builds its whole selection. A list field gets
 * every row's value, any other field the first row's value or null.
 */
export async function readRoot<T>(context: Context, info: GraphQLResolveInfo, read: RootRead): Promise<T | T[] | null> {
  const statement = statementOf(info.fieldName, read(planOf(info), compilerFor(info.schema)));
  const rows = await context.graph.read<Record<typeof VALUE, T>>(statement.query, statement.params);
  if (isListType(getNullableType(info.returnType))) return rows.map((row) => row[VALUE]);
  return rows[0]?.[VALUE] ?? null;
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
