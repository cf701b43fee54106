import Cypher from '@neo4j/cypher-builder';
import { Compiler } from '../../read/compiler';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { EntityKind } from '../entities';

/**
 * One entity by id, on its label's id index. `asType` is the field's declared type: the kind's
 * own type for rule(id), tier(id), ...; an abstract type (Node) for node(id), when the answer
 * also carries its __typename.
 */
export const entityById = (kind: EntityKind, id: string, abstract: boolean) => (selection: Selection, compiler: Compiler) => {
  const node = new Cypher.Node();
  const projection = compiler.object(kind.type, selection, { node });
  if (abstract) projection.set('__typename', new Cypher.Literal(kind.type));
  return new Cypher.Match(new Cypher.Pattern(node, { labels: [kind.type], properties: { id: new Cypher.Param(id) } })).return([projection, VALUE]);
};

/** Every entity of one kind, in the order of `orderBy`, at most `cap` (officials, agencies, ECCNs, country groups). */
export const entitiesOfKind = (kind: EntityKind, orderBy: (node: Cypher.Node) => Cypher.Expr[], cap: number) => (selection: Selection, compiler: Compiler) => {
  const node = new Cypher.Node();
  return new Cypher.Match(new Cypher.Pattern(node, { labels: [kind.type] }))
    .return([compiler.object(kind.type, selection, { node }), VALUE])
    .orderBy(...orderBy(node).map((key): [Cypher.Expr, 'ASC'] => [key, 'ASC']))
    .limit(new Cypher.Literal(cap));
};
