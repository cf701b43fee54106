import { EXPECTED_VERSION_DESCRIPTION } from '../node/version';
import { ArrayMaxSize, IsISO31661Alpha2, IsInt, IsNumber, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { idPattern } from '../entities';

@InputType({ description: 'A chip product to create (no id, or a new one) or update (an existing id): the fields given are set, the others kept.' })
export class ChipProductInput {
  @Field(() => ID, { nullable: true, description: "Its id, 'chipProduct:<slug>'; made from the name when absent." })
  @IsOptional()
  @Matches(idPattern('chipProduct'), { message: 'id must look like chipProduct:<slug>' })
  id?: string | null;

  @Field({ description: "The product's name, e.g. 'Ascend 910B'." })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: "The product family, e.g. 'Ascend'." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  family?: string | null;

  @Field(() => ID, { nullable: true, description: "The company that makes it (it must exist), e.g. 'company:huawei'; replaces the maker it had." })
  @IsOptional()
  @Matches(idPattern('company'), { message: 'makerId must look like company:<slug>' })
  makerId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other names it goes by; replaces those it had.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Total processing performance as the EAR defines it (TOPS x bit length).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  tpp?: number | null;

  @Field(() => Float, { nullable: true, description: 'TPP divided by die area in mm2.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  performanceDensity?: number | null;

  @Field(() => Float, { nullable: true, description: 'Memory bandwidth in GB/s.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  memoryBandwidthGBs?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was announced.' })
  announcedOn?: unknown;

  @Field(() => String, { nullable: true, description: 'What to keep in mind about it, in a sentence or two.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => [ID], { description: 'Sources that state what the input gives (they must exist); the performance figures, when given, cite them too.' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), { each: true, message: 'each sourceIds entry must look like source:<slug>' })
  sourceIds!: string[];

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}

@InputType({ description: 'A company to create (no id, or a new one) or update (an existing id): the fields given are set, the others kept.' })
export class CompanyInput {
  @Field(() => ID, { nullable: true, description: "Its id, 'company:<slug>'; made from the name when absent." })
  @IsOptional()
  @Matches(idPattern('company'), { message: 'id must look like company:<slug>' })
  id?: string | null;

  @Field({ description: "The company's name, e.g. 'Semiconductor Manufacturing International Corporation'." })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country it is based in; replaces the one it had.' })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'countryCode must be an ISO 3166-1 alpha-2 code, e.g. "CN"' })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The company that owns or controls it (it must exist, and must not be owned by this one).' })
  @IsOptional()
  @Matches(idPattern('company'), { message: 'parentId must look like company:<slug>' })
  parentId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other names it goes by; replaces those it had.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'What to keep in mind about it, in a sentence or two.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => [ID], { description: 'Sources that state what the input gives (they must exist).' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), { each: true, message: 'each sourceIds entry must look like source:<slug>' })
  sourceIds!: string[];

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}
