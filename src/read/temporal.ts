import Cypher from '@neo4j/cypher-builder';

/**
 * "In force on day": the half-open interval [from, to), a missing end meaning still in force.
 * Written once, for tier assignments, touches, offices and rules alike. `unknownStart` says how
 * to treat a missing start: offices whose first day is unknown count as already begun.
 */
export function heldOn(from: Cypher.Expr, to: Cypher.Expr, day: Cypher.Expr, unknownStart: 'begun' | 'not begun' = 'not begun'): Cypher.Predicate {
  const started = unknownStart === 'begun' ? Cypher.or(Cypher.isNull(from), Cypher.lte(from, day)) : Cypher.lte(from, day);
  return Cypher.and(started, Cypher.or(Cypher.isNull(to), Cypher.lt(day, to)))!;
}

/** The day a rule starts to apply: its effective date, else issued, else published. */
export function ruleStart(rule: Cypher.Variable): Cypher.Expr {
  return Cypher.coalesce(rule.property('effectiveOn'), rule.property('issuedOn'), rule.property('publishedOn'));
}

/** The day asked about, or today (the database's date) when the client gave none. */
export function dayOrToday(asOf: unknown): Cypher.Expr {
  return asOf === null || asOf === undefined ? Cypher.date() : new Cypher.Param(asOf);
}
