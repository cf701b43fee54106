import { EndingKind } from './rule-ending.type';
import { RuleStatus } from './rule.type';

type DateLike = { toString(): string } | null | undefined;

/**
 * A rule is PENDING before it takes effect (effective date, else issued, else published), IN_FORCE
 * until the day it stopped applying, and from then NOT_ENFORCED when the agency only stopped
 * enforcing it (it is still on the books) or REVOKED however else it ended: half-open intervals.
 */
export function ruleStatus(
  rule: { effectiveOn?: unknown; issuedOn?: unknown; publishedOn?: unknown; revokedOn?: unknown; endingKind?: string | null },
  asOf: DateLike,
): RuleStatus {
  const day = asOf ? asOf.toString() : new Date().toISOString().slice(0, 10);
  const start = (rule.effectiveOn ?? rule.issuedOn ?? rule.publishedOn) as DateLike;
  const ended = rule.revokedOn as DateLike;
  if (ended && ended.toString() <= day) {
    return rule.endingKind === EndingKind.NON_ENFORCEMENT ? RuleStatus.NOT_ENFORCED : RuleStatus.REVOKED;
  }
  if (start && day < start.toString()) return RuleStatus.PENDING;
  return RuleStatus.IN_FORCE;
}
