import Cypher from '@neo4j/cypher-builder';
import { Compiler } from './compiler';
import { fieldsOn, Selection } from './plan';

/** What a paged list is made of; every function is called afresh for each use, so builder objects are never shared. */
export interface PageSource {
  /** GraphQL type of the items, e.g. Country. */
  itemType: string;
  /** The items of the whole list (before paging), matched into `item`. */
  match(item: Cypher.Node): Cypher.Match;
  /** Sort keys with their direction; the cursor follows the same order. */
  orderBy(item: Cypher.Node): [Cypher.Expr, 'ASC' | 'DESC'][];
  /** Items strictly after the decoded cursor. */
  after(item: Cypher.Node): Cypher.Predicate;
  /** The sort key (a value, or a list of parts such as [instant, id]), which Edge.cursor encodes. */
  cursor(item: Cypher.Variable): Cypher.Expr;
  /** When one item can match more than once (e.g. several memberships of one tier). */
  distinct?: boolean;
}

export interface PageRequest {
  first: number;
  /** The decoded cursor was given: the page starts after it. */
  hasAfter: boolean;
}

/**
 * A Relay connection as one expression: the page (one item more than asked, to know whether
 * more follow) is collected once and bound by a one-item list comprehension, then edges,
 * pageInfo and totalCount are read from it; totalCount is counted only when selected.
 */
export function connection(field: Selection, compiler: Compiler, connectionType: string, source: PageSource, request: PageRequest): Cypher.Expr {
  const item = new Cypher.Node();
  const match = source.match(item);
  if (request.hasAfter) match.where(source.after(item));
  const projected = source.distinct ? match.with(item).distinct() : match.with(item);
  const items = projected
    .orderBy(...source.orderBy(item))
    .limit(new Cypher.Literal(request.first + 1))
    .return(item);

  const page = new Cypher.Variable();
  const shape = new Cypher.Map();
  const schema = compiler.schema;
  for (const [key, part] of Object.entries(fieldsOn(field, connectionType, schema))) {
    if (part.name === 'edges') shape.set(key, edges(part, compiler, connectionType.replace(/Connection$/, 'Edge'), source, page, request.first));
    if (part.name === 'pageInfo') shape.set(key, pageInfo(part, compiler, source, page, request));
    if (part.name === 'totalCount') shape.set(key, total(source));
  }
  return Cypher.listIndex(new Cypher.ListComprehension(page).in(new Cypher.List([new Cypher.Collect(items)])).map(shape), 0);
}

function onPage(page: Cypher.Variable, first: number): Cypher.Expr {
  return Cypher.listRange(page, 0, first) as unknown as Cypher.Expr;
}

function edges(field: Selection, compiler: Compiler, edgeType: string, source: PageSource, page: Cypher.Variable, first: number): Cypher.Expr {
  const item = new Cypher.Variable();
  const edge = new Cypher.Map();
  for (const [key, part] of Object.entries(fieldsOn(field, edgeType, compiler.schema))) {
    if (part.name === 'cursor') edge.set(key, source.cursor(item));
    if (part.name === 'node') edge.set(key, compiler.node(source.itemType, part, item));
  }
  return new Cypher.ListComprehension(item).in(onPage(page, first)).map(edge);
}

function pageInfo(field: Selection, compiler: Compiler, source: PageSource, page: Cypher.Variable, request: PageRequest): Cypher.Expr {
  const info = new Cypher.Map();
  const cursors = () => {
    const item = new Cypher.Variable();
    return new Cypher.ListComprehension(item).in(onPage(page, request.first)).map(source.cursor(item));
  };
  for (const [key, part] of Object.entries(fieldsOn(field, 'PageInfo', compiler.schema))) {
    if (part.name === 'hasNextPage') info.set(key, Cypher.gt(Cypher.size(page), new Cypher.Literal(request.first)));
    // Items precede the page exactly when it starts after a cursor; a forged cursor is refused before this runs.
    if (part.name === 'hasPreviousPage') info.set(key, new Cypher.Literal(request.hasAfter));
    if (part.name === 'startCursor') info.set(key, Cypher.head(cursors()));
    if (part.name === 'endCursor') info.set(key, Cypher.last(cursors()));
  }
  return info;
}

function total(source: PageSource): Cypher.Expr {
  const item = new Cypher.Node();
  const match = source.match(item);
  return source.distinct ? new Cypher.Count(match.return(item).distinct()) : new Cypher.Count(match);
}
