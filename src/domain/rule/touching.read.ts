import Cypher from '@neo4j/cypher-builder';
import { Compiler } from '../../read/compiler';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { heldOn } from '../../read/temporal';
import { EntityKind, touchableLabels } from '../entities';
import { hasAnyLabel } from '../search/search.read';
import { toLuceneQuery } from '../search/lucene';
import { TOUCH_TYPES } from './rule.read';

/** Hits scoring at least this share of the best hit count as what the text names. */
const RELATIVE_SCORE = 0.5;

/** The entities a name stands for: the best full-text hits among touchable kinds, plus the makers of products found. */
function targetsNamed(lucene: string, target: Cypher.Node): Cypher.Clause {
  const node = new Cypher.Node();
  const score = new Cypher.Variable();
  const hits = new Cypher.Variable();
  const top = new Cypher.Variable();
  const hit = new Cypher.Variable();
  const found = new Cypher.Variable();
  const makers = new Cypher.Variable();
  const maker = new Cypher.Node();
  const product = new Cypher.Node();
  const other = new Cypher.Variable();

  const best = new Cypher.ListComprehension(hit)
    .in(hits)
    .where(Cypher.gte(hit.property('score'), Cypher.multiply(top, new Cypher.Literal(RELATIVE_SCORE))))
    .map(hit.property('node'));
  const makersOfFound = new Cypher.Unwind([found, product])
    .match(new Cypher.Pattern(product, { labels: ['ChipProduct'] }).related({ type: 'MADE_BY' }).to(maker, { labels: ['Company'] }))
    .return([Cypher.collect(maker).distinct(), makers]);
  return Cypher.db.index.fulltext
    .queryNodes('entity_text', new Cypher.Param(lucene))
    .yield(['node', node], ['score', score])
    .where(hasAnyLabel(node, touchableLabels))
    .with([Cypher.collect(new Cypher.Map({ node, score })), hits], [Cypher.max(score), top])
    .with([best, found])
    .call(makersOfFound, [found])
    .unwind([Cypher.plus(found, new Cypher.ListComprehension(other).in(makers).where(Cypher.not(Cypher.in(other, found)))), target]);
}

/** The entity an id names, when its kind can be touched; no rows otherwise. */
function targetById(kind: EntityKind, id: string, target: Cypher.Node): Cypher.Clause {
  return new Cypher.Match(new Cypher.Pattern(target, { labels: [kind.type], properties: { id: new Cypher.Param(id) } }));
}

/**
 * Rules that touch the targets, directly or through the maker of a product (a rule on a company
 * touches its products), each touch once, in rule order, nearest path first.
 */
function touchesOf(targets: Cypher.Clause, target: Cypher.Node, asOf: unknown, cap: number, selection: Selection, compiler: Compiler): Cypher.Clause {
  const rule = new Cypher.Node();
  const touch = new Cypher.Relationship();
  const maker = new Cypher.Node();
  const direct = new Cypher.Match(new Cypher.Pattern(rule, { labels: ['Rule'] }).related(touch, { type: Cypher.labelExpr.or(...TOUCH_TYPES) }).to(target))
    .return(rule, touch, [Cypher.Null, maker]);
  const throughMaker = new Cypher.Match(
    new Cypher.Pattern(rule, { labels: ['Rule'] })
      .related(touch, { type: Cypher.labelExpr.or(...TOUCH_TYPES) })
      .to(maker, { labels: ['Company'] })
      .related({ type: 'MADE_BY', direction: 'left' })
      .to(target),
  ).return(rule, touch, maker);
  const found = Cypher.utils.concat(targets, new Cypher.Call(new Cypher.Union(direct, throughMaker), [target]));
  const touching = new Cypher.With('*');
  if (asOf) touching.where(heldOn(touch.property('validFrom'), touch.property('validTo'), new Cypher.Param(asOf)));
  return Cypher.utils.concat(
    found,
    touching
      .return([compiler.object('Touch', selection, { rule, rel: touch, target, maker }), VALUE])
      .orderBy([rule.property('id'), 'ASC'], [Cypher.isNotNull(maker), 'ASC'], [target.property('id'), 'ASC'])
      .limit(new Cypher.Literal(cap)),
  );
}

/** rulesTouching: an id goes straight to its node, a name through the full-text index; null when the text has no words. */
export const rulesTouching = (entity: string, kind: EntityKind | null, asOf: unknown, cap: number) => {
  const lucene = kind ? null : toLuceneQuery(entity);
  if (!kind && !lucene) return null;
  return (selection: Selection, compiler: Compiler) => {
    const target = new Cypher.Node();
    const targets = kind ? targetById(kind, entity, target) : targetsNamed(lucene!, target);
    return touchesOf(targets, target, asOf, cap, selection, compiler);
  };
};
