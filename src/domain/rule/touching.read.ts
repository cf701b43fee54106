import Cypher from '@neo4j/cypher-builder';
import { Compiler } from '../../read/compiler';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { heldOn } from '../../read/temporal';
import { EntityKind } from '../entities';
import { nameLookup, touchTargets } from '../search/names';
import { namesSubquery } from '../search/search.read';
import { TOUCH_TYPES } from './rule.read';

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

/** rulesTouching: an id goes straight to its node, a name through names.ts's lookups; null when the text has no words. */
export const rulesTouching = (entity: string, kind: EntityKind | null, asOf: unknown, cap: number) => {
  const names = kind ? null : nameLookup(entity);
  if (!kind && !names) return null;
  return (selection: Selection, compiler: Compiler) => {
    const target = kind ? new Cypher.Node() : new Cypher.NamedNode('target');
    const targets = kind ? targetById(kind, entity, target) : namesSubquery(touchTargets, names!);
    return touchesOf(targets, target, asOf, cap, selection, compiler);
  };
};
