import { Type } from 'class-transformer';
import {
  ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsPositive, IsString, Matches, MaxLength,
  MinLength, ValidateIf, ValidateNested,
} from 'class-validator';
import { idPattern } from '../domain/entities';
import { LINEAGE_TYPES } from '../domain/lineage/lineage.kinds';

/**
 * Shapes of the data files in seed/, checked with class-validator before anything is written.
 * Every source is a public document: it has a URL or a publication date (both where they exist).
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const idOf = idPattern;
const COUNTRY_CODE = /^[A-Z]{2}$/;

export const RULE_KINDS = ['INTERIM_FINAL_RULE', 'FINAL_RULE', 'PROPOSED_RULE', 'RESCISSION', 'GUIDANCE', 'ANNOUNCEMENT', 'ENTITY_LIST_ACTION'] as const;
/** The lineage kinds, from the one list reads, the cycle check and the drawing use. */
export const LINEAGE_KINDS = LINEAGE_TYPES;
export const TOUCH_RELATIONS = ['TARGETS', 'RESTRICTS', 'PROHIBITS_USE'] as const;
export const ACTION_KINDS = ['SIGNED', 'ANNOUNCED', 'INSTRUCTED', 'STATED'] as const;
export const ENDING_KINDS = ['FORMAL_RESCISSION', 'NON_ENFORCEMENT', 'SUPERSEDED', 'EXPIRED', 'VACATED'] as const;
export const SOURCE_KINDS = [
  'ARTICLE', 'NEWS_REPORT', 'FEDERAL_REGISTER', 'PRESS_RELEASE', 'PRESIDENTIAL_DOCUMENT', 'DECISION', 'COMPANY_FILING',
  'LAW_FIRM_SUMMARY', 'REGULATION', 'STANDARD',
] as const;

class Sourced {
  @IsArray() @ArrayNotEmpty() @Matches(idOf('source'), { each: true })
  sourceIds!: string[];

  @IsOptional() @IsString() @MaxLength(1000)
  note?: string;
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

export class AgencyRecord extends Sourced {
  @Matches(idOf('agency')) id!: string;
  @IsString() @MinLength(2) name!: string;
  @IsOptional() @IsString() acronym?: string;
  @IsOptional() @Matches(idOf('agency')) parentId?: string;
}

export class OfficeRecord extends Sourced {
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
}

export class ChipProductRecord extends Sourced {
  @Matches(idOf('chipProduct')) id!: string;
  @IsString() @MinLength(2) name!: string;
  @IsOptional() @IsString({ each: true }) aliases?: string[];
  @IsOptional() @IsString() family?: string;
  @Matches(idOf('company')) makerId!: string;
  @IsOptional() @IsNumber() @IsPositive() tpp?: number;
  @IsOptional() @Matches(/^\d[A-E]\d{3}(\.[a-z0-9.]+)?$/) eccn?: string;
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
  @IsOptional() @IsString() summary?: string;
  @IsOptional() @Matches(ISO_DATE) issuedOn?: string;
  @IsOptional() @Matches(ISO_DATE) publishedOn?: string;
  @IsOptional() @Matches(ISO_DATE) effectiveOn?: string;
  @IsOptional() @Matches(ISO_DATE) complianceOn?: string;
  @IsOptional() @IsString() administration?: string;
  @IsArray() @Matches(idOf('agency'), { each: true }) issuedByAgencyIds!: string[];
}

export class LineageRecord extends Sourced {
  @Matches(idOf('rule')) fromId!: string;
  @Matches(idOf('rule')) toId!: string;
  @IsIn(LINEAGE_KINDS) kind!: string;
  @Matches(ISO_DATE) on!: string;
}

export class TouchRecord extends Sourced {
  @Matches(idOf('rule')) ruleId!: string;
  @Matches(/^(chipProduct|company|country):[A-Za-z0-9.-]+$/) targetId!: string;
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

export class TierMembersRecord extends Sourced {
  @Matches(idOf('tier')) tierId!: string;
  @IsArray() @ArrayNotEmpty() @Matches(COUNTRY_CODE, { each: true }) countries!: string[];
}

export class AssignmentNoteRecord extends Sourced {
  @IsArray() @ArrayNotEmpty() @Matches(COUNTRY_CODE, { each: true }) codes!: string[];
}

export class TierAssignmentsRecord {
  @Matches(ISO_DATE) validFrom!: string;
  @Matches(idOf('tier')) defaultTierId!: string;
  @IsArray() @ArrayNotEmpty() @Matches(idOf('source'), { each: true }) defaultSourceIds!: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => TierMembersRecord) members!: TierMembersRecord[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => AssignmentNoteRecord) notes!: AssignmentNoteRecord[];
}
