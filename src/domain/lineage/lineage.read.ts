import Cypher from '@neo4j/cypher-builder';
import { LIST_CAPS } from '../../read/caps';
import { Compiler, ReadModel } from '../../read/compiler';
import { property, relationshipType, scoped } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { LINEAGE_TYPES } from './lineage.kinds';

export const MAX_LINEAGE_DEPTH = 25;
export { LINEAGE_TYPES };
export type LineageDirection = 'ANCESTORS' | 'DESCENDANTS' | 'BOTH';

/** Any lineage relationship type, as a pattern's type expression. */
export const lineageTypes = () => Cypher.labelExpr.or(...LINEAGE_TYPES);

export const lineageReaders: ReadModel = {
  Lineage: {
    fields: {
      root: scoped('Rule', 'root'),
      rules: (field, { reached }, compiler) => {
        const rule = new Cypher.Node();
        const each = new Cypher.Unwind([reached, rule])
          .return(compiler.node('Rule', field, rule))
          .limit(new Cypher.Literal(LIST_CAPS['Lineage.rules']));
        return new Cypher.Collect(each);
      },
      edges: (field, { links }, compiler) => {
        const rel = new Cypher.Relationship();
        const from = new Cypher.Node();
        const to = new Cypher.Node();
        const each = new Cypher.Unwind([links, rel])
          .with(rel, [Cypher.startNode(rel), from], [Cypher.endNode(rel), to])
          .return(compiler.object('LineageEdge', field, { rel, from, to }))
          .limit(new Cypher.Literal(LIST_CAPS['Lineage.edges']));
        return new Cypher.Collect(each);
      },
      // What the drawing needs; Lineage.mermaid turns it into a flowchart.
      mermaid: (_field, { root, reached, links }) => {
        const rule = new Cypher.Variable();
        const rel = new Cypher.Relationship();
        const from = new Cypher.Node();
        const to = new Cypher.Node();
        const edges = new Cypher.Unwind([links, rel])
          .with(rel, [Cypher.startNode(rel), from], [Cypher.endNode(rel), to])
          .return(new Cypher.Map({ fromId: from.property('id'), toId: to.property('id'), kind: Cypher.type(rel) }));
        return new Cypher.Map({
          rootId: root.property('id'),
          rules: new Cypher.ListComprehension(rule).in(reached).map(new Cypher.MapProjection(rule, ['id', 'title', 'shortName'])),
          edges: new Cypher.Collect(edges),
        });
      },
    },
  },
  LineageEdge: {
    fields: {
      from: scoped('Rule', 'from'),
      to: scoped('Rule', 'to'),
      kind: relationshipType(),
      on: property('on', 'rel'),
      note: property('note', 'rel'),
    },
  },
};

/**
 * What a rule acted on (ancestors: edges out of it) and what acted on it (descendants: edges into
 * it), up to `maxDepth` hops, as sets, never as paths: each direction is one breadth-first walk that
 * keeps each rule once (Neo4j plans a variable-length match whose ends are only collected DISTINCT as
 * VarLengthExpand(Pruning,BFS)), then the links among the rules reached are one expand per rule.
 * Work grows with rules and links, not with the number of paths between them (a ladder of 25 rules
 * linked by every kind has 7^24 paths; test/integration/lineage-sets.test.ts bounds its db hits).
 * The root comes first, the other rules by id; links by their ends' ids and kind.
 */
export const ruleLineage = (id: string, direction: LineageDirection, maxDepth: number) => (selection: Selection, compiler: Compiler) => {
  const root = new Cypher.Node();
  const walk = (towards: 'right' | 'left') => {
    const rule = new Cypher.Node();
    const found = new Cypher.Variable();
    const reach = new Cypher.OptionalMatch(
      new Cypher.Pattern(root).related({ type: lineageTypes(), direction: towards, length: { min: 1, max: maxDepth } }).to(rule, { labels: ['Rule'] }),
    ).return([Cypher.collect(rule).distinct(), found]);
    return { call: new Cypher.Call(reach, [root]), found };
  };
  const walks = [...(direction !== 'DESCENDANTS' ? [walk('right')] : []), ...(direction !== 'ANCESTORS' ? [walk('left')] : [])];
  const reached = new Cypher.Variable();
  const other = new Cypher.Node();
  const found = walks.map((each) => each.found).reduce<Cypher.Expr>((all, list) => Cypher.plus(all, list), new Cypher.List([]));
  const others = new Cypher.Collect(
    new Cypher.Unwind([found, other]).with(other).distinct().where(Cypher.neq(other, root)).return(other).orderBy(other.property('id')),
  );
  const gathered = new Cypher.With(root, [Cypher.plus(new Cypher.List([root]), others), reached]);

  const links = new Cypher.Variable();
  const from = new Cypher.Node();
  const to = new Cypher.Node();
  const link = new Cypher.Relationship();
  const among = new Cypher.Call(
    new Cypher.Unwind([reached, from])
      .match(new Cypher.Pattern(from).related(link, { type: lineageTypes(), direction: 'right' }).to(to))
      .where(Cypher.in(to, reached))
      .with(link, from, to)
      .orderBy(from.property('id'), to.property('id'), Cypher.type(link))
      .return([Cypher.collect(link), links]),
    [reached],
  );
  const start = new Cypher.Match(new Cypher.Pattern(root, { labels: ['Rule'], properties: { id: new Cypher.Param(id) } }));
  return Cypher.utils.concat(start, ...walks.map((each) => each.call), gathered, among, new Cypher.Return([compiler.object('Lineage', selection, { root, reached, links }), VALUE]));
};

/** One lineage link, as linkRules returns it after writing it. */
export const lineageLink = (fromId: string, toId: string, kind: string) => (selection: Selection, compiler: Compiler) => {
  const from = new Cypher.Node();
  const to = new Cypher.Node();
  const rel = new Cypher.Relationship();
  return new Cypher.Match(
    new Cypher.Pattern(from, { labels: ['Rule'], properties: { id: new Cypher.Param(fromId) } })
      .related(rel, { type: kind })
      .to(to, { labels: ['Rule'], properties: { id: new Cypher.Param(toId) } }),
  ).return([compiler.object('LineageEdge', selection, { rel, from, to }), VALUE]);
};
