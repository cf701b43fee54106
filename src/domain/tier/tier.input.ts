import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { PageArgs } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';

@ArgsType()
export class TierCountriesArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Members on this date; every member ever when not given.' })
  @IsOptional()
  asOf?: unknown;
}

@ArgsType()
export class TierChangesArgs {
  @Field(() => DateScalar, { description: 'First day of the window.' })
  from!: { toString(): string };

  @Field(() => DateScalar, { description: 'Last day of the window (inclusive).' })
  to!: { toString(): string };

  @Field(() => Int, { nullable: true, description: 'Only countries leaving a tier of this level.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  fromLevel?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only countries entering a tier of this level.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  toLevel?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only tiers of this rule.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ruleId?: string | null;
}
