import { ArrayMaxSize, IsEnum, IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { idPattern } from '../entities';
import { NotBefore } from '../rule/rule.mutation.input';
import { ListKind } from './listing.type';

@InputType({ description: "A party's listing, e.g. on the Entity List, from validFrom (inclusive) to validTo (exclusive; open while listed)." })
export class ListingInput {
  @Field(() => ID, { description: "The listed party, e.g. 'company:huawei'." })
  @Matches(idPattern('company'), { message: 'partyId must look like company:<slug>' })
  partyId!: string;

  @Field(() => ListKind, { description: 'The list.' })
  @IsEnum(ListKind)
  list!: ListKind;

  @Field(() => String, { nullable: true, description: "For example 'For all items subject to the EAR'." })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  licenseRequirement?: string | null;

  @Field(() => String, { nullable: true, description: "For example 'Presumption of denial'." })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  licensePolicy?: string | null;

  @Field(() => DateScalar, { description: 'First day on the list.' })
  validFrom!: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day off the list; after validFrom.' })
  @Validate(NotBefore, ['validFrom', 'strictly'])
  validTo?: unknown;

  @Field(() => ID, { nullable: true, description: 'The rule that added the party, when known (it must exist).' })
  @IsOptional()
  @Matches(idPattern('rule'), { message: 'addedByRuleId must look like rule:<slug>' })
  addedByRuleId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the listing covers, with caveats.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => [ID], { description: 'Sources that state it (they must exist).' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), { each: true, message: 'each sourceIds entry must look like source:<slug>' })
  sourceIds!: string[];
}
