import { ArrayMaxSize, IsEnum, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { RuleKind } from './rule.type';

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
}

@ArgsType()
export class RulesArgs extends PageArgs {
  @Field(() => RuleFilter, { nullable: true, description: 'Conditions the rules must meet.' })
  @IsOptional()
  @ValidateNested()
  filter?: RuleFilter | null;
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
}
