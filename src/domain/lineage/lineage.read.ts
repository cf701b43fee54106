import Cypher from '@neo4j/cypher-builder';
import { LIST_CAPS } from '../../read/caps';
import { Compiler, ReadModel } from '../../read/compiler';
import { property, relationshipType, scoped } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';

export const MAX_LINEAGE_DEPTH = 25;
export const LINEAGE_TYPES = ['REVOKES', 'AMENDS', 'SUPERSEDES', 'IMPLEMENTS'];
export type LineageDirection = 'ANCESTORS' | 'DESCENDANTS' | 'BOTH';

/** The root first, then the two ends of each link in turn; callers keep each rule once. */
function rulesOf(root: Cypher.Variable, links: Cypher.Variable): Cypher.Expr {
  const rules = new Cypher.Variable();
  const link = new Cypher.Relationship();
  return Cypher.reduce(rules, new Cypher.List([root]), link, links, Cypher.plus(rules, new Cypher.List([Cypher.startNode(link), Cypher.endNode(link)])));
}

export const lineageReaders: ReadModel = {
  Lineage: {
    fields: {
      root: scoped('Rule', 'root'),
      rules: (field, { root, links }, compiler) => {
        const rule = new Cypher.Node();
        const unique = new Cypher.Unwind([rulesOf(root, links), rule])
          .with(rule)
          .distinct()
          .return(compiler.node('Rule', field, rule))
          .limit(new Cypher.Literal(LIST_CAPS['Lineage.rules']));
        return new Cypher.Collect(unique);
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
      mermaid: (_field, { root, links }) => {
        const rule = new Cypher.Variable();
        const rel = new Cypher.Relationship();
        const from = new Cypher.Node();
        const to = new Cypher.Node();
        const edges = new Cypher.Unwind([links, rel])
          .with(rel, [Cypher.startNode(rel), from], [Cypher.endNode(rel), to])
          .return(new Cypher.Map({ fromId: from.property('id'), toId: to.property('id'), kind: Cypher.type(rel) }));
        return new Cypher.Map({
          rootId: root.property('id'),
          rules: new Cypher.ListComprehension(rule).in(rulesOf(root, links)).map(new Cypher.MapProjection(rule, ['id', 'title', 'shortName'])),
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
 * What a rule acted on (ancestors: edges out of it) and what acted on it (descendants: edges
 * into it), up to `maxDepth` hops, each link once. The bound is written into the pattern so the
 * planner knows how far to walk.
 */
export const ruleLineage = (id: string, direction: LineageDirection, maxDepth: number) => (selection: Selection, compiler: Compiler) => {
  const root = new Cypher.Node();
  const links = new Cypher.Variable();
  const walk = (towards: 'right' | 'left') => {
    const path = new Cypher.PathVariable();
    const paths = new Cypher.Variable();
    const found = new Cypher.OptionalMatch(
      new Cypher.Pattern(root).related({ type: Cypher.labelExpr.or(...LINEAGE_TYPES), direction: towards, length: { min: 1, max: maxDepth } }).to({ labels: ['Rule'] }).assignTo(path),
    ).return([Cypher.collect(path), paths]);
    return { call: new Cypher.Call(found, [root]), paths };
  };
  const walks = [...(direction !== 'DESCENDANTS' ? [walk('right')] : []), ...(direction !== 'ANCESTORS' ? [walk('left')] : [])];
  const path = new Cypher.Variable();
  const link = new Cypher.Variable();
  const allPaths = walks.map((each) => each.paths).reduce<Cypher.Expr>((all, paths) => Cypher.plus(all, paths), new Cypher.List([]));
  const distinctLinks = new Cypher.Call(
    new Cypher.Unwind([allPaths, path]).unwind([Cypher.relationships(path as never), link]).return([Cypher.collect(link).distinct(), links]),
    walks.map((each) => each.paths),
  );
  const start = new Cypher.Match(new Cypher.Pattern(root, { labels: ['Rule'], properties: { id: new Cypher.Param(id) } }));
  return Cypher.utils.concat(start, ...walks.map((each) => each.call), distinctLinks, new Cypher.Return([compiler.object('Lineage', selection, { root, links }), VALUE]));
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
