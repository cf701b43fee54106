import Cypher from '@neo4j/cypher-builder';
import { Compiler, ReadModel } from '../../read/compiler';
import { scoped } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { NameLookup, searchHits as searchHitsBody, searchLookup } from './names';

export const searchReaders: ReadModel = {
  SearchHit: {
    fields: {
      entity: scoped('Entity', 'node'),
      score: (_field, { score }) => score,
    },
  },
};

/**
 * A fixed subquery body of names.ts as a CALL: the builder has no full-text fallback chains, so
 * the body is a constant text whose one parameter, `$names`, carries what the person typed.
 */
export function namesSubquery(body: string, names: NameLookup): Cypher.Call {
  return new Cypher.Call(new Cypher.Raw(() => [body, { names }]), []);
}

/** Best hits over every findable kind, best first; null when the text has no words to look for. */
export const searchHits = (text: string, first: number) => {
  const names = searchLookup(text, first);
  if (!names) return null;
  return (selection: Selection, compiler: Compiler) => {
    const node = new Cypher.NamedNode('node');
    const score = new Cypher.NamedVariable('score');
    return namesSubquery(searchHitsBody, names)
      .return([compiler.object('SearchHit', selection, { node, score }), VALUE])
      .orderBy([score, 'DESC'], [node.property('id'), 'ASC']);
  };
};
