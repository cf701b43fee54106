import Cypher from '@neo4j/cypher-builder';
import { dayOrToday } from '../../read/temporal';
import { statusOn, suspendedOn } from './status.read';

/** The v3 conditions of a rules filter (issued between two days, status on a day, CFR part). */
export interface RuleFilterV3 {
  issuedFrom?: unknown;
  issuedTo?: unknown;
  status?: string | null;
  statusOn?: unknown;
  cfrPart?: string | null;
}

/**
 * The v3 conditions of a rules filter; only those given are written into the statement. `status` is
 * compared with the status Rule.status answers on `statusOn` (today when not given), SUSPENDED included.
 */
export function ruleFilterV3(rule: Cypher.Variable, filter: RuleFilterV3): Cypher.Predicate | undefined {
  const given = (value: unknown) => value !== null && value !== undefined;
  let status: Cypher.Predicate | undefined;
  if (filter.status) {
    const day = dayOrToday(filter.statusOn);
    status = Cypher.eq(statusOn(rule, day, suspendedOn(rule, day)), new Cypher.Param(filter.status));
  }
  return Cypher.and(
    given(filter.issuedFrom) ? Cypher.lte(new Cypher.Param(filter.issuedFrom), rule.property('issuedOn')) : undefined,
    given(filter.issuedTo) ? Cypher.lte(rule.property('issuedOn'), new Cypher.Param(filter.issuedTo)) : undefined,
    status,
    filter.cfrPart ? Cypher.in(new Cypher.Param(filter.cfrPart), Cypher.coalesce(rule.property('cfrParts'), new Cypher.List([]))) : undefined,
  );
}
