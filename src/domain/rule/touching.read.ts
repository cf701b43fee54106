import Cypher from '@neo4j/cypher-builder';
import { GraphQLError, isAbstractType } from 'graphql';
import { LIST_CAPS } from '../../read/caps';
import { Compiler, FieldReader, ObjectReader } from '../../read/compiler';
import { property, relationshipType, scoped, sourcesFromIds } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { heldOn } from '../../read/temporal';
import { EntityKind, kindOfId, touchableLabels } from '../entities';
import { CONFIDENCE_ORDER, IMPACT_PATHS, ImpactPath, ImpactPathKind } from '../impact-paths';
import { NameLookup, nameLookup, suggestionHits, SuggestionLookup, suggestionLookup, touchTargets } from '../search/names';
import { namesSubquery } from '../search/search.read';

/**
 * "Which rules touch X": X (an id, or a name resolved by names.ts) is reached by a rule directly or
 * along one of the paths of src/domain/impact-paths.ts. Both `rulesTouching` and
 * `rules(filter: { touching })` are one statement each, built here from that list:
 *
 *   resolve X to its entities, collected as `targets`
 *   CALL: suggestions, looked up only when `targets` is empty
 *   CALL: per target, one MATCH per path shape (dated hops tested on asOf), the shapes joined by UNION
 *   RETURN the touches, or, when nothing resolved, one marker row carrying the suggestions,
 *   which the resolver turns into a NOT_FOUND error.
 */

/** The key of the marker row: no GraphQL response key can contain `#`, so no touch or page has it. */
export const UNRESOLVED = '#unresolved';

/**
 * What a path branch returns, shared by every branch of the UNION (same variables, same names).
 * What is derived from the path (dates, confidence, note, sources) is computed once after the
 * UNION from `facts` and `elements`, not in each branch: the planner's time grows with the text.
 */
interface Reached {
  rule: Cypher.Node;
  /** The rule's own relationship (the last hop). */
  rel: Cypher.Variable;
  /** The nodes from the rule to the target. */
  path: Cypher.Variable;
  relation: Cypher.Variable;
  /** The dated facts along the path (relationships, or nodes such as a Listing): asOf, dates, confidence. */
  facts: Cypher.Variable;
  /** Every relationship from the rule outward, then the nodes holding facts: notes and sources. */
  elements: Cypher.Variable;
  /** The path's ImpactPathKind. */
  via: Cypher.Variable;
}

function reachedVariables(): Reached {
  return {
    rule: new Cypher.Node(),
    rel: new Cypher.Variable(),
    path: new Cypher.Variable(),
    relation: new Cypher.Variable(),
    facts: new Cypher.Variable(),
    elements: new Cypher.Variable(),
    via: new Cypher.Variable(),
  };
}

/**
 * The paths of one shape, as one MATCH: each hop its own types, in its stored direction, to its
 * label; on asOf, the shape's dated hops held. One UNION branch per shape rather than one MATCH per
 * path length: a MATCH shared by shapes expands every type both ways at each hop and sorts the rows
 * out by a CASE afterwards, while a branch per shape walks only what its shape can reach. Planning the
 * branches costs what the shared MATCH did (EXPLAIN of fresh texts), and Neo4j keeps plans per text.
 */
function pathsOf(shape: ImpactPath, target: Cypher.Node, rule: Cypher.Node, asOf: Cypher.Param | undefined) {
  const length = shape.hops.length;
  const rels = shape.hops.map(() => new Cypher.Relationship());
  const nodes = shape.hops.map((_hop, index) => (index === length - 1 ? rule : new Cypher.Node()));
  let pattern = new Cypher.Pattern(target, shape.from ? { labels: [shape.from] } : {});
  shape.hops.forEach((hop, index) => {
    const type = hop.types.length === 1 ? hop.types[0] : Cypher.labelExpr.or(...hop.types);
    pattern = pattern.related(rels[index], { type, direction: hop.direction === 'out' ? 'right' : 'left' }).to(nodes[index], { labels: [hop.to] });
  });
  const facts = shape.hops.flatMap((hop, index): Cypher.Variable[] => (hop.fact === 'relationship' ? [rels[index]] : hop.fact === 'node' ? [nodes[index]] : []));
  const match = new Cypher.Match(pattern);
  // A shape without dated facts (ECCN_CONTROLS) holds on every date: no condition at all.
  const held = asOf ? Cypher.and(...facts.map((fact) => heldOn(fact.property('validFrom'), fact.property('validTo'), asOf, 'begun'))) : undefined;
  if (held) match.where(held);
  return {
    match,
    rel: rels[length - 1],
    path: new Cypher.List([rule, ...nodes.slice(0, -1).reverse(), target]),
    relation: shape.relation ? new Cypher.Literal(shape.relation) : Cypher.type(rels[length - 1]),
    facts: new Cypher.List(facts),
    // Relationships from the rule outward, then the nodes holding facts (a Listing).
    elements: new Cypher.List([...[...rels].reverse(), ...facts.filter((fact) => fact instanceof Cypher.Node)]),
    via: new Cypher.Literal(shape.kind),
  };
}

/** One UNION branch per path shape: the paths and what they make, in the columns every branch shares. */
function touchBranch(shape: ImpactPath, target: Cypher.Node, out: Reached, asOf: Cypher.Param | undefined): Cypher.Clause {
  const paths = pathsOf(shape, target, out.rule, asOf);
  return paths.match.return(
    out.rule,
    [paths.rel, out.rel],
    [paths.path, out.path],
    [paths.relation, out.relation],
    [paths.facts, out.facts],
    [paths.elements, out.elements],
    [paths.via, out.via],
  );
}

/** The latest start (`later`) or earliest end of the facts, null meaning unbounded. */
function bound(facts: Cypher.Expr, property: 'validFrom' | 'validTo'): Cypher.Expr {
  const day = new Cypher.Variable();
  const fact = new Cypher.Variable();
  const value = fact.property(property);
  const keep = Cypher.or(Cypher.isNull(value), Cypher.and(Cypher.isNotNull(day), property === 'validFrom' ? Cypher.gte(day, value) : Cypher.lte(day, value)))!;
  return Cypher.reduce(day, Cypher.Null, fact, facts, new Cypher.Case().when(keep).then(day).else(value));
}

/** The weakest confidence of the facts: UNCONFIRMED < INFERRED < STATED; a fact without one is STATED. */
function weakest(facts: Cypher.Expr): Cypher.Expr {
  const fact = new Cypher.Variable();
  const stated = new Cypher.ListComprehension(fact).in(facts).map(fact.property('confidence'));
  const weakest = new Cypher.Case();
  for (const level of CONFIDENCE_ORDER.slice(0, -1)) weakest.when(Cypher.in(new Cypher.Literal(level), stated)).then(new Cypher.Literal(level));
  return weakest.else(new Cypher.Literal('STATED'));
}

/** Rules only (for the rules filter), of paths whose facts held together; each rule once. */
function ruleBranch(shape: ImpactPath, target: Cypher.Node, rule: Cypher.Node): Cypher.Clause {
  const paths = pathsOf(shape, target, rule, undefined);
  const [from, to] = [new Cypher.Variable(), new Cypher.Variable()];
  return paths.match
    .with(rule, [bound(paths.facts, 'validFrom'), from], [bound(paths.facts, 'validTo'), to])
    .where(Cypher.or(Cypher.isNull(from), Cypher.isNull(to), Cypher.lt(from, to))!)
    .return(rule);
}

/**
 * The shapes of the asked kinds (`via`, every kind when null) that can start at what the text
 * resolves to: for an id, those of its kind; for a name, those of the kinds a name resolves to
 * (touchable ones). Fewer branches, less for the planner. When none of the asked kinds starts at
 * the id's kind, the asked kinds are kept: their label tests drop every row, so nothing is reached.
 */
function shapesFor(kind: EntityKind | null, via: readonly ImpactPathKind[] | null): ImpactPath[] {
  const asked = IMPACT_PATHS.filter((shape) => !via || via.includes(shape.kind));
  const starting = asked.filter((shape) => shape.from === null || (kind ? shape.from === kind.type : touchableLabels.includes(shape.from)));
  return starting.length > 0 ? starting : asked;
}

/** The branches (one per path shape) as one UNION over `target`. */
const union = (branches: Cypher.Clause[]) => (branches.length === 1 ? branches[0] : new Cypher.Union(...branches));

/** What the text names: an id goes straight to its node, a name through names.ts's lookups. */
interface Resolution {
  text: string;
  kind: EntityKind | null;
  names: NameLookup | null;
  suggest: SuggestionLookup | null;
  argumentName: string;
}

/** NOT_FOUND for a text that names nothing a rule can reach, with the closest names. */
export function unresolved(resolution: Pick<Resolution, 'text' | 'kind' | 'argumentName'>, suggestions: string[]): GraphQLError {
  const what = resolution.kind ? `No entity has id ${JSON.stringify(resolution.text)}` : `No entity is named ${JSON.stringify(resolution.text)}`;
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => JSON.stringify(s)).join(', ')}?` : '';
  return new GraphQLError(`${what}.${hint}`, {
    extensions: { code: 'NOT_FOUND', argumentName: resolution.argumentName, text: resolution.text, suggestions },
  });
}

/** Resolves the text's kind and lookups; a text with no letters or digits names nothing, and is refused before any statement. */
function resolutionOf(text: string, argumentName: string): Resolution {
  const kind = kindOfId(text);
  const names = kind ? null : nameLookup(text);
  const resolution = { text, kind, names, suggest: suggestionLookup(text, kind !== null), argumentName };
  if (!kind && !names) throw unresolved(resolution, []);
  return resolution;
}

/**
 * The start of both statements: `targets` (the resolved entities, maybe none) and `suggestions`
 * (closest names, looked up only when there are no targets).
 */
function resolve(resolution: Resolution, targets: Cypher.Variable, suggestions: Cypher.Variable): Cypher.Clause {
  let found: Cypher.Clause;
  let target: Cypher.Node;
  if (resolution.kind) {
    target = new Cypher.Node();
    found = new Cypher.Match(new Cypher.Pattern(target, { labels: [resolution.kind.type], properties: { id: new Cypher.Param(resolution.text) } }));
  } else {
    target = new Cypher.NamedNode('target');
    found = namesSubquery(touchTargets, resolution.names!);
  }
  const collected = new Cypher.With([Cypher.collect(target).distinct(), targets]);
  const suggest = new Cypher.Call(
    new Cypher.Raw((env) => [suggestionHits(env.compile(targets), env.compile(suggestions)), { suggest: resolution.suggest }]),
    [targets],
  );
  return Cypher.utils.concat(found, collected, suggest);
}

/** The marker row's value: what the resolver needs to say NOT_FOUND. */
const marker = (suggestions: Cypher.Variable) => new Cypher.Map({ [UNRESOLVED]: suggestions });

/**
 * rulesTouching: touches in rule order, nearest path first, then target and path; at most `cap`.
 * When nothing resolved, the one row is the marker (see unlessUnresolved).
 */
export const rulesTouching = (entity: string, asOf: unknown, via: readonly ImpactPathKind[] | null, cap: number) => {
  const resolution = resolutionOf(entity, 'entity');
  return (selection: Selection, compiler: Compiler) => {
    const targets = new Cypher.Variable();
    const suggestions = new Cypher.Variable();
    const day = asOf ? new Cypher.Param(asOf) : undefined;
    const each = new Cypher.Node();
    const target = new Cypher.Node();
    const out = reachedVariables();
    const branches = shapesFor(resolution.kind, via).map((shape) => touchBranch(shape, each, out, day));
    const validFrom = new Cypher.Variable();
    const validTo = new Cypher.Variable();
    // A path holds from the latest start to the earliest end of its facts; one that never held together reaches nothing.
    const touches = new Cypher.OptionalCall(
      Cypher.utils.concat(
        new Cypher.Unwind([targets, each]),
        new Cypher.Call(union(branches), [each]),
        new Cypher.With('*', [bound(out.facts, 'validFrom'), validFrom], [bound(out.facts, 'validTo'), validTo]).where(
          Cypher.or(Cypher.isNull(validFrom), Cypher.isNull(validTo), Cypher.lt(validFrom, validTo))!,
        ),
        new Cypher.Return([each, target], out.rule, out.rel, out.path, out.relation, out.facts, out.elements, out.via, validFrom, validTo),
      ),
      [targets],
    );
    const nothing = Cypher.eq(targets, new Cypher.List([]));
    const step = new Cypher.Variable();
    const value = new Cypher.Case()
      .when(nothing)
      .then(marker(suggestions))
      .else(compiler.object('Touch', selection, { ...out, target, validFrom, validTo }));
    return Cypher.utils.concat(
      resolve(resolution, targets, suggestions),
      touches,
      new Cypher.With('*').where(Cypher.or(Cypher.isNotNull(out.rule), nothing)!),
      new Cypher.Return([value, VALUE])
        .orderBy(
          [out.rule.property('id'), 'ASC'],
          [Cypher.size(out.path), 'ASC'],
          [target.property('id'), 'ASC'],
          [new Cypher.ListComprehension(step).in(out.path).map(step.property('id')), 'ASC'],
          [out.relation, 'ASC'],
        )
        .limit(new Cypher.Literal(cap)),
    );
  };
};

/**
 * The rules filter `touching`: the rules that reach the entity along any path (ever), each once, as
 * the variable `reached` the page's match tests; `page` builds the connection. When nothing
 * resolved, the value is the marker instead of the page (see unlessUnresolved).
 */
export const touchingFilter = (text: string, argumentName: string, via: readonly ImpactPathKind[] | null) => {
  const resolution = resolutionOf(text, argumentName);
  return (page: (reached: Cypher.Variable) => Cypher.Expr): Cypher.Clause => {
    const targets = new Cypher.Variable();
    const suggestions = new Cypher.Variable();
    const reached = new Cypher.Variable();
    const each = new Cypher.Node();
    const rule = new Cypher.Node();
    const rules = new Cypher.Call(
      Cypher.utils.concat(
        new Cypher.Unwind([targets, each]),
        new Cypher.Call(union(shapesFor(resolution.kind, via).map((shape) => ruleBranch(shape, each, rule))), [each]),
        new Cypher.Return([Cypher.collect(rule).distinct(), reached]),
      ),
      [targets],
    );
    const value = new Cypher.Case().when(Cypher.eq(targets, new Cypher.List([]))).then(marker(suggestions)).else(page(reached));
    return Cypher.utils.concat(resolve(resolution, targets, suggestions), rules, new Cypher.Return([value, VALUE]));
  };
};

/** The resolver's check of a touching statement's answer: the marker becomes NOT_FOUND. */
export function unlessUnresolved<T>(answer: T, text: string, argumentName: string): T {
  const first = Array.isArray(answer) ? answer[0] : answer;
  if (first && typeof first === 'object' && UNRESOLVED in first) {
    throw unresolved({ text, kind: kindOfId(text), argumentName }, (first as Record<string, string[]>)[UNRESOLVED] ?? []);
  }
  return answer;
}

/** The entities of the path (a Listing on it is not one, and is left out), from the rule to the target. */
const pathOf: FieldReader = (field, scope, compiler) => {
  const step = new Cypher.Variable();
  const entity = compiler.schema.getType('Entity');
  const labels = isAbstractType(entity) ? compiler.schema.getPossibleTypes(entity).map((type) => type.name) : [];
  const label = new Cypher.Variable();
  const steps = scope.path ?? new Cypher.List([scope.rule, scope.target]);
  return new Cypher.ListComprehension(step)
    .in(steps)
    .where(Cypher.any(label, Cypher.labels(step), Cypher.in(label, new Cypher.Literal(labels))))
    .map(compiler.node('Entity', field, step));
};

/** Sources of every fact along the path, each once (DISTINCT streams, keeping the first of each), from the rule outward. */
const pathSources: FieldReader = (field, scope, compiler) => {
  const id = new Cypher.Variable();
  const source = new Cypher.Node();
  const items = new Cypher.Unwind([pathSourceIds(scope.elements), id])
    .with(id)
    .distinct()
    .match(new Cypher.Pattern(source, { labels: ['Source'], properties: { id } }))
    .return(compiler.node('Source', field, source))
    .limit(new Cypher.Literal(LIST_CAPS['Touch.sources']));
  return new Cypher.Collect(items);
};

/** A value computed from a path touch's scope, or the direct touch's own value (Rule.touches reads touches without a path). */
const fromPath = (path: FieldReader, direct: FieldReader): FieldReader => (field, scope, compiler) => (scope.facts ? path : direct)(field, scope, compiler);

/** The first note along the path, from the rule outward. */
const pathNote: FieldReader = (_field, { elements }) => {
  const element = new Cypher.Variable();
  return Cypher.head(new Cypher.ListComprehension(element).in(elements).where(Cypher.isNotNull(element.property('note'))).map(element.property('note')));
};

/** The source ids of every element along the path, in order (duplicates are dropped when read). */
const pathSourceIds = (elements: Cypher.Variable): Cypher.Expr => {
  const ids = new Cypher.Variable();
  const element = new Cypher.Variable();
  return Cypher.reduce(ids, new Cypher.List([]), element, elements, Cypher.plus(ids, Cypher.coalesce(element.property('sourceIds'), new Cypher.List([]))));
};

/**
 * How a Touch is read: from a path of rulesTouching (the columns of Reached, with the path's
 * validFrom and validTo), or from a direct touch of Rule.touches (rule, rel, target only).
 */
export const touchReader: ObjectReader = {
  fields: {
    rule: scoped('Rule', 'rule'),
    target: scoped('Entity', 'target'),
    relation: fromPath((_field, { relation }) => relation, relationshipType()),
    via: fromPath((_field, { via }) => via, () => new Cypher.Literal(ImpactPathKind.DIRECT)),
    path: pathOf,
    confidence: fromPath((_field, { facts }) => weakest(facts), (_field, { rel }) => Cypher.coalesce(rel.property('confidence'), new Cypher.Literal('STATED'))),
    validFrom: fromPath((_field, { validFrom }) => validFrom, property('validFrom', 'rel')),
    validTo: fromPath((_field, { validTo }) => validTo, property('validTo', 'rel')),
    note: fromPath(pathNote, property('note', 'rel')),
    sources: fromPath(pathSources, sourcesFromIds(LIST_CAPS['Touch.sources'], 'rel')),
  },
};
