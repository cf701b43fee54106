import { WriteOutcome } from '../../domain/change/change.writes';
import { saveOfficial, recordOffice, recordOfficialAction } from '../../domain/agency/agency.service';
import { OfficialActionKind } from '../../domain/agency/agency.type';
import { Confidence } from '../../domain/confidence/confidence.type';
import { assignCountryGroup } from '../../domain/country-group/country-group.service';
import { classify } from '../../domain/eccn/eccn.service';
import { kindOfId } from '../../domain/entities';
import { listingId, namedFieldsToSet } from '../../domain/entity-ids';
import { recordListing } from '../../domain/listing/listing.service';
import { ListKind } from '../../domain/listing/listing.type';
import { saveChipProduct, saveCompanies, SaveCompany } from '../../domain/product/product.service';
import { RuleInput } from '../../domain/rule/rule.mutation.input';
import { RuleKind } from '../../domain/rule/rule.type';
import { recordTouch } from '../../domain/rule/touch.service';
import { saveSource } from '../../domain/source/source.service';
import { toNeo4jDate } from '../../neo4j/dates';
import { CountingTransaction } from '../../neo4j/graph';
import {
  AgencyRecord, ChipProductRecord, ClassificationRecord, CompanyRecord, CountryGroupRecord, countryGroupId, CountryRecord, EccnControlRecord,
  eccnId, EccnRecord, FabricationRecord, GroupMembershipRecord, ListingRecord, OfficialActionRecord, OfficialRecord, RuleRecord, SourceRecord,
  LineageRecord, RevocationRecord, TierAssignmentRecord, TierRecord, TouchRecord,
} from './records';
import { assignTier } from '../../domain/tier/tier.service';
import { suspendRule } from '../../domain/rule/rule.service';
import { linkRules, revokeRule, saveRule } from '../../domain/rule/rule.writes';
import { LineageKindName } from '../../domain/lineage/lineage.kinds';
import { EndingKind } from '../../domain/rule/rule-ending.type';
import { savePairLink, saveSourcedNode } from '../../domain/node/sourced-node.writes';

/**
 * The record kinds an import takes, in the order it writes them (what a record names is written
 * before it), each mapped onto the write service the matching mutation calls. A record becomes one
 * or more steps; each step is one service call, or a share of one for kinds written in batches, and,
 * when it changed something, one Change.
 */

/** What a step writes: `key` names it (an entity id, or a fact's parts), `entity` says whether the key is a node that may already exist. */
interface StepBase {
  key: string;
  entity: boolean;
  subjects: string[];
}

/** One service call per step. */
export type SingleStep = StepBase & { write(tx: CountingTransaction): Promise<WriteOutcome> };

/** A step of a kind whose service writes many at once: consecutive steps with the same `writeAll` share one call. */
export type BatchedStep = StepBase & { input: unknown; writeAll(tx: CountingTransaction, inputs: unknown[]): Promise<WriteOutcome[]> };

export type ImportStep = SingleStep | BatchedStep;

/** A batched step: `writeAll` is the service taking many inputs (the same function for every step of the kind). */
const batched = <I>(step: StepBase, input: I, writeAll: (tx: CountingTransaction, inputs: I[]) => Promise<WriteOutcome[]>): BatchedStep =>
  ({ ...step, input, writeAll: writeAll as BatchedStep['writeAll'] });

interface KindSpec {
  type: new () => object;
  idOf(record: object): string | undefined;
  steps(record: object): ImportStep[];
}

const date = (value: string | undefined | null) => (value ? toNeo4jDate(value) : null);
const spec = <R extends object>(type: new () => R, idOf: (record: R) => string | undefined, steps: (record: R) => ImportStep[]): KindSpec =>
  ({ type, idOf: idOf as KindSpec['idOf'], steps: steps as KindSpec['steps'] });

const sources = spec(SourceRecord, (s) => s.id, (s) => [{
  key: s.id, entity: true, subjects: [s.id],
  write: (tx) => saveSource(tx, { id: s.id, given: true, title: s.title, kind: s.kind, set: { publisher: s.publisher, url: s.url ?? null, publishedOn: date(s.publishedOn), note: s.note ?? null } }),
}]);

const companies = spec(CompanyRecord, (c) => c.id, (c) => [batched<SaveCompany>({ key: c.id, entity: true, subjects: [c.id, ...(c.parentId ? [c.parentId] : [])] }, {
  id: c.id, given: true, name: c.name, set: namedFieldsToSet(c, ['aliases', 'note']), sourceIds: c.sourceIds,
  countryCode: c.countryCode, parentId: c.parentId ?? null,
  parentLink: c.parentId ? {
    validFrom: date(c.parentValidFrom), validTo: date(c.parentValidTo), confidence: (c.parentConfidence ?? 'STATED') as Confidence,
    note: c.parentNote ?? null, sourceIds: c.parentSourceIds ?? c.sourceIds,
  } : null,
}, saveCompanies)]);

const PERFORMANCE = ['tpp', 'performanceDensity', 'memoryBandwidthGBs', 'announcedOn'] as const;
const chipProducts = spec(ChipProductRecord, (p) => p.id, (p) => {
  const set = namedFieldsToSet(p, ['family', 'aliases', 'note', ...PERFORMANCE]);
  if (p.announcedOn) set.announcedOn = date(p.announcedOn);
  return [{
    key: p.id, entity: true, subjects: [p.id, p.makerId],
    write: (tx) => saveChipProduct(tx, {
      id: p.id, given: true, name: p.name, set, sourceIds: p.sourceIds, makerId: p.makerId,
      performanceGiven: PERFORMANCE.some((field) => p[field] !== undefined), performanceSourceIds: p.performanceSourceIds ?? null,
    }),
  }];
});

const rules = spec(RuleRecord, (r) => r.id, (r) => [{
  key: r.id, entity: true, subjects: [r.id],
  write: (tx) => saveRule(tx, {
    id: r.id, title: r.title, shortName: r.shortName ?? null, kind: r.kind as RuleKind, citation: r.citation ?? null,
    documentNumber: r.documentNumber ?? null, summary: r.summary ?? null, issuedOn: date(r.issuedOn), publishedOn: date(r.publishedOn),
    effectiveOn: date(r.effectiveOn), complianceOn: date(r.complianceOn), issuedByAgencyIds: r.issuedByAgencyIds, sourceIds: r.sourceIds,
    rin: r.rin ?? null, cfrParts: r.cfrParts ?? null, aliases: r.aliases ?? null, administration: r.administration ?? null, note: r.note ?? null,
  } as RuleInput),
}]);

const officials = spec(OfficialRecord, (o) => o.id, (o) => [
  { key: o.id, entity: true, subjects: [o.id], write: (tx) => saveOfficial(tx, { id: o.id, given: true, name: o.name, set: namedFieldsToSet(o, ['aliases', 'note']), sourceIds: o.sourceIds }) },
  ...o.offices.map((office) => ({
    key: `${o.id} HOLDS_OFFICE ${office.title} at ${office.agencyId} from ${office.validFrom ?? 'the start'}`, entity: false, subjects: [o.id, office.agencyId],
    write: (tx: CountingTransaction) => recordOffice(tx, {
      officialId: o.id, agencyId: office.agencyId, title: office.title, validFrom: date(office.validFrom), validTo: date(office.validTo), sourceIds: office.sourceIds,
      confidence: (office.confidence ?? 'STATED') as Confidence, note: office.note ?? null,
    }),
  })),
]);

const actions = spec(OfficialActionRecord, () => undefined, (a) => [{
  key: `${a.officialId} ${a.kind} ${a.ruleId} on ${a.on}`, entity: false, subjects: [a.officialId, a.ruleId],
  write: (tx) => recordOfficialAction(tx, { officialId: a.officialId, ruleId: a.ruleId, kind: a.kind as OfficialActionKind, on: date(a.on), text: a.text ?? null, note: a.note ?? null, sourceIds: a.sourceIds }),
}]);

const touches = spec(TouchRecord, () => undefined, (t) => [{
  key: `${t.ruleId} ${t.relation} ${t.targetId} from ${t.validFrom}`, entity: false, subjects: [t.ruleId, t.targetId],
  write: (tx) => recordTouch(tx, {
    ruleId: t.ruleId, targetId: t.targetId, targetLabel: kindOfId(t.targetId)?.type ?? '', relation: t.relation,
    validFrom: date(t.validFrom), validTo: date(t.validTo), confidence: (t.confidence ?? 'STATED') as Confidence, note: t.note ?? null, sourceIds: t.sourceIds,
  }),
}]);

const classifications = spec(ClassificationRecord, () => undefined, (c) => [{
  key: `${c.productId} CLASSIFIED_AS ${c.eccn} from ${c.validFrom ?? 'the start'}`, entity: false, subjects: [c.productId, eccnId(c.eccn)],
  write: (tx) => classify(tx, {
    productId: c.productId, eccnId: eccnId(c.eccn), validFrom: date(c.validFrom), validTo: date(c.validTo),
    confidence: (c.confidence ?? 'STATED') as Confidence, note: c.note ?? null, sourceIds: c.sourceIds,
  }),
}]);

const groupMemberships = spec(GroupMembershipRecord, () => undefined, (m) =>
  m.countries.map((code) => ({
    key: `country:${code} IN_GROUP ${m.group} from ${m.validFrom ?? 'the start'}`, entity: false, subjects: [`country:${code}`, countryGroupId(m.group)],
    write: (tx: CountingTransaction) => assignCountryGroup(tx, {
      code, groupId: countryGroupId(m.group), validFrom: date(m.validFrom), validTo: date(m.validTo), addedByRuleId: m.addedByRuleId ?? null, sourceIds: m.sourceIds,
      removedByRuleId: m.removedByRuleId ?? null, confidence: (m.confidence ?? 'STATED') as Confidence, note: m.note ?? null,
    }),
  })),
);

const listings = spec(ListingRecord, (l) => listingId(l.partyId, l.list, l.validFrom), (l) => {
  const id = listingId(l.partyId, l.list, l.validFrom);
  return [{
    key: id, entity: true, subjects: [l.partyId, id, ...(l.addedByRuleId ? [l.addedByRuleId] : [])],
    write: (tx) => recordListing(tx, {
      id, partyId: l.partyId, list: l.list as ListKind, licenseRequirement: l.licenseRequirement ?? null, licensePolicy: l.licensePolicy ?? null,
      validFrom: date(l.validFrom), validTo: date(l.validTo), addedByRuleId: l.addedByRuleId ?? null, note: l.note ?? null, sourceIds: l.sourceIds,
      removedByRuleId: l.removedByRuleId ?? null, confidence: (l.confidence ?? 'STATED') as Confidence,
    }),
  }];
});

const countries = spec(CountryRecord, (c) => `country:${c.code}`, (c) => [{
  key: `country:${c.code}`, entity: true, subjects: [`country:${c.code}`],
  write: (tx) => saveSourcedNode(tx, {
    label: 'Country', id: `country:${c.code}`, sourceIds: c.sourceIds,
    properties: { code: c.code, alpha3: c.alpha3, numeric: c.numeric, name: c.name, aliases: c.aliases ?? [], note: c.note },
  }),
}]);

const agencies = spec(AgencyRecord, (a) => a.id, (a) => [{
  key: a.id, entity: true, subjects: [a.id],
  write: (tx) => saveSourcedNode(tx, {
    label: 'Agency', id: a.id, sourceIds: a.sourceIds, properties: { name: a.name, acronym: a.acronym, note: a.note },
    link: a.parentId ? { id: a.parentId, field: 'input.parentId' } : null,
  }),
}]);

const fabrication = spec(FabricationRecord, () => undefined, (f) => [{
  key: `${f.productId} FABRICATED_BY ${f.foundryId}`, entity: false, subjects: [f.productId],
  write: (tx) => savePairLink(tx, {
    type: 'FABRICATED_BY', fromId: f.productId, toId: f.foundryId, properties: { unconfirmed: f.unconfirmed, note: f.note },
    sourceIds: f.sourceIds, fields: { from: 'input.productId', to: 'input.foundryId' },
  }),
}]);

const eccns = spec(EccnRecord, (e) => e.id, (e) => [{
  key: e.id, entity: true, subjects: [e.id],
  write: (tx) => saveSourcedNode(tx, { label: 'Eccn', id: e.id, sourceIds: e.sourceIds, properties: { code: e.code, title: e.title, note: e.note } }),
}]);

const eccnControls = spec(EccnControlRecord, () => undefined, (c) => [{
  key: `${c.ruleId} CONTROLS ${c.eccn}`, entity: false, subjects: [c.ruleId],
  write: (tx) => savePairLink(tx, {
    type: 'CONTROLS', fromId: c.ruleId, toId: eccnId(c.eccn), properties: { note: c.note }, sourceIds: c.sourceIds,
    fields: { from: 'input.ruleId', to: 'input.eccn' },
  }),
}]);

const countryGroups = spec(CountryGroupRecord, (g) => g.id, (g) => [{
  key: g.id, entity: true, subjects: [g.id],
  write: (tx) => saveSourcedNode(tx, {
    label: 'CountryGroup', id: g.id, sourceIds: g.sourceIds, properties: { code: g.code, name: g.name, description: g.description, note: g.note },
  }),
}]);

const tiers = spec(TierRecord, (t) => t.id, (t) => [{
  key: t.id, entity: true, subjects: [t.id],
  write: (tx) => saveSourcedNode(tx, {
    label: 'Tier', id: t.id, sourceIds: t.sourceIds, link: { id: t.ruleId, field: 'input.ruleId' },
    properties: { level: t.level, name: t.name, description: t.description, computeCapTpp: t.computeCapTpp, note: t.note },
  }),
}]);

const tierAssignments = spec(TierAssignmentRecord, () => undefined, (a) => [{
  key: `country:${a.code} IN_TIER ${a.tierId} from ${a.validFrom}`, entity: false, subjects: [`country:${a.code}`],
  write: (tx) => assignTier(tx, {
    code: a.code, tierId: a.tierId, validFrom: date(a.validFrom), validTo: date(a.validTo), sourceIds: a.sourceIds,
    confidence: (a.confidence ?? 'STATED') as Confidence, note: a.note ?? null,
  }),
}]);

const lineage = spec(LineageRecord, () => undefined, (l) => [{
  key: `${l.fromId} ${l.kind} ${l.toId}`, entity: false, subjects: [l.fromId],
  write: (tx) => l.kind === 'SUSPENDS'
    ? suspendRule(tx, {
      ruleId: l.toId, byRuleId: l.fromId, from: date(l.from), until: date(l.until), sourceIds: l.sourceIds,
      confidence: (l.confidence ?? 'STATED') as Confidence, note: l.note ?? null,
    })
    : linkRules(tx, {
      fromRuleId: l.fromId, toRuleId: l.toId, kind: l.kind as LineageKindName, on: date(l.on), sourceIds: l.sourceIds,
      confidence: (l.confidence ?? 'STATED') as Confidence, note: l.note ?? null,
    }),
}]);

const revocations = spec(RevocationRecord, () => undefined, (r) => [{
  key: `${r.ruleId} ended on ${r.on}`, entity: false, subjects: [r.ruleId, ...(r.revokedByRuleId ? [r.revokedByRuleId] : [])],
  write: (tx) => revokeRule(tx, {
    ruleId: r.ruleId, revokedByRuleId: r.revokedByRuleId ?? null, on: toNeo4jDate(r.on), kind: r.kind as EndingKind, note: r.note ?? null, sourceIds: r.sourceIds,
  }),
}]);

/** The importable kinds, keyed as in the seed files, in write order (what a record names comes first; endings last). */
export const IMPORTABLE: Record<string, KindSpec> = {
  sources, countries, agencies, companies, chipProducts, fabrication, officials, rules, eccns, eccnControls, countryGroups, tiers,
  tierAssignments, lineage, actions, touches, classifications, groupMemberships, listings, revocations,
};

/** Seed kinds an import takes in another shape. */
export const NOT_IMPORTABLE: Record<string, string> = {
  ...Object.fromEntries(['aliases', 'displayNames'].map((kind) => [kind, 'is a part of the seed\'s countries file: import countries, each with its name and aliases'])),
  assignments: 'is the seed\'s shape for tier members: import tierAssignments, one record per country',
};
