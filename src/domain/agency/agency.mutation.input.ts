import { EXPECTED_VERSION_DESCRIPTION } from '../node/version';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, Validate } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { idPattern } from '../entities';
import { NotBefore } from '../rule/rule.mutation.input';
import { OfficialActionKind } from './agency.type';

const SOURCE_IDS = { each: true, message: 'each sourceIds entry must look like source:<slug>' };

@InputType({ description: 'An official to create (no id, or a new one) or update (an existing id): the fields given are set, the others kept.' })
export class OfficialInput {
  @Field(() => ID, { nullable: true, description: "Its id, 'official:<slug>'; made from the name when absent." })
  @IsOptional()
  @Matches(idPattern('official'), { message: 'id must look like official:<slug>' })
  id?: string | null;

  @Field({ description: "The official's name, e.g. 'Jeffrey Kessler'." })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names they go by; replaces those they had.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'What to keep in mind about them, in a sentence or two.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => [ID], { description: 'Sources that name them (they must exist).' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), SOURCE_IDS)
  sourceIds!: string[];

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}

@InputType({ description: 'An office an official held at an agency, from validFrom (inclusive) to validTo (exclusive; open while held).' })
export class OfficeInput {
  @Field(() => ID, { description: "The official, e.g. 'official:jeffrey-kessler'." })
  @Matches(idPattern('official'), { message: 'officialId must look like official:<slug>' })
  officialId!: string;

  @Field(() => ID, { description: "The agency, e.g. 'agency:bis'." })
  @Matches(idPattern('agency'), { message: 'agencyId must look like agency:<slug>' })
  agencyId!: string;

  @Field({ description: "The title, e.g. 'Under Secretary of Commerce for Industry and Security'." })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @Field(() => DateScalar, { description: 'First day in office.' })
  validFrom!: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day no longer in office; after validFrom.' })
  @Validate(NotBefore, ['validFrom', 'strictly'])
  validTo?: unknown;

  @Field(() => [ID], { description: 'Sources that state it (they must exist).' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), SOURCE_IDS)
  sourceIds!: string[];
}

@InputType({ description: "What an official did about a rule on a day (signed, announced, instructed, stated)." })
export class OfficialActionInput {
  @Field(() => ID, { description: 'The official.' })
  @Matches(idPattern('official'), { message: 'officialId must look like official:<slug>' })
  officialId!: string;

  @Field(() => ID, { description: 'The rule.' })
  @Matches(idPattern('rule'), { message: 'ruleId must look like rule:<slug>' })
  ruleId!: string;

  @Field(() => OfficialActionKind, { description: 'What they did.' })
  @IsEnum(OfficialActionKind)
  kind!: OfficialActionKind;

  @Field(() => DateScalar, { description: 'The day.' })
  on!: unknown;

  @Field(() => String, { nullable: true, description: 'What they said or wrote, quoted from the source.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  text?: string | null;

  @Field(() => [ID], { description: 'Sources that state it (they must exist).' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), SOURCE_IDS)
  sourceIds!: string[];
}
