import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, MaxLength, MinLength, Validate, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { IMPACT_PATHS, ImpactPathKind } from '../impact-paths';
import { NotBefore } from './rule.mutation.input';
import { RuleOrder } from './rule-order';
import { RuleKind, RuleStatus } from './rule.type';

const VIA_DESCRIPTION =
  'Only paths of these kinds (every kind when not given): e.g. [DIRECT, MAKER] asks what touches a product or its maker, and costs only those paths. ' +
  'A kind that cannot start at the entity reaches nothing.';

@InputType({ description: 'Narrows a list of rules; all given conditions must hold.' })
export class RuleFilter {
  @Field(() => [RuleKind], { nullable: true, description: 'Only rules of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(RuleKind, { each: true })
  kinds?: RuleKind[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Rules in force on this date.' })
  @IsOptional()
  inForceOn?: unknown;

  @Field(() => ID, { nullable: true, description: 'Only rules issued by this agency.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  issuedByAgencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in title, short name, summary or citation.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  text?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or after.' })
  @IsOptional()
  issuedFrom?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or before.' })
  @IsOptional()
  @Validate(NotBefore, ['issuedFrom'])
  issuedTo?: unknown;

  @Field(() => RuleStatus, { nullable: true, description: 'With this status on statusOn (today when not given).' })
  @IsOptional()
  @IsEnum(RuleStatus)
  status?: RuleStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day `status` is checked on; today when not given.' })
  @IsOptional()
  statusOn?: unknown;

  @Field(() => String, { nullable: true, description: "Rules that amend this CFR part, e.g. '15 CFR 744'." })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  cfrPart?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Rules that touch this entity (id or name), directly or along a path. Same paths and name resolution as rulesTouching, on any date, each rule once; a text that names nothing is NOT_FOUND with suggestions.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  touching?: string | null;

  @Field(() => [ImpactPathKind], { nullable: true, description: `Used with touching. ${VIA_DESCRIPTION}` })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(IMPACT_PATHS.length)
  @IsEnum(ImpactPathKind, { each: true })
  touchingVia?: ImpactPathKind[] | null;
}

@ArgsType()
export class RulesArgs extends PageArgs {
  @Field(() => RuleFilter, { nullable: true, description: 'Conditions the rules must meet.' })
  @IsOptional()
  @ValidateNested()
  filter?: RuleFilter | null;

  @Field(() => RuleOrder, { nullable: true, defaultValue: RuleOrder.ID, description: 'The order of the rules, and so of the cursors (id order when not given).' })
  @IsOptional()
  @IsEnum(RuleOrder)
  orderBy: RuleOrder = RuleOrder.ID;
}

@ArgsType()
export class RulesTouchingArgs {
  @Field({ description: "An entity id (e.g. 'chipProduct:huawei-ascend-910b') or a name to look up (e.g. 'Huawei Ascend')." })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  entity!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only touches in force on this date.' })
  @IsOptional()
  asOf?: unknown;

  @Field(() => [ImpactPathKind], { nullable: true, description: VIA_DESCRIPTION })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(IMPACT_PATHS.length)
  @IsEnum(ImpactPathKind, { each: true })
  via?: ImpactPathKind[] | null;
}
