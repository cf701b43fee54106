import { CountingTransaction, NamedQuery } from '../../neo4j/graph';
import { InputRefused, NotFound } from '../../input-refused';
import type { WriteOutcome } from '../change/change.writes';
import { withSources } from './dated-fact.writes';
import type { EndableRelation } from './end-fact.input';

export type EndFact = {
  subjectId: string;
  objectId: string;
  relation: EndableRelation;
  /** The list, for a listing ('list:ENTITY_LIST' gives ENTITY_LIST); null otherwise. */
  list: string | null;
  on: unknown;
  byRuleId: string | null;
  note: string | null;
  sourceIds: string[];
};

type FactKind = 'touch' | 'classification' | 'membership' | 'listing';

const KIND_OF: Record<EndableRelation, FactKind> = {
  TARGETS: 'touch', RESTRICTS: 'touch', PROHIBITS_USE: 'touch', CLASSIFIED_AS: 'classification', IN_GROUP: 'membership', LISTED: 'listing',
};

/** The facts of each kind between the subject and the object, as `f` (docs/graph-model.md). */
const FACTS: Record<FactKind, string> = {
  touch: 'MATCH (:Rule {id: $subjectId})-[f:TARGETS|RESTRICTS|PROHIBITS_USE]->(object) WHERE type(f) = $relation AND object.id = $objectId',
  classification: 'MATCH (:ChipProduct {id: $subjectId})-[f:CLASSIFIED_AS]->(:Eccn {id: $objectId})',
  membership: 'MATCH (:Country {id: $subjectId})-[f:IN_GROUP]->(:CountryGroup {id: $objectId})',
  listing: 'MATCH (:Company {id: $subjectId})-[:LISTED]->(f:Listing {list: $list})',
};

/**
 * The facts still open, and those already ended on `on` (a retried ending finds only these), after
 * checking what the input names exists.
 */
const findQueries: Record<FactKind, NamedQuery> = Object.fromEntries(
  (Object.keys(FACTS) as FactKind[]).map((kind) => [kind, {
    name: `endFactFind_${kind}`,
    cypher: `
CALL () {
  ${FACTS[kind]}
  WITH f WHERE f.validTo IS NULL OR f.validTo = $on
  RETURN collect({fact: elementId(f), id: f.id, open: f.validTo IS NULL, validFrom: toString(f.validFrom),
                  tooEarly: f.validFrom IS NOT NULL AND f.validFrom >= $on}) AS facts
}
RETURN facts,
       $byRuleId IS NULL OR EXISTS { MATCH (:Rule {id: $byRuleId}) } AS ruleFound,
       [id IN $sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }] AS missingSources`,
  }]),
) as Record<FactKind, NamedQuery>;

/** The ending written on a fact: its last day, the note and sources added (a touch also remembers the rule that ended it). */
const endSet = `
SET f.validTo = $on,
    f.note = CASE WHEN $note IS NULL THEN f.note WHEN f.note IS NULL THEN $note ELSE f.note + ' ' + $note END,
    f.sourceIds = ${withSources('f.sourceIds')}`;

const endRelationships: NamedQuery = {
  name: 'endFactRelationships',
  cypher: `
UNWIND $facts AS fact
MATCH ()-[f]->() WHERE elementId(f) = fact
${endSet}
SET f.endedByRuleId = CASE WHEN type(f) IN ['TARGETS', 'RESTRICTS', 'PROHIBITS_USE'] THEN coalesce($byRuleId, f.endedByRuleId) ELSE f.endedByRuleId END,
    f.removedBy = CASE WHEN type(f) = 'IN_GROUP' THEN coalesce($byRuleId, f.removedBy) ELSE f.removedBy END`,
};

/** A listing is a node: the rule that ended it REMOVES_LISTING it, as docs/graph-model.md describes it. */
const endListings: NamedQuery = {
  name: 'endFactListings',
  cypher: `
UNWIND $facts AS fact
MATCH (f:Listing) WHERE elementId(f) = fact
${endSet}
WITH f
OPTIONAL MATCH (rule:Rule {id: $byRuleId})
FOREACH (_ IN CASE WHEN rule IS NULL THEN [] ELSE [1] END |
  MERGE (rule)-[removes:REMOVES_LISTING]->(f)
  SET removes.sourceIds = $sourceIds)`,
};

interface Found {
  facts: { fact: string; id: string | null; open: boolean; validFrom: string | null; tooEarly: boolean }[];
  ruleFound: boolean;
  missingSources: string[];
}

/**
 * Ends the open fact of this kind between subject and object on a day. No open fact is NOT_FOUND
 * (unless one was ended on that very day: a retry, nothing written, no Change); a day not after the
 * fact's start is BAD_USER_INPUT; the ending rule and every source must exist.
 */
export async function endFact(tx: CountingTransaction, input: EndFact): Promise<WriteOutcome> {
  const kind = KIND_OF[input.relation];
  const [found] = await tx.run<Found>(findQueries[kind], input);
  if (!found.ruleFound) throw new InputRefused(`No rule has id ${input.byRuleId}.`, 'input.byRuleId');
  if (found.missingSources.length > 0) throw new InputRefused(`No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds');
  const open = found.facts.filter((fact) => fact.open);
  const entityIds = [input.subjectId, ...(kind === 'listing' ? found.facts.map((fact) => fact.id ?? '').filter(Boolean) : [input.objectId])];
  if (open.length === 0) {
    if (found.facts.length > 0) return { entityIds, changed: false };
    throw new NotFound(`No open ${input.relation} fact from ${input.subjectId} to ${input.objectId}.`, 'input.objectId');
  }
  const early = open.find((fact) => fact.tooEarly);
  if (early) throw new InputRefused(`The fact holds from ${early.validFrom}: it can only end after that day.`, 'input.on');
  await tx.run(kind === 'listing' ? endListings : endRelationships, { ...input, facts: open.map((fact) => fact.fact) });
  return { entityIds, changed: true };
}

const listingIdsQuery: NamedQuery = {
  name: 'endFactListingIds',
  cypher: 'MATCH (:Company {id: $subjectId})-[:LISTED]->(l:Listing {list: $list}) RETURN l.id AS id',
};

/** The entities whose before and after values an ending changes: its two ends, and for a listing the party's listings on that list. */
export async function endFactSubjects(tx: CountingTransaction, input: EndFact): Promise<string[]> {
  if (KIND_OF[input.relation] !== 'listing') return [input.subjectId, input.objectId];
  const rows = await tx.run<{ id: string }>(listingIdsQuery, input);
  return [input.subjectId, ...rows.map((row) => row.id)];
}
