import { ArrayMaxSize, IsISO31661Alpha2, IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { idPattern } from '../entities';
import { NotBefore } from '../rule/rule.mutation.input';

@InputType({ description: "A country's membership of a country group from validFrom (inclusive) to validTo (exclusive; open when absent)." })
export class CountryGroupMembershipInput {
  @Field({ description: 'ISO 3166-1 alpha-2 code of the country, e.g. "CN".' })
  @IsISO31661Alpha2({ message: 'countryCode must be an ISO 3166-1 alpha-2 code, e.g. "CN"' })
  countryCode!: string;

  @Field({ description: "The group's code, e.g. 'D:5' (the colon and case do not matter)." })
  @IsString()
  @MaxLength(10)
  group!: string;

  @Field(() => DateScalar, { description: 'First day of membership.' })
  validFrom!: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day no longer a member; after validFrom.' })
  @Validate(NotBefore, ['validFrom', 'strictly'])
  validTo?: unknown;

  @Field(() => ID, { nullable: true, description: 'The rule that added the country to the group, when known (it must exist).' })
  @IsOptional()
  @Matches(idPattern('rule'), { message: 'addedByRuleId must look like rule:<slug>' })
  addedByRuleId?: string | null;

  @Field(() => [ID], { description: 'Sources that state the membership (they must exist).' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), { each: true, message: 'each sourceIds entry must look like source:<slug>' })
  sourceIds!: string[];
}
