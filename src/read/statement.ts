import Cypher from '@neo4j/cypher-builder';
import { Statement } from '../neo4j/graph';

/** The column every root statement answers in: one row for a single value, one row per item for a list. */
export const VALUE = 'value';

/** A root field's clause as a named, parameterised statement; the builder named every parameter. */
export function statementOf(name: string, clause: Cypher.Clause): Statement {
  const { cypher, params } = clause.build();
  return { query: { name, cypher }, params };
}
