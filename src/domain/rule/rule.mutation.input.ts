import { EXPECTED_VERSION_DESCRIPTION } from '../node/version';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { idPattern } from '../entities';
import { LineageKind } from '../lineage/lineage.type';
import { EndingKind } from './rule-ending.type';
import { RuleKind } from './rule.type';


/** Passes when the named earlier date is absent, or not after this one ('strictly': before this one). */
@ValidatorConstraint({ name: 'notBefore' })
export class NotBefore implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments) {
    const earlier = (args.object as Record<string, unknown>)[args.constraints[0]];
    if (value === null || value === undefined || earlier === null || earlier === undefined) return true;
    return args.constraints[1] === 'strictly' ? String(earlier) < String(value) : String(earlier) <= String(value);
  }

  defaultMessage(args: ValidationArguments) {
    return args.constraints[1] === 'strictly'
      ? `${args.property} must be after ${args.constraints[0]}`
      : `${args.property} must not be before ${args.constraints[0]}`;
  }
}

@InputType({ description: 'A rule to create (no id, or a new one) or update (an existing id): given fields are set; relationships are kept and added to.' })
export class RuleInput {
  @Field(() => ID, { nullable: true, description: "Its id, 'rule:<slug>'; made from the title when absent." })
  @IsOptional()
  @Matches(idPattern('rule'), { message: 'id must look like rule:<slug>' })
  id?: string | null;

  @Field({ description: 'Official title.' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title!: string;

  @Field(() => String, { nullable: true, description: 'The name people use.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  shortName?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other names it goes by; replaces those it had.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[] | null;

  @Field(() => RuleKind, { description: 'What sort of instrument it is.' })
  @IsEnum(RuleKind)
  kind!: RuleKind;

  @Field(() => String, { nullable: true, description: "Federal Register citation, e.g. '90 FR 4544'." })
  @IsOptional()
  @Matches(/^\d{1,3} FR \d{1,6}$/, { message: "citation must look like '90 FR 4544'" })
  citation?: string | null;

  @Field(() => String, { nullable: true, description: "Federal Register document number, e.g. '2025-00636'." })
  @IsOptional()
  @Matches(/^\d{4}-\d{5}$/, { message: "documentNumber must look like '2025-00636'" })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'What it does.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was issued or announced.' })
  issuedOn?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'When it was published.' })
  publishedOn?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'When it takes effect; not before issuedOn.' })
  @Validate(NotBefore, ['issuedOn'])
  effectiveOn?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'When compliance becomes mandatory; not before effectiveOn.' })
  @Validate(NotBefore, ['effectiveOn'])
  complianceOn?: unknown;

  @Field(() => [ID], { nullable: true, description: 'Agencies that issued it (they must exist).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(idPattern('agency'), { each: true, message: 'each issuedByAgencyIds entry must look like agency:<slug>' })
  issuedByAgencyIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Sources it cites (they must exist).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), { each: true, message: 'each sourceIds entry must look like source:<slug>' })
  sourceIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "Regulation Identifier Number, e.g. '0694-AJ90'." })
  @IsOptional()
  @Matches(/^\d{4}-[A-Z]{2}\d{2}$/, { message: "rin must look like '0694-AJ90'" })
  rin?: string | null;

  @Field(() => [String], { nullable: true, description: "CFR parts the rule amends, e.g. ['15 CFR 740', '15 CFR 744']; replaces those it had." })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^\d{1,2} CFR \d{1,4}$/, { each: true, message: "each cfrParts entry must look like '15 CFR 744'" })
  cfrParts?: string[] | null;

  @Field(() => String, { nullable: true, description: "The US administration that issued it, e.g. 'Biden'." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  administration?: string | null;

  @Field(() => String, { nullable: true, description: 'What an editor should know about it: a caveat, a correction, what a source leaves open.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}

@InputType({ description: '`from` revokes, amends, supersedes, implements, ends the enforcement of or corrects `to` (a suspension, which has a period, is not linked here).' })
export class RuleLinkInput {
  @Field(() => ID, { description: 'The acting rule.' })
  @Matches(idPattern('rule'), { message: 'fromRuleId must look like rule:<slug>' })
  fromRuleId!: string;

  @Field(() => ID, { description: 'The rule acted on.' })
  @Matches(idPattern('rule'), { message: 'toRuleId must look like rule:<slug>' })
  toRuleId!: string;

  @Field(() => LineageKind, { description: 'How.' })
  @IsEnum(LineageKind)
  kind!: LineageKind;

  @Field(() => DateScalar, { nullable: true, description: 'When.' })
  on?: unknown;
}

@InputType({ description: 'End a rule on a date (rescinded, no longer enforced, superseded...), optionally by another rule.' })
export class RevokeRuleInput {
  @Field(() => ID, { description: 'The rule to revoke.' })
  @Matches(idPattern('rule'), { message: 'ruleId must look like rule:<slug>' })
  ruleId!: string;

  @Field(() => ID, { nullable: true, description: 'The rescinding rule, when there is one.' })
  @IsOptional()
  @Matches(idPattern('rule'), { message: 'revokedByRuleId must look like rule:<slug>' })
  revokedByRuleId?: string | null;

  @Field(() => DateScalar, { description: 'The first day it no longer holds.' })
  on!: unknown;

  @Field(() => EndingKind, { nullable: true, defaultValue: EndingKind.FORMAL_RESCISSION, description: 'How the rule ended.' })
  @IsOptional()
  @IsEnum(EndingKind)
  kind?: EndingKind | null;

  @Field(() => String, { nullable: true, description: 'What happened, in a sentence or two (kept on the rule and on the lineage link).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}
