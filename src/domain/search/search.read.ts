import Cypher from '@neo4j/cypher-builder';
import { Compiler, ReadModel } from '../../read/compiler';
import { scoped } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { findableLabels } from '../entities';
import { toLuceneQuery } from './lucene';

export const searchReaders: ReadModel = {
  SearchHit: {
    fields: {
      entity: scoped('Entity', 'node'),
      score: (_field, { score }) => score,
    },
  },
};

/** The label test "is one of these kinds", for a node found by the full-text index (which also covers sources). */
export function hasAnyLabel(node: Cypher.Node, labels: readonly string[]): Cypher.Predicate {
  return Cypher.or(...labels.map((label) => node.hasLabel(label)))!;
}

/** Best full-text hits over every findable kind, best first; null when the text has no words to look for. */
export const searchHits = (text: string, first: number) => {
  const lucene = toLuceneQuery(text);
  if (!lucene) return null;
  return (selection: Selection, compiler: Compiler) => {
    const node = new Cypher.Node();
    const score = new Cypher.Variable();
    return Cypher.db.index.fulltext
      .queryNodes('entity_text', new Cypher.Param(lucene), { limit: new Cypher.Literal(first * 2) })
      .yield(['node', node], ['score', score])
      .where(hasAnyLabel(node, findableLabels))
      .return([compiler.object('SearchHit', selection, { node, score }), VALUE])
      .orderBy([score, 'DESC'], [node.property('id'), 'ASC'])
      .limit(new Cypher.Literal(first));
  };
};
