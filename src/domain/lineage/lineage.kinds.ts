/**
 * The lineage relationship types, once: how one rule acts on another. Reads (ruleLineage), the cycle
 * check on writes, the Mermaid drawing, the GraphQL enum LineageKind and the seed's record shapes all
 * use this list, so a new kind is one entry here. Plain data: no GraphQL, no Neo4j.
 */
export const LINEAGE_KINDS = {
  REVOKES: 'Ends the other rule from a date (a rescission).',
  AMENDS: 'Changes part of the other rule, which stays in force as changed.',
  SUPERSEDES: 'Replaces the other rule as a whole.',
  IMPLEMENTS: 'Puts the other rule into practice, as guidance does for a rule.',
  SUSPENDS: 'Suspends the other for a period (see Rule.statusHistory).',
  ENDS_ENFORCEMENT: 'Announces that the other will not be enforced, without rescinding it.',
  CORRECTS: 'Corrects errors in the other (a Federal Register correction document).',
} as const;

export type LineageKindName = keyof typeof LINEAGE_KINDS;

/** Every lineage relationship type, in the order above. */
export const LINEAGE_TYPES = Object.keys(LINEAGE_KINDS) as LineageKindName[];

export function isLineageKind(kind: unknown): kind is LineageKindName {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(LINEAGE_KINDS, kind);
}
