import { RuleStatus } from './rule.type';

type DateLike = { toString(): string } | null | undefined;

/**
 * A rule is PENDING before it takes effect (effective date, else issued, else published),
 * REVOKED from its revocation date on, and IN_FORCE in between: the half-open interval rule.
 */
export function ruleStatus(rule: { effectiveOn?: unknown; issuedOn?: unknown; publishedOn?: unknown; revokedOn?: unknown }, asOf: DateLike): RuleStatus {
  const day = asOf ? asOf.toString() : new Date().toISOString().slice(0, 10);
  const start = (rule.effectiveOn ?? rule.issuedOn ?? rule.publishedOn) as DateLike;
  const revoked = rule.revokedOn as DateLike;
  if (revoked && revoked.toString() <= day) return RuleStatus.REVOKED;
  if (start && day < start.toString()) return RuleStatus.PENDING;
  return RuleStatus.IN_FORCE;
}
