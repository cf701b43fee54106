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
import { saveChipProduct, saveCompany } from '../../domain/product/product.service';
import { RuleInput } from '../../domain/rule/rule.mutation.input';
import { RuleKind } from '../../domain/rule/rule.type';
import { saveRule } from '../../domain/rule/rule.writes';
import { recordTouch } from '../../domain/rule/touch.service';
import { saveSource } from '../../domain/source/source.service';
import { toNeo4jDate } from '../../neo4j/dates';
import { CountingTransaction } from '../../neo4j/graph';
import {
  ChipProductRecord, ClassificationRecord, CompanyRecord, countryGroupId, eccnId, GroupMembershipRecord, ListingRecord,
  OfficialActionRecord, OfficialRecord, RuleRecord, SourceRecord, TouchRecord,
} from '../../seed/records';

/**
 * The record kinds an import takes, in the order it writes them (what a record names is written
 * before it), each mapped onto the write service the matching mutation calls. A record becomes one
 * or more steps; each step is one service call and, when it changed something, one Change.
 */

/** One service call: `key` names what it writes (an entity id, or a fact's parts), `entity` says whether the key is a node that may already exist. */
export interface ImportStep {
  key: string;
  entity: boolean;
  subjects: string[];
  write(tx: CountingTransaction): Promise<WriteOutcome>;
}

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

const companies = spec(CompanyRecord, (c) => c.id, (c) => [{
  key: c.id, entity: true, subjects: [c.id, ...(c.parentId ? [c.parentId] : [])],
  write: (tx) => saveCompany(tx, {
    id: c.id, given: true, name: c.name, set: namedFieldsToSet(c, ['aliases', 'note']), sourceIds: c.sourceIds,
    countryCode: c.countryCode, parentId: c.parentId ?? null,
    parentLink: c.parentId ? {
      validFrom: date(c.parentValidFrom), validTo: date(c.parentValidTo), confidence: (c.parentConfidence ?? 'STATED') as Confidence,
      note: c.parentNote ?? null, sourceIds: c.parentSourceIds ?? c.sourceIds,
    } : null,
  }),
}]);

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

/** The importable kinds, keyed as in the seed files, in write order. */
export const IMPORTABLE: Record<string, KindSpec> = {
  sources, companies, chipProducts, officials, rules, actions, touches, classifications, groupMemberships, listings,
};

/** Seed kinds with no write service yet, and what to do instead. */
export const NOT_IMPORTABLE: Record<string, string> = Object.fromEntries(
  ['aliases', 'displayNames', 'agencies', 'fabrication', 'lineage', 'revocations', 'tiers', 'assignments', 'eccns', 'eccnControls', 'countryGroups']
    .map((kind) => [kind, 'cannot be imported yet: no write service takes it with its sources (lineage and revocations: use linkRules and revokeRule; the rest: the seed files)']),
);
