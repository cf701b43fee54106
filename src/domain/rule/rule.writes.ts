import { Date as Neo4jDate } from 'neo4j-driver';
import { slugify } from 'transliteration';
import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused, WriteConflict } from '../../input-refused';
import type { WriteOutcome } from '../change/change.writes';
import { lockNode, withSources } from '../fact/dated-fact.writes';
import { bumpVersion, refuseStale, versionOf } from '../node/version';
import { LINEAGE_TYPES, LineageKindName } from '../lineage/lineage.kinds';
import { EndingKind } from './rule-ending.type';
import type { RuleInput } from './rule.mutation.input';
import { setNameKeys } from '../search/names';
import type { Rule } from './rule.type';
import { Confidence } from '../confidence/confidence.type';

/**
 * A rule id from a title, other scripts transliterated to Latin letters ("AI Diffusion" gives
 * rule:ai-diffusion, a Chinese title its pinyin); null when no letter or digit is left.
 */
export function ruleIdFromTitle(title: string): string | null {
  const slug = slugify(title, { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '');
  return slug ? `rule:${slug}` : null;
}

/** The id a rule input writes: its own, or the one its title gives; refused when the title gives none. */
export function ruleIdOf(input: Pick<RuleInput, 'id' | 'title'>): string {
  const id = input.id ?? ruleIdFromTitle(input.title);
  if (!id) throw new InputRefused('The title has no letter or digit to make an id from; give input.id.', 'input.title');
  return id;
}

/** What a rule write sets (null: keep what it has). */
function ruleFields(input: RuleInput): Record<string, unknown> {
  return {
    title: input.title,
    kind: input.kind,
    shortName: input.shortName ?? null,
    citation: input.citation ?? null,
    documentNumber: input.documentNumber ?? null,
    summary: input.summary ?? null,
    issuedOn: input.issuedOn ?? null,
    publishedOn: input.publishedOn ?? null,
    effectiveOn: input.effectiveOn ?? null,
    complianceOn: input.complianceOn ?? null,
    rin: input.rin ?? null,
    cfrParts: input.cfrParts ?? null,
    aliases: input.aliases ?? null,
    administration: input.administration ?? null,
    note: input.note ?? null,
  };
}

/**
 * Creates a rule, or updates the one named by input.id. Without an id it only ever creates: the id
 * comes from the title, and a title whose id is taken is refused as a CONFLICT, naming the rule that
 * has it (so a retried create never writes twice). An update that sets what is already there
 * changes nothing (`changed` is false, and no Change is recorded).
 */
export async function saveRule(tx: CountingTransaction, input: RuleInput): Promise<WriteOutcome & { id: string }> {
  const id = ruleIdOf(input);
  if (input.expectedVersion !== null && input.expectedVersion !== undefined) {
    const [current] = await tx.run<{ version: number | null }>(ruleVersionQuery, { id });
    refuseStale(id, current.version, input.expectedVersion);
  }
  if (!input.id) {
    const [existing] = await tx.run<{ title: string }>(ruleTitleQuery, { id });
    if (existing) {
      throw new WriteConflict(
        `A rule with id ${id} already exists (${JSON.stringify(existing.title)}): give input.id to update it, or a title of its own to create another.`,
        'input.title',
      );
    }
  }
  // The fields travel as one map: Neo4j plans a statement again for each new mix of parameter types (a date
  // here, a null there), which for this statement cost a fifth of a second per rule.
  const [row] = await tx.run<{ changed: boolean; missingAgencies: string[]; missingSources: string[] }>(input.id ? upsertRuleQuery : createRuleQuery, {
    id,
    agencyIds: input.issuedByAgencyIds ?? [],
    sourceIds: input.sourceIds ?? [],
    fields: ruleFields(input),
  });
  // Throwing here rolls back the rule written above: nothing is left behind.
  if (row.missingAgencies.length > 0) throw new InputRefused(`No agency has id ${row.missingAgencies.join(', ')}.`, 'input.issuedByAgencyIds');
  if (row.missingSources.length > 0) throw new InputRefused(`No source has id ${row.missingSources.join(', ')}.`, 'input.sourceIds');
  if (row.changed) await bumpVersion(tx, 'Rule', id);
  return { id, entityIds: [id], changed: row.changed };
}

export interface RevokeRule {
  ruleId: string;
  /** The instrument that ended it (rescinding rule, superseding rule, announcement), when there is one. */
  revokedByRuleId?: string | null;
  on: Neo4jDate<number>;
  /** How it ended; FORMAL_RESCISSION when not given. */
  kind?: EndingKind;
  /** What happened, in a sentence or two; also kept on the lineage link. */
  note?: string | null;
  sourceIds?: string[];
}

/**
 * The lineage link from the ending instrument: a supersession is SUPERSEDES, a non-enforcement
 * ENDS_ENFORCEMENT (it rescinded nothing), every other ending REVOKES (its note says what it was).
 */
export function lineageKindOfEnding(kind: EndingKind): LineageKindName {
  if (kind === EndingKind.SUPERSEDED) return 'SUPERSEDES';
  if (kind === EndingKind.NON_ENFORCEMENT) return 'ENDS_ENFORCEMENT';
  return 'REVOKES';
}

const ENDED_HOW: Record<EndingKind, string> = {
  FORMAL_RESCISSION: 'the rule was rescinded',
  NON_ENFORCEMENT: 'the agency stopped enforcing the rule (no rescission was published)',
  SUPERSEDED: 'the rule was superseded',
  EXPIRED: 'the rule expired',
  VACATED: 'a court vacated the rule',
};

/** The sentence added to the note of each tier assignment and touch the ending closes. */
export const endedNote = (kind: EndingKind, on: string) => `Stopped applying on ${on}: ${ENDED_HOW[kind]}.`;

/**
 * Ending a rule on a date: sets revokedOn with how it ended (endingKind, endingNote, endingSourceIds,
 * endedById), links the ending instrument, and ends on that date every tier assignment under the
 * rule's tiers and every touch of the rule that is open then, adding a note saying how. Ended
 * assignments and touches remember which rule ended them (the cause in tierChanges). Those this
 * ending already closed are matched again, so a repeat (a seed reload resets their notes) restores
 * the note once, never twice; `closedNow` counts what was still open (or unnoted) before.
 * Expects (Rule)<-[:DEFINED_BY]-(Tier)<-[:IN_TIER]-(Country) and (Rule)-[:TARGETS|RESTRICTS|PROHIBITS_USE]->().
 */
export const revokeRuleQuery: NamedQuery = {
  name: 'revokeRule',
  cypher: `
MATCH (rule:Rule {id: $ruleId})
SET rule.revokedOn = $on, rule.endingKind = $kind, rule.endingNote = $note,
    rule.endingSourceIds = $sourceIds, rule.endedById = $revokedByRuleId
WITH rule, coalesce($revokedByRuleId, $ruleId) AS cause
CALL (rule) {
  MATCH (by:Rule {id: $revokedByRuleId})
  MERGE (by)-[link:$($linkKind)]->(rule)
  ON CREATE SET link.on = $on
  SET link.sourceIds = $sourceIds, link.note = $note
  RETURN count(link) AS linked
}
CALL (rule, cause) {
  OPTIONAL MATCH (rule)<-[:DEFINED_BY]-(:Tier)<-[assignment:IN_TIER]-(:Country)
  WHERE assignment.validFrom <= $on AND (assignment.validTo IS NULL OR $on < assignment.validTo
        OR (assignment.validTo = $on AND assignment.endedByRuleId = cause))
  WITH assignment, assignment IS NOT NULL AND (assignment.validTo IS NULL OR assignment.validTo <> $on OR assignment.note IS NULL OR NOT assignment.note ENDS WITH $endedNote) AS open
  SET assignment.validTo = $on, assignment.endedByRuleId = cause,
      assignment.note = CASE WHEN assignment.note IS NULL THEN $endedNote
                             WHEN assignment.note ENDS WITH $endedNote THEN assignment.note
                             ELSE assignment.note + ' ' + $endedNote END
  RETURN count(assignment) AS endedAssignments, count(CASE WHEN open THEN 1 END) AS closedAssignments
}
CALL (rule, cause) {
  OPTIONAL MATCH (rule)-[touch:TARGETS|RESTRICTS|PROHIBITS_USE]->()
  WHERE touch.validFrom <= $on AND (touch.validTo IS NULL OR $on < touch.validTo
        OR (touch.validTo = $on AND touch.endedByRuleId = cause))
  WITH touch, touch IS NOT NULL AND (touch.validTo IS NULL OR touch.validTo <> $on OR touch.note IS NULL OR NOT touch.note ENDS WITH $endedNote) AS open
  SET touch.validTo = $on, touch.endedByRuleId = cause,
      touch.note = CASE WHEN touch.note IS NULL THEN $endedNote
                        WHEN touch.note ENDS WITH $endedNote THEN touch.note
                        ELSE touch.note + ' ' + $endedNote END
  RETURN count(touch) AS endedTouches, count(CASE WHEN open THEN 1 END) AS closedTouches
}
RETURN rule {.*} AS rule, linked, endedAssignments, endedTouches, closedAssignments + closedTouches AS closedNow`,
};

export interface RevokeRuleResult extends WriteOutcome {
  /** The rule as it stands after the revocation. */
  rule: Rule;
  linked: number;
  endedAssignments: number;
  endedTouches: number;
}

/** How a rule ended, as stored on it (lockLineage reads it). */
interface StoredEnding {
  revokedOn: unknown;
  endingKind: string | null;
  endedById: string | null;
  endingNote: string | null;
  endingSourceIds: string[] | null;
}

/** The first field of the input that differs from the ending already recorded, or null when the input repeats it. */
function differingField(stored: StoredEnding, wanted: { on: unknown; kind: EndingKind; revokedBy: string | null; note: string | null; sourceIds: string[] }): string | null {
  if (String(stored.revokedOn) !== String(wanted.on)) return 'input.on';
  if ((stored.endingKind ?? EndingKind.FORMAL_RESCISSION) !== wanted.kind) return 'input.kind';
  if ((stored.endedById ?? null) !== wanted.revokedBy) return 'input.revokedByRuleId';
  if ((stored.endingNote ?? null) !== wanted.note) return 'input.note';
  if (JSON.stringify(stored.endingSourceIds ?? []) !== JSON.stringify(wanted.sourceIds)) return 'input.sourceIds';
  return null;
}

/**
 * Ends a rule inside the caller's transaction, so an ending lands whole or not at all. A rule ends
 * once: repeating its ending exactly (a retry, a seed reload) changes nothing, and any other ending
 * of an ended rule is a CONFLICT naming the field that differs (the recorded ending, its sources and
 * its link are kept). Every lineage write holds the lineage lock, so of two editors ending one rule
 * at once the second sees the first's ending. The link from the ending rule goes through the same
 * cycle check as every lineage link: a rule cannot end itself or one of its ancestors.
 */
export async function revokeRule(tx: CountingTransaction, input: RevokeRule): Promise<RevokeRuleResult> {
  const kind = input.kind ?? EndingKind.FORMAL_RESCISSION;
  const revokedBy = input.revokedByRuleId ?? null;
  const note = input.note ?? null;
  const sourceIds = input.sourceIds ?? [];
  const rules = await lockLineage(tx, { 'input.ruleId': input.ruleId, ...(revokedBy ? { 'input.revokedByRuleId': revokedBy } : {}) });
  if (revokedBy) await refuseCycle(tx, revokedBy, input.ruleId, 'input.revokedByRuleId');
  const stored = rules.get(input.ruleId)!;
  const ended = stored.revokedOn !== null && stored.revokedOn !== undefined;
  if (ended) {
    const field = differingField(stored, { on: input.on, kind, revokedBy, note, sourceIds });
    if (field) {
      const how = `${stored.endingKind ?? EndingKind.FORMAL_RESCISSION}${stored.endedById ? ` by ${stored.endedById}` : ''}`;
      throw new WriteConflict(`${input.ruleId} already ended on ${String(stored.revokedOn)} (${how}); a rule ends once, and ${field} differs from its recorded ending.`, field);
    }
  }
  const [row] = await tx.run<Omit<RevokeRuleResult, 'entityIds' | 'changed'> & { closedNow: number }>(revokeRuleQuery, {
    ruleId: input.ruleId,
    revokedByRuleId: revokedBy,
    on: input.on,
    kind,
    note,
    linkKind: lineageKindOfEnding(kind),
    endedNote: endedNote(kind, input.on.toString()),
    sourceIds,
  });
  const { closedNow, ...result } = row;
  return { ...result, entityIds: [input.ruleId, ...(revokedBy ? [revokedBy] : [])], changed: !ended || closedNow > 0 };
}

export interface LinkRules {
  fromRuleId: string;
  toRuleId: string;
  kind: LineageKindName;
  on?: unknown;
  /** What the seed's and an import's shape add (the mutation leaves them out): no sources, STATED, no note. */
  sourceIds?: string[];
  confidence?: Confidence;
  note?: string | null;
}

/**
 * Links two rules inside the caller's transaction, refusing missing rules and cycles. The same link
 * again (same kind and date) changes nothing; the same link with another date is a CONFLICT. A
 * suspension has a period, which linkRules does not take: SUSPENDS links are refused here.
 */
export async function linkRules(tx: CountingTransaction, input: LinkRules): Promise<WriteOutcome> {
  if (input.kind === 'SUSPENDS') throw new InputRefused('A SUSPENDS link needs its period (from, until), which linkRules does not take.', 'input.kind');
  await lockLineage(tx, { 'input.fromRuleId': input.fromRuleId, 'input.toRuleId': input.toRuleId });
  await refuseCycle(tx, input.fromRuleId, input.toRuleId, 'input.toRuleId');
  const entityIds = [input.fromRuleId, input.toRuleId];
  const sourceIds = input.sourceIds ?? [];
  const [existing] = await tx.run<{ found: boolean; on: unknown; missingSources: string[] }>(lineageLinkFind, { fromId: input.fromRuleId, toId: input.toRuleId, kind: input.kind, sourceIds });
  if (existing.missingSources.length > 0) throw new InputRefused(`No source has id ${existing.missingSources.join(', ')}.`, 'input.sourceIds');
  if (existing.found) {
    if (String(existing.on ?? null) === String(input.on ?? null)) return { entityIds, changed: false };
    throw new WriteConflict(`${input.fromRuleId} already ${input.kind} ${input.toRuleId}${existing.on ? ` on ${String(existing.on)}` : ''}: a link is recorded once.`, 'input.on');
  }
  await tx.run(createLineageLink, {
    fromId: input.fromRuleId, toId: input.toRuleId, kind: input.kind, on: input.on ?? null, sourceIds, confidence: input.confidence ?? null, note: input.note ?? null,
  });
  return { entityIds, changed: true };
}

/**
 * Takes the one lineage write lock, then finds the given rules (keyed by the argument that names
 * each) and returns how each ended, if it did. Every lineage write holds the lock until it commits, so
 * a cycle check reads every link committed before it and none can land beside it unseen. The check
 * is a breadth-first search, so the lock is held for milliseconds however the rules are linked.
 */
export async function lockLineage(tx: CountingTransaction, rulesByArgument: Record<string, string>): Promise<Map<string, StoredEnding>> {
  const ids = [...new Set(Object.values(rulesByArgument))];
  const [row] = await tx.run<{ locked: boolean; rules: (StoredEnding & { id: string })[] }>(lockLineageQuery, { ids });
  if (!row.locked) throw new Error('The (:LineageLock) node is missing: apply the migrations in cypher/ first.');
  const found = new Map(row.rules.map((rule) => [rule.id, rule]));
  for (const [argument, id] of Object.entries(rulesByArgument)) {
    if (!found.has(id)) throw new InputRefused(`No rule has id ${JSON.stringify(id)} (${argument}).`, argument);
  }
  return found;
}

/** Refuses a link from -> to that would make a rule its own ancestor (a self-link included). */
export async function refuseCycle(tx: CountingTransaction, fromId: string, toId: string, argument: string): Promise<void> {
  if (fromId === toId) throw new InputRefused(`A rule cannot act on itself: ${fromId} -> ${toId} would be a cycle.`, argument);
  const [check] = await tx.run<{ cycle: boolean }>(lineageCycleCheck, { fromId, toId });
  if (check.cycle) throw new InputRefused(`${toId} already descends from ${fromId}: the link would make a rule its own ancestor.`, argument);
}

/** What a rule write can change, for `changed`: links and their sources are only ever added, so counting them tells. */
const linkState = (r: string) =>
  `{properties: properties(${r}), links: COUNT { (${r})-[:ISSUED_BY|CITES]->() }, linkSources: reduce(n = 0, l IN [(${r})-[l:ISSUED_BY]->() | l] | n + size(coalesce(l.sourceIds, [])))}`;

/** Sets a rule's given fields (absent ones kept) and adds its agency links (citing its sources) and source links; `r` is the rule, `before` its properties and links before. */
const setRuleFields = `
SET r.title = $fields.title, r.kind = $fields.kind,
    r.shortName = coalesce($fields.shortName, r.shortName), r.citation = coalesce($fields.citation, r.citation),
    r.documentNumber = coalesce($fields.documentNumber, r.documentNumber), r.summary = coalesce($fields.summary, r.summary),
    r.issuedOn = coalesce($fields.issuedOn, r.issuedOn), r.publishedOn = coalesce($fields.publishedOn, r.publishedOn),
    r.effectiveOn = coalesce($fields.effectiveOn, r.effectiveOn), r.complianceOn = coalesce($fields.complianceOn, r.complianceOn),
    r.rin = coalesce($fields.rin, r.rin), r.cfrParts = coalesce($fields.cfrParts, r.cfrParts), r.aliases = coalesce($fields.aliases, r.aliases),
    r.administration = coalesce($fields.administration, r.administration), r.note = coalesce($fields.note, r.note)
${setNameKeys('r')}
WITH r, before
CALL (r) {
  UNWIND $agencyIds AS agencyId
  MATCH (a:Agency {id: agencyId})
  MERGE (r)-[issuedBy:ISSUED_BY]->(a)
  SET issuedBy.sourceIds = ${withSources('issuedBy.sourceIds')}
  RETURN collect(agencyId) AS linkedAgencies
}
CALL (r) {
  UNWIND $sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  MERGE (r)-[:CITES]->(s)
  RETURN collect(sourceId) AS linkedSources
}
RETURN r {.*} AS rule,
       before IS NULL OR before <> ${linkState('r')} AS changed,
       [id IN $agencyIds WHERE NOT id IN linkedAgencies] AS missingAgencies,
       [id IN $sourceIds WHERE NOT id IN linkedSources] AS missingSources`;

/** Creates or updates the rule with this id; `changed` says whether it set or linked anything new. */
export const upsertRuleQuery: NamedQuery = {
  name: 'upsertRule',
  cypher: `
OPTIONAL MATCH (old:Rule {id: $id})
WITH CASE WHEN old IS NULL THEN null ELSE ${linkState('old')} END AS before
MERGE (r:Rule {id: $id})
ON CREATE SET r.aliases = []${setRuleFields}`,
};

/** Creates a rule; the uniqueness constraint on Rule.id refuses it when another write took the id first. */
export const createRuleQuery: NamedQuery = {
  name: 'createRule',
  cypher: `
WITH null AS before
CREATE (r:Rule {id: $id, aliases: []})${setRuleFields}`,
};

/** Takes the rule's write lock and reads its version, which then holds until this write commits. */
const ruleVersionQuery: NamedQuery = {
  name: 'ruleVersion',
  cypher: `OPTIONAL MATCH (r:Rule {id: $id})
${lockNode('r')}
RETURN ${versionOf('r')} AS version`,
};

export const ruleTitleQuery: NamedQuery = {
  name: 'ruleTitle',
  cypher: 'MATCH (r:Rule {id: $id}) RETURN r.title AS title',
};

/** Takes the lineage write lock (SET then REMOVE a marker) and finds the given rules with how each ended. */
export const lockLineageQuery: NamedQuery = {
  name: 'lockLineage',
  cypher: `
OPTIONAL MATCH (lock:LineageLock {id: 'lineage'})
FOREACH (_ IN CASE WHEN lock IS NULL THEN [] ELSE [1] END | SET lock.held = true REMOVE lock.held)
WITH lock IS NOT NULL AS locked
OPTIONAL MATCH (rule:Rule) WHERE rule.id IN $ids
RETURN locked, collect(rule {.id, .revokedOn, .endingKind, .endedById, .endingNote, .endingSourceIds}) AS rules`,
};

const LINEAGE_PATTERN_TYPES = LINEAGE_TYPES.join('|');

/**
 * Whether `to` already reaches `from`, so that a link from -> to would close a cycle. shortestPath
 * between two bound rules is a breadth-first search from both ends: it visits each rule and link at
 * most once, where an existence check over variable-length paths may enumerate every path (a ladder
 * of 25 rules linked by several kinds has more paths than can be counted in the query timeout).
 */
export const lineageCycleCheck: NamedQuery = {
  name: 'lineageCycleCheck',
  cypher: `
MATCH (from:Rule {id: $fromId}), (to:Rule {id: $toId})
OPTIONAL MATCH path = shortestPath((to)-[:${LINEAGE_PATTERN_TYPES}*]->(from))
RETURN path IS NOT NULL AS cycle`,
};

/** The link of this kind between two rules, when there is one. */
export const lineageLinkFind: NamedQuery = {
  name: 'lineageLinkFind',
  cypher: `
OPTIONAL MATCH (from:Rule {id: $fromId})-[link]->(to:Rule {id: $toId})
WHERE type(link) = $kind
WITH link LIMIT 1
RETURN link IS NOT NULL AS found, link.on AS on, [id IN $sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }] AS missingSources`,
};

export const createLineageLink: NamedQuery = {
  name: 'createLineageLink',
  cypher: `
MATCH (from:Rule {id: $fromId}), (to:Rule {id: $toId})
CREATE (from)-[link:$($kind)]->(to)
SET link.on = $on, link.sourceIds = $sourceIds, link.confidence = $confidence, link.note = $note
RETURN from {.*} AS from, to {.*} AS to, type(link) AS kind, link.on AS on`,
};
