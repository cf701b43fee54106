import { ArrayMaxSize, IsISO31661Alpha2, IsOptional, Matches, Validate } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { idPattern } from '../entities';
import { NotBefore } from '../rule/rule.mutation.input';

@InputType({ description: "A country's membership of a tier from validFrom (inclusive) to validTo (exclusive; open when absent)." })
export class TierAssignmentInput {
  @Field({ description: 'ISO 3166-1 alpha-2 code of the country, e.g. "SG".' })
  @IsISO31661Alpha2({ message: 'countryCode must be an ISO 3166-1 alpha-2 code, e.g. "SG"' })
  countryCode!: string;

  @Field(() => ID, { description: "The tier, e.g. 'tier:ai-diffusion-1'." })
  @Matches(idPattern('tier'), { message: 'tierId must look like tier:<slug>' })
  tierId!: string;

  @Field(() => DateScalar, { description: 'First day of membership.' })
  validFrom!: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day no longer a member; after validFrom.' })
  @Validate(NotBefore, ['validFrom', 'strictly'])
  validTo?: unknown;

  @Field(() => [ID], { nullable: true, description: 'Sources that state the membership (they must exist).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), { each: true, message: 'each sourceIds entry must look like source:<slug>' })
  sourceIds?: string[] | null;
}
