import Cypher from '@neo4j/cypher-builder';
import { LIST_CAPS } from '../../read/caps';
import { FieldReader, ReadModel } from '../../read/compiler';
import { property, sourcesFromIds } from '../../read/fields';
import { dayOrToday, ruleStart } from '../../read/temporal';

/**
 * A rule's status, derived (docs/graph-model.md): PENDING before it starts, IN_FORCE, SUSPENDED inside each
 * period a later instrument suspends it for (`(suspender:Rule)-[:SUSPENDS {from, until}]->(rule)`, half-open
 * [from, until), `until` null while open), and REVOKED or NOT_ENFORCED from `revokedOn`. An ending wins over
 * a suspension, a suspension over PENDING. `Rule.status`, `Rule.statusHistory`, the rules filter and
 * factChanges' STATUS facts all use `statusOn` below, so they cannot disagree.
 */

/** `list[index]` with an index computed in Cypher (the builder's listIndex takes a number only). */
export const at = (list: Cypher.Variable, index: Cypher.Expr): Cypher.Property => list.property(index);

/** Binds `value` to a variable for `body`, inside one expression: `[v IN [value] | body][0]`. */
export function bind(value: Cypher.Expr, body: (bound: Cypher.Variable) => Cypher.Expr): Cypher.Expr {
  const bound = new Cypher.Variable();
  return Cypher.listIndex(new Cypher.ListComprehension(bound).in(new Cypher.List([value])).map(body(bound)), 0);
}

const literal = (value: string) => new Cypher.Literal(value);

/** The first day of a SUSPENDS period: `from`, else `on` (the model writes both, the same). */
const suspensionFrom = (link: Cypher.Relationship) => Cypher.coalesce(link.property('from'), link.property('on'));

/** The status a rule ended with: NOT_ENFORCED for an announcement of non-enforcement, REVOKED for every other ending. */
const endStatus = (rule: Cypher.Variable) =>
  new Cypher.Case().when(Cypher.eq(rule.property('endingKind'), literal('NON_ENFORCEMENT'))).then(literal('NOT_ENFORCED')).else(literal('REVOKED'));

/** The status on `day`, given whether a suspension covers that day. */
export function statusOn(rule: Cypher.Variable, day: Cypher.Expr, suspended: Cypher.Predicate): Cypher.Expr {
  const ended = Cypher.and(Cypher.isNotNull(rule.property('revokedOn')), Cypher.lte(rule.property('revokedOn'), day))!;
  return new Cypher.Case()
    .when(ended)
    .then(endStatus(rule))
    .when(suspended)
    .then(literal('SUSPENDED'))
    .when(Cypher.gt(ruleStart(rule), day))
    .then(literal('PENDING'))
    .else(literal('IN_FORCE'));
}

/** Whether a SUSPENDS period of the rule covers `day`, read from the graph. */
export function suspendedOn(rule: Cypher.Variable, day: Cypher.Expr): Cypher.Predicate {
  const link = new Cypher.Relationship();
  return new Cypher.Exists(
    new Cypher.Match(new Cypher.Pattern({ labels: ['Rule'] }).related(link, { type: 'SUSPENDS' }).to(rule)).where(
      Cypher.and(Cypher.lte(suspensionFrom(link), day), Cypher.or(Cypher.isNull(link.property('until')), Cypher.lt(day, link.property('until')))),
    ),
  );
}

/** Rule.status(asOf): the status on asOf, today when not given. */
export const ruleStatus: FieldReader = (field, { node: rule }) => {
  const day = dayOrToday(field.args.asOf);
  return statusOn(rule, day, suspendedOn(rule, day));
};

/** The rule's SUSPENDS periods as maps {from, until, byId, sourceIds}, oldest first. */
function suspensionsOf(rule: Cypher.Variable): Cypher.Expr {
  const by = new Cypher.Node();
  const link = new Cypher.Relationship();
  const period = new Cypher.Map({
    from: suspensionFrom(link),
    until: link.property('until'),
    byId: by.property('id'),
    sourceIds: Cypher.coalesce(link.property('sourceIds'), new Cypher.List([])),
  });
  return new Cypher.Collect(
    new Cypher.Match(new Cypher.Pattern(by, { labels: ['Rule'] }).related(link, { type: 'SUSPENDS' }).to(rule))
      .return(period)
      .orderBy([suspensionFrom(link), 'ASC'], [by.property('id'), 'ASC']),
  );
}

/**
 * The rule's status periods, oldest first, as maps {status, validFrom, validTo, byId, causeId, endCauseId,
 * sourceIds}. The days on which the status can change (start, each suspension's from and until, revokedOn;
 * none after revokedOn) are sorted, the status on each is `statusOn`, and a day whose status and suspender
 * are those of the day before is merged into its period. PENDING periods are left out: the history starts at
 * the first status the rule had. `byId` is the instrument that started the period (the suspender, the ending
 * instrument; none for IN_FORCE), `causeId` the instrument behind the change on validFrom (the rule itself
 * when it starts, the suspender when a suspension begins or lapses, the ending instrument or the rule when
 * it ends), `endCauseId` the one behind the change on validTo; `sourceIds` null means the rule's own sources.
 */
export function statusHistory(rule: Cypher.Variable): Cypher.Expr {
  return bind(suspensionsOf(rule), (suspensions) => {
    const end = rule.property('revokedOn');
    const s = new Cypher.Variable();
    const x = new Cypher.Variable();
    const candidates = new Cypher.ListComprehension(x)
      .in(
        Cypher.plus(
          Cypher.plus(new Cypher.List([ruleStart(rule), end]), new Cypher.ListComprehension(s).in(suspensions).map(s.property('from'))),
          new Cypher.ListComprehension(s).in(suspensions).map(s.property('until')),
        ),
      )
      .where(Cypher.and(Cypher.isNotNull(x), Cypher.or(Cypher.isNull(end), Cypher.lte(x, end)))!);
    // Insertion sort that drops repeats: the days are few (two per suspension, plus start and end).
    const acc = new Cypher.Variable();
    const day = new Cypher.Variable();
    const y = new Cypher.Variable();
    const sorted = Cypher.reduce(
      acc,
      new Cypher.List([]),
      day,
      candidates,
      Cypher.plus(
        Cypher.plus(new Cypher.ListComprehension(y).in(acc).where(Cypher.lt(y, day)), new Cypher.List([day])),
        new Cypher.ListComprehension(y).in(acc).where(Cypher.gt(y, day)),
      ),
    );
    return bind(sorted, (days) => {
      const d = new Cypher.Variable();
      const covering = (on: Cypher.Expr) =>
        new Cypher.ListComprehension(s).in(suspensions).where(Cypher.and(Cypher.lte(s.property('from'), on), Cypher.or(Cypher.isNull(s.property('until')), Cypher.lt(on, s.property('until'))))!);
      const lapsing = (on: Cypher.Expr) => new Cypher.ListComprehension(s).in(suspensions).where(Cypher.eq(s.property('until'), on));
      const raw = new Cypher.ListComprehension(d).in(days).map(
        bind(Cypher.last(covering(d)), (cover) =>
          bind(statusOn(rule, d, Cypher.isNotNull(cover)), (status) =>
            bind(Cypher.last(lapsing(d)), (lapsed) => {
              const ended = Cypher.in(status, new Cypher.List([literal('REVOKED'), literal('NOT_ENFORCED')]));
              const isStatus = (name: string) => Cypher.eq(status, literal(name));
              return new Cypher.Map({
                status,
                validFrom: d,
                byId: new Cypher.Case().when(isStatus('SUSPENDED')).then(cover.property('byId')).when(ended).then(rule.property('endedById')).else(Cypher.Null),
                causeId: new Cypher.Case()
                  .when(isStatus('SUSPENDED'))
                  .then(cover.property('byId'))
                  .when(ended)
                  .then(Cypher.coalesce(rule.property('endedById'), rule.property('id')))
                  .else(Cypher.coalesce(lapsed.property('byId'), rule.property('id'))),
                sourceIds: new Cypher.Case()
                  .when(isStatus('SUSPENDED'))
                  .then(cover.property('sourceIds'))
                  .when(ended)
                  .then(Cypher.coalesce(rule.property('endingSourceIds'), new Cypher.List([])))
                  .else(lapsed.property('sourceIds')),
              });
            }),
          ),
        ),
      );
      return bind(raw, (periods) => {
        const i = new Cypher.Variable();
        const previous = at(periods, Cypher.minus(i, new Cypher.Literal(1)));
        const current = at(periods, i);
        const sameKey = (p: Cypher.Property) => Cypher.plus(Cypher.plus(p.property('status'), literal('|')), Cypher.coalesce(p.property('byId'), literal('')));
        const starts = new Cypher.ListComprehension(i)
          .in(Cypher.range(new Cypher.Literal(0), Cypher.minus(Cypher.size(periods), new Cypher.Literal(1))))
          .where(Cypher.or(Cypher.eq(i, new Cypher.Literal(0)), Cypher.neq(sameKey(current), sameKey(previous)))!)
          .map(current);
        return bind(starts, (kept) => {
          const j = new Cypher.Variable();
          const here = at(kept, j);
          const next = at(kept, Cypher.plus(j, new Cypher.Literal(1)));
          return new Cypher.ListComprehension(j)
            .in(Cypher.range(new Cypher.Literal(0), Cypher.minus(Cypher.size(kept), new Cypher.Literal(1))))
            .where(Cypher.neq(here.property('status'), literal('PENDING')))
            .map(
              new Cypher.Map({
                status: here.property('status'),
                validFrom: here.property('validFrom'),
                validTo: next.property('validFrom'),
                byId: here.property('byId'),
                causeId: here.property('causeId'),
                endCauseId: next.property('causeId'),
                sourceIds: here.property('sourceIds'),
              }),
            );
        });
      });
    });
  });
}

/** Rule.statusHistory: each period read by the RuleStatusPeriod readers from `period` (a map) and `rule`. */
export const ruleStatusHistory: FieldReader = (field, { node: rule }, compiler) => {
  const period = new Cypher.Variable();
  const periods = new Cypher.ListComprehension(period).in(statusHistory(rule)).map(compiler.object('RuleStatusPeriod', field, { period, rule }));
  return Cypher.listRange(periods, 0, LIST_CAPS['Rule.statusHistory']) as unknown as Cypher.Expr;
};

/** The rule an id names, projected, or null: the instrument behind a period or a fact change. */
export const ruleNamed = (id: Cypher.Expr): FieldReader => (field, _scope, compiler) => {
  const by = new Cypher.Node();
  return Cypher.head(
    new Cypher.Collect(
      new Cypher.Match(new Cypher.Pattern(by, { labels: ['Rule'], properties: { id } })).return(compiler.node('Rule', field, by)).limit(new Cypher.Literal(1)),
    ),
  );
};

/** A rule's own sources (CITES), by id, at most `cap`: where its start is stated. */
export const citedBy = (cap: number, from: string): FieldReader => (field, scope, compiler) => {
  const source = new Cypher.Node();
  return new Cypher.Collect(
    new Cypher.Match(new Cypher.Pattern(scope[from]).related({ type: 'CITES' }).to(source, { labels: ['Source'] }))
      .return(compiler.node('Source', field, source))
      .orderBy([source.property('id'), 'ASC'])
      .limit(new Cypher.Literal(cap)),
  );
};

export const statusReaders: ReadModel = {
  RuleStatusPeriod: {
    fields: {
      status: property('status', 'period'),
      validFrom: property('validFrom', 'period'),
      validTo: property('validTo', 'period'),
      by: (field, scope, compiler) => ruleNamed(scope.period.property('byId'))(field, scope, compiler),
      sources: (field, scope, compiler) =>
        new Cypher.Case()
          .when(Cypher.isNull(scope.period.property('sourceIds')))
          .then(citedBy(LIST_CAPS['RuleStatusPeriod.sources'], 'rule')(field, scope, compiler))
          .else(sourcesFromIds(LIST_CAPS['RuleStatusPeriod.sources'], 'period')(field, scope, compiler)),
    },
  },
};
