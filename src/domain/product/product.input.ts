import { IsEnum, IsNumber, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { ListKind } from '../listing/listing.type';

@InputType({ description: 'Narrows a list of chip products; all given conditions must hold.' })
export class ChipProductFilter {
  @Field(() => ID, { nullable: true, description: "Only products of this maker, e.g. 'company:huawei'." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  makerId?: string | null;

  @Field(() => String, { nullable: true, description: "Only products of this family, e.g. 'Ascend' (case does not matter)." })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  family?: string | null;

  @Field(() => String, { nullable: true, description: "Only products classified (at any time) under this ECCN or one of its paragraphs: '3A090' also finds '3A090.a'." })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  eccn?: string | null;

  @Field(() => Float, { nullable: true, description: 'Only products whose TPP is known and at least this.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  minTpp?: number | null;

  @Field(() => Float, { nullable: true, description: 'Only products whose TPP is known and at most this.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxTpp?: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Products touched by a rule in force on this date: directly, through their maker, or through an ECCN they are classified under that day.',
  })
  @IsOptional()
  touchedOn?: unknown;

  @Field(() => String, { nullable: true, description: 'Words in the name, family or aliases (case does not matter).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  text?: string | null;
}

@InputType({ description: 'Narrows a list of companies; all given conditions must hold.' })
export class CompanyFilter {
  @Field(() => String, { nullable: true, description: 'Only companies based in this country (ISO 3166-1 alpha-2 code; case does not matter).' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code: two letters' })
  countryCode?: string | null;

  @Field(() => ListKind, { nullable: true, description: 'Companies with a listing on this list in force on listedOn (today when not given).' })
  @IsOptional()
  @IsEnum(ListKind)
  listed?: ListKind | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day a listing must be in force on; alone, it asks for a listing on any list.' })
  @IsOptional()
  listedOn?: unknown;

  @Field(() => String, { nullable: true, description: 'Words in the name or aliases (case does not matter).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  text?: string | null;
}

@ArgsType()
export class ChipProductsArgs extends PageArgs {
  @Field(() => ChipProductFilter, { nullable: true, description: 'Conditions the products must meet.' })
  @IsOptional()
  @ValidateNested()
  filter?: ChipProductFilter | null;
}

@ArgsType()
export class CompaniesArgs extends PageArgs {
  @Field(() => CompanyFilter, { nullable: true, description: 'Conditions the companies must meet.' })
  @IsOptional()
  @ValidateNested()
  filter?: CompanyFilter | null;
}
