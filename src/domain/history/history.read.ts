import Cypher from '@neo4j/cypher-builder';
import { int as neo4jInt } from 'neo4j-driver';
import { LIST_CAPS } from '../../read/caps';
import { Compiler, FieldReader, ReadModel } from '../../read/compiler';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';
import { EntityKind } from '../entities';
import { NameLookup } from '../search/names';
import { namesSubquery } from '../search/search.read';
import { ruleNamed, statusHistory } from '../rule/status.read';
import { namedEntities } from './names';

/**
 * factChanges: every dated fact that began or ended in a window, oldest first (docs/graph-model.md).
 *
 * Without an entity the window is read through the date indexes of migration 010: for each kind of fact one
 * seek on validFrom (STARTED) and one on validTo (ENDED), each taking only its oldest `first` rows (in the
 * final order), so the statement reads at most (kinds x 2 x first) facts however wide the window and the graph.
 * With an entity it starts there and walks that entity's dated relationships. The statement ends ordered by
 * (on, change, relation, subject id, tie) and cut at `first`.
 */

/** A dated relationship type and how its facts are reported. */
interface DatedRelationship {
  /** The name clients filter by and read in FactChange.relation. */
  relation: string;
  type: string;
  /** Labels of the subject (start) and object (end), which the window seek checks. */
  subject: string;
  object?: string;
  /** The id of the rule behind the fact's start / end, when the graph has it. */
  startedBy?: (rel: Cypher.Relationship, subject: Cypher.Variable, object: Cypher.Variable) => Cypher.Expr;
  endedBy?: (rel: Cypher.Relationship, subject: Cypher.Variable, object: Cypher.Variable) => Cypher.Expr;
}

/** The rule that defines a tier: a country's membership starts by it. */
const tierRule = (_rel: Cypher.Relationship, _subject: Cypher.Variable, tier: Cypher.Variable) => {
  const rule = new Cypher.Node();
  return Cypher.head(
    new Cypher.Collect(
      new Cypher.Match(new Cypher.Pattern(tier).related({ type: 'DEFINED_BY' }).to(rule, { labels: ['Rule'] })).return(rule.property('id')).orderBy([rule.property('id'), 'ASC']),
    ),
  );
};

/** A touch starts by its rule and ends by whatever ended it (revokeRule writes endedByRuleId), else by its rule. */
const touch = (type: string): DatedRelationship => ({
  relation: type,
  type,
  subject: 'Rule',
  startedBy: (_rel, rule) => rule.property('id'),
  endedBy: (rel, rule) => Cypher.coalesce(rel.property('endedByRuleId'), rule.property('id')),
});

export const DATED_RELATIONSHIPS: readonly DatedRelationship[] = [
  { relation: 'IN_TIER', type: 'IN_TIER', subject: 'Country', object: 'Tier', startedBy: tierRule, endedBy: (rel) => rel.property('endedByRuleId') },
  { relation: 'IN_COUNTRY_GROUP', type: 'IN_GROUP', subject: 'Country', object: 'CountryGroup', startedBy: (rel) => rel.property('addedBy'), endedBy: (rel) => rel.property('removedBy') },
  touch('TARGETS'),
  touch('RESTRICTS'),
  touch('PROHIBITS_USE'),
  { relation: 'CLASSIFIED_AS', type: 'CLASSIFIED_AS', subject: 'ChipProduct', object: 'Eccn' },
  { relation: 'HOLDS_OFFICE', type: 'HOLDS_OFFICE', subject: 'Official', object: 'Agency' },
  { relation: 'SUBSIDIARY_OF', type: 'SUBSIDIARY_OF', subject: 'Company', object: 'Company' },
];

/** Every kind of fact factChanges reports, by the name `relations` takes. */
export const FACT_RELATIONS: readonly string[] = [...DATED_RELATIONSHIPS.map((kind) => kind.relation), 'LISTED_ON', 'STATUS'];

/** The columns every branch answers in, so the branches can be one UNION. */
const COLUMNS = {
  on: new Cypher.NamedVariable('factOn'),
  change: new Cypher.NamedVariable('factChange'),
  relation: new Cypher.NamedVariable('factRelation'),
  subject: new Cypher.NamedNode('factSubject'),
  object: new Cypher.NamedNode('factObject'),
  status: new Cypher.NamedVariable('factStatus'),
  causeId: new Cypher.NamedVariable('factCauseId'),
  sourceIds: new Cypher.NamedVariable('factSourceIds'),
  /** Breaks ties between facts of one kind, subject and day: the object's id, the listing's id, the status. */
  tie: new Cypher.NamedVariable('factTie'),
};
type Column = keyof typeof COLUMNS;
type Row = Record<Column, Cypher.Expr>;

const ORDER: Column[] = ['on', 'change', 'relation', 'subject', 'tie'];

/** The final order; a branch's own top rows follow the same order, so cutting each at `first` loses nothing. */
const orderOf = (row: Record<Column, Cypher.Expr>): [Cypher.Expr, 'ASC'][] =>
  ORDER.map((column) => [column === 'subject' ? (row.subject as Cypher.Variable).property('id') : row[column], 'ASC']);

const columnsOf = (row: Row) => (Object.keys(COLUMNS) as Column[]).map((column): [Cypher.Expr, Cypher.Variable] => [row[column], COLUMNS[column]]);

export interface FactWindow {
  from: unknown;
  to: unknown;
  first: number;
  relations: readonly string[];
}

interface Params {
  from: Cypher.Param;
  to: Cypher.Param;
  /** A parameter, not a literal: one cached plan serves every `first`. */
  first: Cypher.Param;
}

const inWindow = (value: Cypher.Expr, p: Params) => Cypher.and(Cypher.lte(p.from, value), Cypher.lte(value, p.to))!;
const literal = (value: string) => new Cypher.Literal(value);
const sourceIdsOf = (holder: Cypher.Variable) => Cypher.coalesce(holder.property('sourceIds'), new Cypher.List([]));

/** `MATCH <pattern> USING INDEX [SEEK] <hint> WHERE <where>`: the builder writes no hints; without them a small graph is scanned instead. */
function hinted(pattern: Cypher.Pattern, hint: (env: Cypher.RawCypherContext) => string, where: Cypher.Predicate): Cypher.Clause {
  return new Cypher.Raw((env) => `MATCH ${env.compile(pattern)}\n${hint(env)}\nWHERE ${env.compile(where)}`);
}

/** The facts of a dated relationship type that STARTED (validFrom) or ENDED (validTo) in the window, oldest `first`. */
function relationshipWindow(kind: DatedRelationship, change: 'STARTED' | 'ENDED', p: Params): Cypher.Clause {
  const subject = new Cypher.Node();
  const rel = new Cypher.Relationship();
  const object = new Cypher.Node();
  const date = change === 'STARTED' ? 'validFrom' : 'validTo';
  const pattern = new Cypher.Pattern(subject, { labels: [kind.subject] })
    .related(rel, { type: kind.type })
    .to(object, kind.object ? { labels: [kind.object] } : undefined) as unknown as Cypher.Pattern;
  const seek = hinted(pattern, (env) => `USING INDEX SEEK ${env.compile(rel)}:${kind.type}(${date})`, inWindow(rel.property(date), p));
  const cause = change === 'STARTED' ? kind.startedBy : kind.endedBy;
  const row: Row = {
    on: rel.property(date),
    change: literal(change),
    relation: literal(kind.relation),
    subject,
    object,
    status: Cypher.Null,
    causeId: cause ? cause(rel, subject, object) : Cypher.Null,
    sourceIds: sourceIdsOf(rel),
    tie: object.property('id'),
  };
  const top = new Cypher.With(subject, rel, object)
    .orderBy([rel.property(date), 'ASC'], [subject.property('id'), 'ASC'], [object.property('id'), 'ASC'])
    .limit(p.first);
  return Cypher.utils.concat(seek, top.return(...columnsOf(row)));
}

/**
 * The entity's facts of the dated relationship types, either end, that started or ended in the window: one
 * pattern over every requested type (an entity has few facts; one branch keeps the statement small to plan).
 */
function relationshipsOfEntity(kinds: readonly DatedRelationship[], entity: Cypher.Variable, p: Params): Cypher.Clause {
  const rel = new Cypher.Relationship();
  const subject = new Cypher.Node();
  const object = new Cypher.Node();
  const each = new Cypher.Variable();
  const byType = (cause: (kind: DatedRelationship) => DatedRelationship['startedBy']): Cypher.Expr => {
    const caused = kinds.filter((kind) => cause(kind));
    if (caused.length === 0) return Cypher.Null;
    const choice = new Cypher.Case(Cypher.type(rel));
    for (const kind of caused) choice.when(literal(kind.type)).then(cause(kind)!(rel, subject, object));
    return choice.else(Cypher.Null);
  };
  const renamed = kinds.filter((each) => each.relation !== each.type);
  const relation = renamed.length === 0 ? Cypher.type(rel) : new Cypher.Case(Cypher.type(rel));
  if (relation instanceof Cypher.Case) {
    for (const kind of renamed) relation.when(literal(kind.type)).then(literal(kind.relation));
    relation.else(Cypher.type(rel));
  }
  const found = new Cypher.Match(new Cypher.Pattern(entity).related(rel, { type: Cypher.labelExpr.or(...kinds.map((kind) => kind.type)), direction: 'undirected' }).to())
    .where(Cypher.or(inWindow(rel.property('validFrom'), p), inWindow(rel.property('validTo'), p)))
    .with(rel, [Cypher.startNode(rel), subject], [Cypher.endNode(rel), object]);
  const changes = new Cypher.List([
    new Cypher.Map({ change: literal('STARTED'), on: rel.property('validFrom'), causeId: byType((kind) => kind.startedBy) }),
    new Cypher.Map({ change: literal('ENDED'), on: rel.property('validTo'), causeId: byType((kind) => kind.endedBy) }),
  ]);
  const row: Row = {
    on: each.property('on'),
    change: each.property('change'),
    relation,
    subject,
    object,
    status: Cypher.Null,
    causeId: each.property('causeId'),
    sourceIds: sourceIdsOf(rel),
    tie: object.property('id'),
  };
  return found.unwind([changes, each]).with('*').where(inWindow(each.property('on'), p)).return(...columnsOf(row));
}

/** The rules that ADD (STARTED) or REMOVE (ENDED) a listing, by id: its cause. */
function listingCause(listing: Cypher.Variable, change: 'STARTED' | 'ENDED'): Cypher.Expr {
  const rule = new Cypher.Node();
  return Cypher.head(
    new Cypher.Collect(
      new Cypher.Match(new Cypher.Pattern(rule, { labels: ['Rule'] }).related({ type: change === 'STARTED' ? 'ADDS_LISTING' : 'REMOVES_LISTING' }).to(listing))
        .return(rule.property('id'))
        .orderBy([rule.property('id'), 'ASC']),
    ),
  );
}

/** Listings (Listing nodes) that began or ended in the window, reported as the party's LISTED_ON. */
function listingWindow(change: 'STARTED' | 'ENDED', p: Params): Cypher.Clause {
  const listing = new Cypher.Node();
  const party = new Cypher.Node();
  const date = change === 'STARTED' ? 'validFrom' : 'validTo';
  const seek = hinted(new Cypher.Pattern(listing, { labels: ['Listing'] }), (env) => `USING INDEX ${env.compile(listing)}:Listing(${date})`, inWindow(listing.property(date), p));
  const row: Row = {
    on: listing.property(date),
    change: literal(change),
    relation: literal('LISTED_ON'),
    subject: party,
    object: Cypher.Null,
    status: Cypher.Null,
    causeId: listingCause(listing, change),
    sourceIds: sourceIdsOf(listing),
    tie: listing.property('id'),
  };
  const top = new Cypher.Match(new Cypher.Pattern(party).related({ type: 'LISTED' }).to(listing))
    .with(listing, party)
    .orderBy([listing.property(date), 'ASC'], [party.property('id'), 'ASC'], [listing.property('id'), 'ASC'])
    .limit(p.first);
  return Cypher.utils.concat(seek, top.return(...columnsOf(row)));
}

function listingOfEntity(entity: Cypher.Variable, p: Params): Cypher.Clause {
  const listing = new Cypher.Node();
  const each = new Cypher.Variable();
  const changes = new Cypher.List([
    new Cypher.Map({ change: literal('STARTED'), on: listing.property('validFrom'), causeId: listingCause(listing, 'STARTED') }),
    new Cypher.Map({ change: literal('ENDED'), on: listing.property('validTo'), causeId: listingCause(listing, 'ENDED') }),
  ]);
  const row: Row = {
    on: each.property('on'),
    change: each.property('change'),
    relation: literal('LISTED_ON'),
    subject: entity,
    object: Cypher.Null,
    status: Cypher.Null,
    causeId: each.property('causeId'),
    sourceIds: sourceIdsOf(listing),
    tie: listing.property('id'),
  };
  return new Cypher.Match(new Cypher.Pattern(entity).related({ type: 'LISTED' }).to(listing, { labels: ['Listing'] }))
    .where(Cypher.or(inWindow(listing.property('validFrom'), p), inWindow(listing.property('validTo'), p)))
    .unwind([changes, each])
    .with('*')
    .where(inWindow(each.property('on'), p))
    .return(...columnsOf(row));
}

/**
 * Rules whose status may change in the window: those starting (effectiveOn, else issuedOn, else publishedOn,
 * as ruleStart), ending (revokedOn) or suspended or resumed (SUSPENDS from / until) in it, each seek taking
 * its oldest `first`.
 */
function rulesChangingStatus(p: Params, rule: Cypher.NamedNode): Cypher.Clause {
  const seekOn = (date: string, unset: string[]) => {
    const candidate = new Cypher.Node();
    const where = Cypher.and(inWindow(candidate.property(date), p), ...unset.map((name) => Cypher.isNull(candidate.property(name))))!;
    return Cypher.utils.concat(
      hinted(new Cypher.Pattern(candidate, { labels: ['Rule'] }), (env) => `USING INDEX ${env.compile(candidate)}:Rule(${date})`, where),
      new Cypher.Return([candidate, rule]).orderBy([candidate.property(date), 'ASC'], [candidate.property('id'), 'ASC']).limit(p.first),
    );
  };
  const seekSuspension = (date: 'from' | 'until') => {
    const candidate = new Cypher.Node();
    const link = new Cypher.Relationship();
    const pattern = new Cypher.Pattern({ labels: ['Rule'] }).related(link, { type: 'SUSPENDS' }).to(candidate, { labels: ['Rule'] }) as unknown as Cypher.Pattern;
    return Cypher.utils.concat(
      hinted(pattern, (env) => `USING INDEX SEEK ${env.compile(link)}:SUSPENDS(${date})`, inWindow(link.property(date), p)),
      new Cypher.Return([candidate, rule]).orderBy([link.property(date), 'ASC'], [candidate.property('id'), 'ASC']).limit(p.first),
    );
  };
  return new Cypher.Call(
    new Cypher.Union(
      seekOn('effectiveOn', []),
      seekOn('issuedOn', ['effectiveOn']),
      seekOn('publishedOn', ['effectiveOn', 'issuedOn']),
      seekOn('revokedOn', []),
      seekSuspension('from'),
      seekSuspension('until'),
    ),
    [],
  );
}

/** The boundaries of the rules' status periods (Rule.statusHistory) that fall in the window, reported as STATUS. */
function statusChanges(rules: Cypher.Clause, rule: Cypher.Variable, p: Params): Cypher.Clause {
  const period = new Cypher.Variable();
  const each = new Cypher.Variable();
  const changes = new Cypher.List([
    new Cypher.Map({ change: literal('STARTED'), on: period.property('validFrom'), causeId: period.property('causeId') }),
    new Cypher.Map({ change: literal('ENDED'), on: period.property('validTo'), causeId: period.property('endCauseId') }),
  ]);
  const source = new Cypher.Node();
  const ownSources = new Cypher.Collect(
    new Cypher.Match(new Cypher.Pattern(rule).related({ type: 'CITES' }).to(source, { labels: ['Source'] }))
      .return(source.property('id'))
      .orderBy([source.property('id'), 'ASC'])
      .limit(new Cypher.Literal(LIST_CAPS['FactChange.sources'])),
  );
  const row: Row = {
    on: each.property('on'),
    change: each.property('change'),
    relation: literal('STATUS'),
    subject: rule,
    object: Cypher.Null,
    status: period.property('status'),
    causeId: each.property('causeId'),
    sourceIds: Cypher.coalesce(period.property('sourceIds'), ownSources),
    tie: period.property('status'),
  };
  const top = new Cypher.Unwind([statusHistory(rule), period])
    .unwind([changes, each])
    .with('*')
    .where(inWindow(each.property('on'), p))
    .with(rule, period, each)
    .orderBy([each.property('on'), 'ASC'], [each.property('change'), 'ASC'], [rule.property('id'), 'ASC'], [period.property('status'), 'ASC'])
    .limit(p.first);
  return Cypher.utils.concat(rules, top.return(...columnsOf(row)));
}

/** Every requested kind of fact in the window, one UNION ALL branch per seek. */
function windowBranches(relations: readonly string[], p: Params): Cypher.Clause[] {
  const wanted = (relation: string) => relations.includes(relation);
  const branches: Cypher.Clause[] = [];
  for (const kind of DATED_RELATIONSHIPS.filter((each) => wanted(each.relation))) {
    branches.push(relationshipWindow(kind, 'STARTED', p), relationshipWindow(kind, 'ENDED', p));
  }
  if (wanted('LISTED_ON')) branches.push(listingWindow('STARTED', p), listingWindow('ENDED', p));
  if (wanted('STATUS')) {
    const rule = new Cypher.NamedNode('factRule');
    branches.push(statusChanges(rulesChangingStatus(p, rule), rule, p));
  }
  return branches;
}

/**
 * Every requested kind of fact about `entity` in the window. An entity given by id has a known kind: only
 * the facts that kind can have are asked for (a rule's status, a company's listings, ...).
 */
function entityBranches(relations: readonly string[], entity: Cypher.Variable, kind: EntityKind | null, p: Params): Cypher.Clause[] {
  const wanted = (relation: string, ...types: string[]) => relations.includes(relation) && (!kind || types.length === 0 || types.includes(kind.type));
  const kinds = DATED_RELATIONSHIPS.filter((each) => wanted(each.relation, ...(each.object ? [each.subject, each.object] : [])));
  const branches: Cypher.Clause[] = kinds.length > 0 ? [relationshipsOfEntity(kinds, entity, p)] : [];
  if (wanted('LISTED_ON', 'Company')) branches.push(listingOfEntity(entity, p));
  if (wanted('STATUS', 'Rule')) branches.push(statusChanges(new Cypher.With(entity).where((entity as Cypher.Node).hasLabel('Rule')), entity, p));
  if (branches.length === 0) {
    // None of the requested kinds can be about an entity of this kind: a branch without rows.
    const none = Object.fromEntries((Object.keys(COLUMNS) as Column[]).map((column) => [column, Cypher.Null])) as Row;
    branches.push(new Cypher.With(entity).where(Cypher.isNull(entity)).return(...columnsOf(none)));
  }
  return branches;
}

function union(branches: Cypher.Clause[]): Cypher.Clause {
  return branches.length === 1 ? branches[0] : new Cypher.Union(...branches).all();
}

/** The FactChange a row of COLUMNS stands for; null for the empty row an entity without facts gives. */
const projection = (selection: Selection, compiler: Compiler) =>
  new Cypher.Case().when(Cypher.isNull(COLUMNS.subject)).then(Cypher.Null).else(compiler.object('FactChange', selection, COLUMNS));

const sortedColumns = () => orderOf(COLUMNS as unknown as Row);

export interface EntityTarget {
  /** The entity's kind when it is given by id. */
  kind: EntityKind | null;
  id: string;
  /** The lookup when it is given by name. */
  names: NameLookup | null;
}

/** The statement's parameters from the arguments. */
const paramsOf = (window: FactWindow): Params => ({ from: new Cypher.Param(window.from), to: new Cypher.Param(window.to), first: new Cypher.Param(neo4jInt(window.first)) });

/**
 * Facts in the window, oldest first, at most `first`. Each row is `value` (a FactChange); with an entity,
 * `resolved` says how many entities the id or name found (0: none, and `value` is null).
 */
export const factChanges = (window: FactWindow, entity: EntityTarget | null) => (selection: Selection, compiler: Compiler): Cypher.Clause => {
  const p = paramsOf(window);
  if (!entity) {
    return Cypher.utils.concat(
      new Cypher.Call(union(windowBranches(window.relations, p)), []),
      new Cypher.With('*').orderBy(...sortedColumns()).limit(p.first),
      new Cypher.Return([projection(selection, compiler), VALUE]),
    );
  }
  const found = new Cypher.NamedNode('factEntity');
  const resolve = entity.kind
    ? new Cypher.Match(new Cypher.Pattern(found, { labels: [entity.kind.type], properties: { id: new Cypher.Param(entity.id) } })).return(found)
    : Cypher.utils.concat(namesSubquery(namedEntities, entity.names!), new Cypher.Return([new Cypher.NamedNode('node'), found]));
  const entities = new Cypher.Variable();
  const one = new Cypher.Node();
  const facts = Cypher.utils.concat(
    new Cypher.Unwind([entities, one]),
    new Cypher.Call(union(entityBranches(window.relations, one, entity.kind, p)), [one]),
    new Cypher.With(...Object.values(COLUMNS)).distinct(),
    new Cypher.Return(...Object.values(COLUMNS)).orderBy(...sortedColumns()).limit(p.first),
  );
  return Cypher.utils.concat(
    new Cypher.Call(resolve, []),
    new Cypher.With([Cypher.collect(found).distinct(), entities]),
    new Cypher.Call(facts, [entities]).optional(),
    new Cypher.Return([projection(selection, compiler), VALUE], [Cypher.size(entities), new Cypher.NamedVariable('resolved')]).orderBy(...sortedColumns()),
  );
};

/** The Source nodes named by a list of ids, in the order listed, at most `cap`. */
const sourcesOfIds = (cap: number): FieldReader => (field, scope, compiler) => {
  const id = new Cypher.Variable();
  const source = new Cypher.Node();
  return new Cypher.Collect(
    new Cypher.Unwind([Cypher.coalesce(scope.sourceIds, new Cypher.List([])), id])
      .match(new Cypher.Pattern(source, { labels: ['Source'], properties: { id } }))
      .return(compiler.node('Source', field, source))
      .limit(new Cypher.Literal(cap)),
  );
};

export const historyReaders: ReadModel = {
  FactChange: {
    fields: {
      on: (_field, scope) => scope.on,
      change: (_field, scope) => scope.change,
      subject: (field, scope, compiler) => compiler.node('Entity', field, scope.subject),
      relation: (_field, scope) => scope.relation,
      object: (field, scope, compiler) => compiler.optionalNode('Entity', field, scope.object),
      status: (_field, scope) => scope.status,
      cause: (field, scope, compiler) => ruleNamed(scope.causeId)(field, scope, compiler),
      sources: sourcesOfIds(LIST_CAPS['FactChange.sources']),
    },
  },
};
