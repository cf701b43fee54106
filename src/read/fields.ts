import Cypher from '@neo4j/cypher-builder';
import { FieldReader, Scope } from './compiler';
import { Selection } from './plan';

/**
 * Building blocks of the read model: each returns a FieldReader. Every list is read in a
 * COLLECT subquery with an ORDER BY and a LIMIT, so no list is unbounded or unordered.
 */

export type Direction = 'out' | 'in';

/** One hop from the object's node: relationship types, direction, and the label at the far end (any when absent). */
export interface Hop {
  types: string[];
  direction: Direction;
  label?: string;
}

/** A scalar property of the scope's variable (`node` unless told otherwise). */
export const property = (name: string, from = 'node'): FieldReader => (_field, scope) => scope[from].property(name);

/** A list property that may be absent on older nodes: an empty list then, as the schema promises. */
export const listProperty = (name: string, from = 'node'): FieldReader => (_field, scope) => Cypher.coalesce(scope[from].property(name), new Cypher.List([]));

/** A relationship fact's `confidence`, STATED when the fact does not carry one (docs/graph-model.md). */
export const confidence = (from = 'rel'): FieldReader => (_field, scope) => Cypher.coalesce(scope[from].property('confidence'), new Cypher.Literal('STATED'));

/** Another variable of the scope, projected as an object of `typeName` (e.g. a TierAssignment's tier). */
export const scoped = (typeName: string, from: string): FieldReader => (field, scope, compiler) => compiler.node(typeName, field, scope[from]);

/** The type of the scope's relationship, e.g. TARGETS. */
export const relationshipType = (from = 'rel'): FieldReader => (_field, scope) => Cypher.type(scope[from] as Cypher.Relationship);

export function pattern(from: Cypher.Variable, hop: Hop, rel: Cypher.Relationship, other: Cypher.Node): Cypher.Pattern {
  const type = hop.types.length === 1 ? hop.types[0] : Cypher.labelExpr.or(...hop.types);
  return new Cypher.Pattern(from)
    .related(rel, { type, direction: hop.direction === 'out' ? 'right' : 'left' })
    .to(other, hop.label ? { labels: [hop.label] } : undefined) as unknown as Cypher.Pattern;
}

export interface ListOptions {
  /** Sort keys, first to last. */
  orderBy: (rel: Cypher.Relationship, other: Cypher.Node) => Cypher.Expr[];
  /** Most items the list returns; the same cap prices it. */
  cap: number;
  /** A condition on each item, given the field's arguments. */
  where?: (rel: Cypher.Relationship, other: Cypher.Node, args: Selection['args'], from: Cypher.Variable) => Cypher.Predicate | undefined;
  /**
   * A relationship index the planner must seek (`IN_TIER(countryCode, validFrom)`): on a small graph it
   * would rather expand, and the statement must not grow with the graph. The builder writes no hints, so
   * this MATCH is the builder's Raw clause around builder-compiled parts.
   */
  seek?: string;
}

/**
 * Items one hop away, each read by `item`: the far node itself (`related`) or an object made of
 * the relationship and both ends (`across`).
 */
function hopList(hop: Hop, options: ListOptions, item: (field: Selection, scope: Scope, rel: Cypher.Relationship, other: Cypher.Node, compiler: Parameters<FieldReader>[2]) => Cypher.Expr, single = false): FieldReader {
  return (field, scope, compiler) => {
    const rel = new Cypher.Relationship();
    const other = new Cypher.Node();
    const where = options.where?.(rel, other, field.args, scope.node);
    const picked = new Cypher.Return(item(field, scope, rel, other, compiler))
      .orderBy(...options.orderBy(rel, other).map((key): [Cypher.Expr, 'ASC'] => [key, 'ASC']))
      .limit(new Cypher.Literal(single ? 1 : options.cap));
    const collected = new Cypher.Collect(Cypher.utils.concat(matchOf(pattern(scope.node, hop, rel, other), rel, where, options.seek), picked));
    return single ? Cypher.head(collected) : collected;
  };
}

function matchOf(found: Cypher.Pattern, rel: Cypher.Relationship, where: Cypher.Predicate | undefined, seek: string | undefined): Cypher.Clause {
  if (!seek) {
    const match = new Cypher.Match(found);
    return where ? match.where(where) : match;
  }
  return new Cypher.Raw((env) => `MATCH ${env.compile(found)}\nUSING INDEX SEEK ${env.compile(rel)}:${seek}${where ? `\nWHERE ${env.compile(where)}` : ''}`);
}

/** The nodes one hop away, as objects of `typeName` (abstract types allowed). */
export function related(hop: Hop, typeName: string, options: ListOptions): FieldReader {
  return hopList(hop, options, (field, _scope, _rel, other, compiler) => compiler.node(typeName, field, other));
}

/** The one node one hop away, or null. */
export function relatedOne(hop: Hop, typeName: string, orderBy: ListOptions['orderBy'] = (_rel, other) => [other.property('id')]): FieldReader {
  return hopList(hop, { orderBy, cap: 1 }, (field, _scope, _rel, other, compiler) => compiler.node(typeName, field, other), true);
}

/**
 * Objects that stand for a relationship (a tier assignment, an office, a touch): `scopeOf` names
 * the relationship and its ends for the object type's readers.
 */
export function across(hop: Hop, typeName: string, options: ListOptions, scopeOf: (from: Cypher.Variable, rel: Cypher.Relationship, other: Cypher.Node) => Scope): FieldReader {
  return hopList(hop, options, (field, scope, rel, other, compiler) => compiler.object(typeName, field, scopeOf(scope.node, rel, other)));
}

/** The Source nodes named by a relationship fact's `sourceIds` (or another list of ids), in the order listed, at most `cap`. */
export const sourcesFromIds = (cap: number, from: string, property = 'sourceIds'): FieldReader => (field, scope, compiler) => {
  const id = new Cypher.Variable();
  const source = new Cypher.Node();
  const items = new Cypher.Unwind([Cypher.coalesce(scope[from].property(property), new Cypher.List([])), id])
    .match(new Cypher.Pattern(source, { labels: ['Source'], properties: { id } }))
    .return(compiler.node('Source', field, source))
    .limit(new Cypher.Literal(cap));
  return new Cypher.Collect(items);
};

/**
 * Like `related`, but each far node once however many relationships lead to it (a product classified
 * twice under one ECCN, a listing a rule both added and removed). Sorted by the far node alone.
 */
export function relatedOnce(hop: Hop, typeName: string, options: Omit<ListOptions, 'orderBy' | 'seek'> & { orderBy: (other: Cypher.Node) => Cypher.Expr[] }): FieldReader {
  return (field, scope, compiler) => {
    const rel = new Cypher.Relationship();
    const other = new Cypher.Node();
    const where = options.where?.(rel, other, field.args, scope.node);
    const match = new Cypher.Match(pattern(scope.node, hop, rel, other));
    if (where) match.where(where);
    const picked = match
      .with(other)
      .distinct()
      .orderBy(...options.orderBy(other).map((key): [Cypher.Expr, 'ASC'] => [key, 'ASC']))
      .limit(new Cypher.Literal(options.cap))
      .return(compiler.node(typeName, field, other));
    return new Cypher.Collect(picked);
  };
}

/** The node of `label` whose id a property of the scope's `from` holds (e.g. a membership's `addedBy` rule id), or null. */
export const referenced = (label: string, typeName: string, from: string, property: string): FieldReader => (field, scope, compiler) => {
  const other = new Cypher.Node();
  const match = new Cypher.Match(new Cypher.Pattern(other, { labels: [label], properties: { id: scope[from].property(property) } }))
    .return(compiler.node(typeName, field, other))
    .limit(new Cypher.Literal(1));
  return Cypher.head(new Cypher.Collect(match));
};

/** A dated fact's confidence; facts stored before v3 carry none and are STATED. */
export const confidenceOf = (from: string): FieldReader => (_field, scope) => Cypher.coalesce(scope[from].property('confidence'), new Cypher.Literal('STATED'));

/** Sort keys that put a fact with no known first day before those with one ("oldest first"), then by that day. */
export const startFirst = (validFrom: Cypher.Expr): Cypher.Expr[] => [Cypher.isNotNull(validFrom), validFrom];
