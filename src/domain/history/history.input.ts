import { ArrayMaxSize, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { LIST_CAPS } from '../../read/caps';

export const DEFAULT_FACT_CHANGES = 500;

@ArgsType()
export class FactChangesArgs {
  @Field(() => DateScalar, { description: 'First day of the window.' })
  from!: { toString(): string };

  @Field(() => DateScalar, { description: 'Last day of the window (inclusive); not before from.' })
  to!: { toString(): string };

  @Field(() => String, { nullable: true, description: "Only facts about this entity, given by id (e.g. 'country:SG') or by name (e.g. 'Huawei')." })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  entity?: string | null;

  @Field(() => [String], { nullable: true, description: "Only these kinds of fact, e.g. ['IN_TIER', 'STATUS'] (every kind when not given)." })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  relations?: string[] | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_FACT_CHANGES, description: `How many changes, oldest first, 1 to ${LIST_CAPS['Query.factChanges']}.` })
  @IsInt()
  @Min(1)
  @Max(LIST_CAPS['Query.factChanges'])
  first: number = DEFAULT_FACT_CHANGES;
}
