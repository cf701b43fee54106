import { ruleStatus } from '../../src/domain/rule/rule.status';
import { RuleStatus } from '../../src/domain/rule/rule.type';
import { toNeo4jDate } from '../../src/graphql/scalars';

describe('ruleStatus', () => {
  const rule = { issuedOn: toNeo4jDate('2025-01-10'), effectiveOn: toNeo4jDate('2025-01-13'), revokedOn: toNeo4jDate('2025-05-13') };
  it.each([
    ['2025-01-12', RuleStatus.PENDING],
    ['2025-01-13', RuleStatus.IN_FORCE],
    ['2025-05-12', RuleStatus.IN_FORCE],
    ['2025-05-13', RuleStatus.REVOKED],
  ])('on %s is %s', (day, status) => {
    expect(ruleStatus(rule, toNeo4jDate(day))).toBe(status);
  });

  it('falls back to the issue date, and treats a rule with no dates as in force', () => {
    expect(ruleStatus({ issuedOn: toNeo4jDate('2030-01-01') }, toNeo4jDate('2029-12-31'))).toBe(RuleStatus.PENDING);
    expect(ruleStatus({}, toNeo4jDate('2000-01-01'))).toBe(RuleStatus.IN_FORCE);
  });
});

describe('ruleStatus of a rule that stopped applying', () => {
  const ended = (endingKind: string) => ({ effectiveOn: toNeo4jDate('2025-01-13'), revokedOn: toNeo4jDate('2025-05-13'), endingKind });
  it('is NOT_ENFORCED from the day the agency stopped enforcing it, REVOKED however else it ended', () => {
    expect(ruleStatus(ended('NON_ENFORCEMENT'), toNeo4jDate('2025-05-12'))).toBe(RuleStatus.IN_FORCE);
    expect(ruleStatus(ended('NON_ENFORCEMENT'), toNeo4jDate('2025-06-01'))).toBe(RuleStatus.NOT_ENFORCED);
    for (const kind of ['FORMAL_RESCISSION', 'SUPERSEDED', 'EXPIRED', 'VACATED']) {
      expect(ruleStatus(ended(kind), toNeo4jDate('2025-05-13'))).toBe(RuleStatus.REVOKED);
    }
  });
});
