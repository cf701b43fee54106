import { Type } from 'class-transformer';
import {
  ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsPositive, IsString, Matches, MaxLength,
  MinLength, Validate, ValidateIf, ValidateNested, ValidationArguments, ValidationError, ValidatorConstraint, ValidatorConstraintInterface,
} from 'class-validator';
import { ECCN_CODE, idPattern } from '../../domain/entities';
import { LINEAGE_TYPES } from '../../domain/lineage/lineage.kinds';

/**
 * The record shapes the seed files and `npm run import` share, checked with class-validator before anything is written.
 * Every source is a public document: it has a URL or a publication date (both where they exist).
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const idOf = idPattern;
const COUNTRY_CODE = /^[A-Z]{2}$/;
/** A country group as written in Supp. No. 1 to 15 CFR part 740: B, D:5, E:1. */
const GROUP_CODE = /^[A-E](:[1-9][0-9]?)?$/;
/** Ids of the v3 kinds from the registry (eccn:3A090, countryGroup:D5). */
export const ECCN_ID = idPattern('eccn');
export const COUNTRY_GROUP_ID = idPattern('countryGroup');
/** The id of a country group from its code: D:5 gives countryGroup:D5. */
export const countryGroupId = (code: string) => `countryGroup:${code.replace(':', '')}`;
/** The id of an ECCN node from its code. */
export const eccnId = (code: string) => `eccn:${code}`;
export { listingId } from '../../domain/entity-ids';

export const RULE_KINDS = ['INTERIM_FINAL_RULE', 'FINAL_RULE', 'PROPOSED_RULE', 'RESCISSION', 'GUIDANCE', 'ANNOUNCEMENT', 'ENTITY_LIST_ACTION'] as const;
/** The lineage kinds, from the one list reads, the cycle check and the drawing use. */
export const LINEAGE_KINDS = LINEAGE_TYPES;
/** How sure a dated fact is: a cited source states it, it is derived from stated facts, or no primary source was found. */
export const CONFIDENCES = ['STATED', 'INFERRED', 'UNCONFIRMED'] as const;
export const LISTS = ['ENTITY_LIST', 'MILITARY_END_USER_LIST', 'UNVERIFIED_LIST'] as const;
export const TOUCH_RELATIONS = ['TARGETS', 'RESTRICTS', 'PROHIBITS_USE'] as const;
export const ACTION_KINDS = ['SIGNED', 'ANNOUNCED', 'INSTRUCTED', 'STATED'] as const;
export const ENDING_KINDS = ['FORMAL_RESCISSION', 'NON_ENFORCEMENT', 'SUPERSEDED', 'EXPIRED', 'VACATED'] as const;
import { SOURCE_KINDS } from '../../domain/source/source.kinds';
export { SOURCE_KINDS };

class Sourced {
  @IsArray() @ArrayNotEmpty() @Matches(idOf('source'), { each: true })
  sourceIds!: string[];

  @IsOptional() @IsString() @MaxLength(1000)
  note?: string;
}

/** An INFERRED or UNCONFIRMED confidence needs a note (the field named by the constraint) saying how, or what is missing. */
@ValidatorConstraint({ name: 'noteForConfidence' })
class NoteForConfidence implements ValidatorConstraintInterface {
  validate(confidence: unknown, args: ValidationArguments): boolean {
    if (confidence !== 'INFERRED' && confidence !== 'UNCONFIRMED') return true;
    const note = (args.object as Record<string, unknown>)[String(args.constraints[0])];
    return typeof note === 'string' && note.trim().length > 0;
  }

  defaultMessage(args: ValidationArguments): string {
    return `an INFERRED or UNCONFIRMED fact needs a ${String(args.constraints[0])} saying how, or what is missing`;
  }
}

/** A dated fact: how sure it is (STATED when not given). */
class Dated extends Sourced {
  @IsOptional() @IsIn(CONFIDENCES) @Validate(NoteForConfidence, ['note'])
  confidence?: (typeof CONFIDENCES)[number];
}

export class SourceRecord {
  @Matches(idOf('source')) id!: string;
  @IsString() @MinLength(3) title!: string;
  @IsString() @MinLength(2) publisher!: string;
  @ValidateIf((source: SourceRecord) => !source.publishedOn, { message: 'a source needs a url or a publishedOn date' })
  @Matches(/^https?:\/\//)
  url?: string;
  @ValidateIf((source: SourceRecord) => !source.url)
  @Matches(ISO_DATE, { message: 'publishedOn must be an ISO date (a source needs a url or a publishedOn date)' })
  publishedOn?: string;
  @IsIn(SOURCE_KINDS)
  kind!: string;
  @IsOptional() @IsString() note?: string;
}

export class CountryAliasRecord extends Sourced {
  @Matches(COUNTRY_CODE) code!: string;
  @IsArray() @ArrayNotEmpty() @IsString({ each: true }) names!: string[];
}

/** The name a country is shown by where it differs from the ISO 3166-1 short name (which stays an alias). */
export class CountryDisplayNameRecord extends Sourced {
  @Matches(COUNTRY_CODE) code!: string;
  @IsString() @MinLength(2) name!: string;
}

/** A country or territory as ISO 3166-1 lists it; the seed makes these from the ISO list with its own aliases and display names. */
export class CountryRecord extends Sourced {
  @Matches(COUNTRY_CODE) code!: string;
  @Matches(/^([A-Z]{3})?$/) alpha3!: string;
  @Matches(/^(\d{3})?$/) numeric!: string;
  @IsString() @MinLength(2) name!: string;
  @IsOptional() @IsString({ each: true }) aliases?: string[];
}

export class AgencyRecord extends Sourced {
  @Matches(idOf('agency')) id!: string;
  @IsString() @MinLength(2) name!: string;
  @IsOptional() @IsString() acronym?: string;
  @IsOptional() @Matches(idOf('agency')) parentId?: string;
}

export class OfficeRecord extends Dated {
  @Matches(idOf('agency')) agencyId!: string;
  @IsString() @MinLength(2) title!: string;
  @IsOptional() @Matches(ISO_DATE) validFrom?: string;
  @IsOptional() @Matches(ISO_DATE) validTo?: string;
}

export class OfficialRecord extends Sourced {
  @Matches(idOf('official')) id!: string;
  @IsString() @MinLength(2) name!: string;
  @IsOptional() @IsString({ each: true }) aliases?: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => OfficeRecord) offices!: OfficeRecord[];
}

export class OfficialActionRecord extends Sourced {
  @Matches(idOf('official')) officialId!: string;
  @Matches(idOf('rule')) ruleId!: string;
  @IsIn(ACTION_KINDS) kind!: string;
  @Matches(ISO_DATE) on!: string;
  @IsOptional() @IsString() text?: string;
}

export class CompanyRecord extends Sourced {
  @Matches(idOf('company')) id!: string;
  @IsString() @MinLength(2) name!: string;
  @IsOptional() @IsString({ each: true }) aliases?: string[];
  @Matches(COUNTRY_CODE) countryCode!: string;
  /** The parent company: (this)-[:SUBSIDIARY_OF]->(parent). */
  @IsOptional() @Matches(idOf('company')) parentId?: string;
  @ValidateIf((company: CompanyRecord) => !!company.parentId)
  @IsArray() @ArrayNotEmpty() @Matches(idOf('source'), { each: true })
  parentSourceIds?: string[];
  @IsOptional() @Matches(ISO_DATE) parentValidFrom?: string;
  @IsOptional() @Matches(ISO_DATE) parentValidTo?: string;
  @IsOptional() @IsIn(CONFIDENCES) @Validate(NoteForConfidence, ['parentNote'])
  parentConfidence?: (typeof CONFIDENCES)[number];
  @IsOptional() @IsString() parentNote?: string;
}

export class ChipProductRecord extends Sourced {
  @Matches(idOf('chipProduct')) id!: string;
  @IsString() @MinLength(2) name!: string;
  @IsOptional() @IsString({ each: true }) aliases?: string[];
  @IsOptional() @IsString() family?: string;
  @Matches(idOf('company')) makerId!: string;
  @IsOptional() @IsNumber() @IsPositive() tpp?: number;
  @IsOptional() @IsNumber() @IsPositive() performanceDensity?: number;
  @IsOptional() @IsNumber() @IsPositive() memoryBandwidthGBs?: number;
  @IsOptional() @Matches(ISO_DATE) announcedOn?: string;
  /** The sources stating the performance figures; required with any of them. */
  @ValidateIf((p: ChipProductRecord) => p.tpp !== undefined || p.performanceDensity !== undefined || p.memoryBandwidthGBs !== undefined || p.announcedOn !== undefined)
  @IsArray() @ArrayNotEmpty({ message: 'performance figures need performanceSourceIds' }) @Matches(idOf('source'), { each: true })
  performanceSourceIds?: string[];
}

export class FabricationRecord extends Sourced {
  @Matches(idOf('chipProduct')) productId!: string;
  @Matches(idOf('company')) foundryId!: string;
  @IsBoolean() unconfirmed!: boolean;
}

export class RuleRecord extends Sourced {
  @Matches(idOf('rule')) id!: string;
  @IsString() @MinLength(3) title!: string;
  @IsOptional() @IsString() shortName?: string;
  @IsOptional() @IsString({ each: true }) aliases?: string[];
  @IsIn(RULE_KINDS) kind!: string;
  @IsOptional() @Matches(/^\d+ FR \d+$/) citation?: string;
  @IsOptional() @Matches(/^\d{4}-\d{5}$/) documentNumber?: string;
  @IsOptional() @Matches(/^\d{4}-[A-Z]{2}\d{2}$/) rin?: string;
  /** The parts of 15 CFR the document amends, as it lists them: '15 CFR 744'. */
  @IsOptional() @IsArray() @Matches(/^\d+ CFR \d+$/, { each: true }) cfrParts?: string[];
  @IsOptional() @IsString() summary?: string;
  @IsOptional() @Matches(ISO_DATE) issuedOn?: string;
  @IsOptional() @Matches(ISO_DATE) publishedOn?: string;
  @IsOptional() @Matches(ISO_DATE) effectiveOn?: string;
  @IsOptional() @Matches(ISO_DATE) complianceOn?: string;
  @IsOptional() @IsString() administration?: string;
  @IsArray() @Matches(idOf('agency'), { each: true }) issuedByAgencyIds!: string[];
}

export class LineageRecord extends Dated {
  @Matches(idOf('rule')) fromId!: string;
  @Matches(idOf('rule')) toId!: string;
  @IsIn(LINEAGE_KINDS) kind!: string;
  /** The day the link takes effect; for SUSPENDS the first day of the suspension (= from). */
  @Matches(ISO_DATE) on!: string;
  /** SUSPENDS only: the first day suspended (required) and the first day it applies again (null when open). */
  @ValidateIf((link: LineageRecord) => link.kind === 'SUSPENDS')
  @Matches(ISO_DATE, { message: 'a SUSPENDS link needs from (its first day)' })
  from?: string;
  @ValidateIf((link: LineageRecord) => link.until !== undefined)
  @Matches(ISO_DATE)
  until?: string;
}

export class TouchRecord extends Dated {
  @Matches(idOf('rule')) ruleId!: string;
  @Matches(/^(chipProduct|company|country|eccn|countryGroup):[A-Za-z0-9.:-]+$/) targetId!: string;
  @IsIn(TOUCH_RELATIONS) relation!: string;
  @Matches(ISO_DATE) validFrom!: string;
  @IsOptional() @Matches(ISO_DATE) validTo?: string;
}

/** How and when a rule stopped applying (applied through the revokeRule code path). */
export class RevocationRecord extends Sourced {
  @Matches(idOf('rule')) ruleId!: string;
  @IsOptional() @Matches(idOf('rule')) revokedByRuleId?: string;
  @Matches(ISO_DATE) on!: string;
  @IsIn(ENDING_KINDS) kind!: (typeof ENDING_KINDS)[number];
}

export class TierRecord extends Sourced {
  @Matches(idOf('tier')) id!: string;
  @Matches(idOf('rule')) ruleId!: string;
  @IsInt() @IsPositive() level!: number;
  @IsString() name!: string;
  @IsOptional() @IsString() description?: string;
  @IsOptional() @IsNumber() @IsPositive() computeCapTpp?: number;
}

/** One country's membership of a tier, as the seed makes them from its assignments and an import takes them. */
export class TierAssignmentRecord extends Dated {
  @Matches(COUNTRY_CODE) code!: string;
  @Matches(idOf('tier')) tierId!: string;
  @Matches(ISO_DATE) validFrom!: string;
  @IsOptional() @Matches(ISO_DATE) validTo?: string;
}

export class TierMembersRecord extends Dated {
  @Matches(idOf('tier')) tierId!: string;
  @IsArray() @ArrayNotEmpty() @Matches(COUNTRY_CODE, { each: true }) countries!: string[];
}

export class AssignmentNoteRecord extends Dated {
  @IsArray() @ArrayNotEmpty() @Matches(COUNTRY_CODE, { each: true }) codes!: string[];
}

export class TierAssignmentsRecord {
  @Matches(ISO_DATE) validFrom!: string;
  @Matches(idOf('tier')) defaultTierId!: string;
  @IsArray() @ArrayNotEmpty() @Matches(idOf('source'), { each: true }) defaultSourceIds!: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => TierMembersRecord) members!: TierMembersRecord[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => AssignmentNoteRecord) notes!: AssignmentNoteRecord[];
  /** A sentence added to every assignment's note, with its sources (what happened to all of them). */
  @IsOptional() @IsString() note?: string;
  @ValidateIf((a: TierAssignmentsRecord) => !!a.note)
  @IsArray() @ArrayNotEmpty() @Matches(idOf('source'), { each: true })
  noteSourceIds?: string[];
}

// --- v3: ECCNs, country groups, listings (docs/graph-model.md) ---

export class EccnRecord extends Sourced {
  @Matches(ECCN_ID) id!: string;
  @Matches(ECCN_CODE) code!: string;
  @IsString() @MinLength(3) title!: string;
}

/** (rule)-[:CONTROLS]->(eccn): the rule created or changed the entry. */
export class EccnControlRecord extends Sourced {
  @Matches(idOf('rule')) ruleId!: string;
  @Matches(ECCN_CODE) eccn!: string;
}

/** (product)-[:CLASSIFIED_AS]->(eccn). */
export class ClassificationRecord extends Dated {
  @Matches(idOf('chipProduct')) productId!: string;
  @Matches(ECCN_CODE) eccn!: string;
  @IsOptional() @Matches(ISO_DATE) validFrom?: string;
  @IsOptional() @Matches(ISO_DATE) validTo?: string;
}

export class CountryGroupRecord extends Sourced {
  @Matches(COUNTRY_GROUP_ID) id!: string;
  @Matches(GROUP_CODE) code!: string;
  @IsString() @MinLength(1) name!: string;
  @IsOptional() @IsString() description?: string;
}

/** (country)-[:IN_GROUP]->(group) for each country listed, over the same dates. */
export class GroupMembershipRecord extends Dated {
  @Matches(GROUP_CODE) group!: string;
  @IsArray() @ArrayNotEmpty() @Matches(COUNTRY_CODE, { each: true }) countries!: string[];
  @IsOptional() @Matches(ISO_DATE) validFrom?: string;
  @IsOptional() @Matches(ISO_DATE) validTo?: string;
  @IsOptional() @Matches(idOf('rule')) addedByRuleId?: string;
  @IsOptional() @Matches(idOf('rule')) removedByRuleId?: string;
}

/** A party's listing on a restricted-party list; becomes a Listing node (id from party, list and validFrom). */
export class ListingRecord extends Dated {
  @Matches(idOf('company')) partyId!: string;
  @IsIn(LISTS) list!: (typeof LISTS)[number];
  @IsOptional() @IsString() licenseRequirement?: string;
  @IsOptional() @IsString() licensePolicy?: string;
  @Matches(ISO_DATE) validFrom!: string;
  @IsOptional() @Matches(ISO_DATE) validTo?: string;
  @IsOptional() @Matches(idOf('rule')) addedByRuleId?: string;
  @IsOptional() @Matches(idOf('rule')) removedByRuleId?: string;
}

/** A class-validator result as lines: 'field "a.b": message', nested fields joined with dots. */
export function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `field "${field}": ${message}`);
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
