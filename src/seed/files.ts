import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'yaml';
import {
  AgencyRecord, ChipProductRecord, ClassificationRecord, CompanyRecord, CountryAliasRecord, CountryDisplayNameRecord,
  CountryGroupRecord, countryGroupId, EccnControlRecord, EccnRecord, eccnId, FabricationRecord, GroupMembershipRecord,
  LineageRecord, listingId, ListingRecord, OfficialActionRecord, OfficialRecord, RevocationRecord, RuleRecord, SourceRecord,
  TierAssignmentsRecord, TierRecord, TouchRecord, flatten,
} from '../import/records/records';

export const defaultSeedDir = path.join(projectRoot, 'seed');

export interface SeedData {
  sources: SourceRecord[];
  countryAliases: CountryAliasRecord[];
  countryDisplayNames: CountryDisplayNameRecord[];
  agencies: AgencyRecord[];
  officials: OfficialRecord[];
  actions: OfficialActionRecord[];
  companies: CompanyRecord[];
  chipProducts: ChipProductRecord[];
  fabrication: FabricationRecord[];
  rules: RuleRecord[];
  lineage: LineageRecord[];
  touches: TouchRecord[];
  revocations: RevocationRecord[];
  tiers: TierRecord[];
  assignments: TierAssignmentsRecord;
  eccns: EccnRecord[];
  eccnControls: EccnControlRecord[];
  classifications: ClassificationRecord[];
  countryGroups: CountryGroupRecord[];
  groupMemberships: GroupMembershipRecord[];
  listings: ListingRecord[];
}

/** A seed file that does not pass: every problem, each naming file, record and field. */
export class SeedValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Seed data is invalid; nothing was written:\n  ${problems.join('\n  ')}`);
  }
}

type Class<T> = new () => T;

class SeedFile {
  readonly doc: Record<string, unknown>;
  constructor(
    readonly name: string,
    dir: string,
    private readonly problems: string[],
  ) {
    const parsed = parse(readFileSync(path.join(dir, name), 'utf8')) as unknown;
    this.doc = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  }

  list<T extends object>(key: string, type: Class<T>): T[] {
    const value = this.doc[key];
    if (!Array.isArray(value)) {
      this.problems.push(`seed/${this.name}: "${key}" must be a list`);
      return [];
    }
    return value.map((item, index) => this.check(`${key}[${index}]`, item, type));
  }

  one<T extends object>(key: string, type: Class<T>): T {
    return this.check(key, this.doc[key] ?? {}, type);
  }

  private check<T extends object>(where: string, plain: unknown, type: Class<T>): T {
    const record = plainToInstance(type, plain);
    const errors = validateSync(record, { whitelist: true, forbidNonWhitelisted: true });
    const id = (plain as { id?: string })?.id;
    for (const line of flatten(errors)) this.problems.push(`seed/${this.name}: ${where}${id ? ` (${id})` : ''} ${line}`);
    return record;
  }
}

/** Reads and validates every seed file, then checks that every id a record names exists. */
export function readSeed(dir = defaultSeedDir, countryCodes: Set<string>): SeedData {
  const problems: string[] = [];
  const file = (name: string) => new SeedFile(name, dir, problems);
  const sources = file('sources.yaml');
  const countries = file('countries.yaml');
  const agencies = file('agencies.yaml');
  const products = file('products.yaml');
  const rules = file('rules.yaml');
  const tiers = file('tiers.yaml');
  const eccns = file('eccns.yaml');
  const groups = file('country-groups.yaml');
  const listings = file('listings.yaml');
  const data: SeedData = {
    sources: sources.list('sources', SourceRecord),
    countryAliases: countries.list('aliases', CountryAliasRecord),
    countryDisplayNames: countries.list('displayNames', CountryDisplayNameRecord),
    agencies: agencies.list('agencies', AgencyRecord),
    officials: agencies.list('officials', OfficialRecord),
    actions: agencies.list('actions', OfficialActionRecord),
    companies: products.list('companies', CompanyRecord),
    chipProducts: products.list('chipProducts', ChipProductRecord),
    fabrication: products.list('fabrication', FabricationRecord),
    rules: rules.list('rules', RuleRecord),
    lineage: rules.list('lineage', LineageRecord),
    touches: rules.list('touches', TouchRecord),
    revocations: rules.list('revocations', RevocationRecord),
    tiers: tiers.list('tiers', TierRecord),
    assignments: tiers.one('assignments', TierAssignmentsRecord),
    eccns: eccns.list('eccns', EccnRecord),
    eccnControls: eccns.list('eccnControls', EccnControlRecord),
    classifications: eccns.list('classifications', ClassificationRecord),
    countryGroups: groups.list('countryGroups', CountryGroupRecord),
    groupMemberships: groups.list('groupMemberships', GroupMembershipRecord),
    listings: listings.list('listings', ListingRecord),
  };
  problems.push(...checkReferences(data, countryCodes));
  if (problems.length > 0) throw new SeedValidationError(problems);
  return data;
}

function checkReferences(data: SeedData, countryCodes: Set<string>): string[] {
  const ids = new Set<string>([...countryCodes].map((code) => `country:${code}`));
  const problems: string[] = [];
  const declare = (file: string, key: string, records: { id: string }[]) =>
    records.forEach((record, index) => {
      if (ids.has(record.id)) problems.push(`seed/${file}: ${key}[${index}] field "id": ${record.id} is declared twice`);
      ids.add(record.id);
    });
  declare('sources.yaml', 'sources', data.sources);
  declare('agencies.yaml', 'agencies', data.agencies);
  declare('agencies.yaml', 'officials', data.officials);
  declare('products.yaml', 'companies', data.companies);
  declare('products.yaml', 'chipProducts', data.chipProducts);
  declare('rules.yaml', 'rules', data.rules);
  declare('tiers.yaml', 'tiers', data.tiers);
  declare('eccns.yaml', 'eccns', data.eccns);
  declare('country-groups.yaml', 'countryGroups', data.countryGroups);
  data.eccns.forEach((eccn, index) => {
    if (eccn.id !== eccnId(eccn.code)) problems.push(`seed/eccns.yaml: eccns[${index}] field "id": ${eccn.id} should be ${eccnId(eccn.code)}`);
  });
  data.countryGroups.forEach((group, index) => {
    if (group.id !== countryGroupId(group.code)) problems.push(`seed/country-groups.yaml: countryGroups[${index}] field "id": ${group.id} should be ${countryGroupId(group.code)}`);
  });
  const listingIds = new Set<string>();
  data.listings.forEach((listing, index) => {
    const id = listingId(listing.partyId, listing.list, listing.validFrom);
    if (listingIds.has(id)) problems.push(`seed/listings.yaml: listings[${index}]: ${id} is listed twice`);
    listingIds.add(id);
  });

  const refer = (file: string, key: string, records: object[], fields: string[]) =>
    records.forEach((record, index) => {
      for (const field of fields) {
        const value = (record as Record<string, unknown>)[field];
        const wanted = field === 'code' || field === 'codes' || field === 'countryCode' || field === 'countries'
          ? [value].flat().map((code) => `country:${code}`)
          : field === 'eccn' ? [value].flat().map((code) => eccnId(String(code)))
          : field === 'group' ? [value].flat().map((code) => countryGroupId(String(code)))
          : [value].flat();
        for (const id of wanted) {
          if (typeof id === 'string' && !ids.has(id)) problems.push(`seed/${file}: ${key}[${index}] field "${field}": no record has id ${id}`);
        }
      }
    });
  refer('countries.yaml', 'aliases', data.countryAliases, ['code', 'sourceIds']);
  refer('countries.yaml', 'displayNames', data.countryDisplayNames, ['code', 'sourceIds']);
  refer('agencies.yaml', 'agencies', data.agencies, ['parentId', 'sourceIds']);
  refer('agencies.yaml', 'officials', data.officials, ['sourceIds']);
  data.officials.forEach((official, index) =>
    refer('agencies.yaml', `officials[${index}].offices`, official.offices, ['agencyId', 'sourceIds']),
  );
  refer('agencies.yaml', 'actions', data.actions, ['officialId', 'ruleId', 'sourceIds']);
  refer('products.yaml', 'companies', data.companies, ['countryCode', 'parentId', 'parentSourceIds', 'sourceIds']);
  refer('products.yaml', 'chipProducts', data.chipProducts, ['makerId', 'sourceIds', 'performanceSourceIds']);
  refer('products.yaml', 'fabrication', data.fabrication, ['productId', 'foundryId', 'sourceIds']);
  refer('rules.yaml', 'rules', data.rules, ['issuedByAgencyIds', 'sourceIds']);
  refer('rules.yaml', 'lineage', data.lineage, ['fromId', 'toId', 'sourceIds']);
  refer('rules.yaml', 'touches', data.touches, ['ruleId', 'targetId', 'sourceIds']);
  refer('rules.yaml', 'revocations', data.revocations, ['ruleId', 'revokedByRuleId', 'sourceIds']);
  refer('tiers.yaml', 'tiers', data.tiers, ['ruleId', 'sourceIds']);
  refer('tiers.yaml', 'assignments', [data.assignments], ['defaultTierId', 'defaultSourceIds', 'noteSourceIds']);
  refer('tiers.yaml', 'assignments.members', data.assignments.members ?? [], ['tierId', 'countries', 'sourceIds']);
  refer('tiers.yaml', 'assignments.notes', data.assignments.notes ?? [], ['codes', 'sourceIds']);
  refer('eccns.yaml', 'eccns', data.eccns, ['sourceIds']);
  refer('eccns.yaml', 'eccnControls', data.eccnControls, ['ruleId', 'eccn', 'sourceIds']);
  refer('eccns.yaml', 'classifications', data.classifications, ['productId', 'eccn', 'sourceIds']);
  refer('country-groups.yaml', 'countryGroups', data.countryGroups, ['sourceIds']);
  refer('country-groups.yaml', 'groupMemberships', data.groupMemberships, ['group', 'countries', 'addedByRuleId', 'removedByRuleId', 'sourceIds']);
  refer('listings.yaml', 'listings', data.listings, ['partyId', 'addedByRuleId', 'removedByRuleId', 'sourceIds']);
  data.companies.forEach((company, index) => {
    if (company.parentId === company.id) problems.push(`seed/products.yaml: companies[${index}] field "parentId": a company cannot be its own parent`);
  });
  return problems;
}
