import { ArrayMaxSize, IsEnum, IsIn, IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Confidence } from '../confidence/confidence.type';
import { idPattern } from '../entities';
import { TOUCH_TYPES } from '../impact-paths';
import { EntityId } from '../fact/end-fact.input';
import { NotBefore } from './rule.mutation.input';

@InputType({ description: 'A rule reaching an entity directly, from validFrom (inclusive) to validTo (exclusive; open while it holds).' })
export class TouchInput {
  @Field(() => ID, { description: 'The rule.' })
  @Matches(idPattern('rule'), { message: 'ruleId must look like rule:<slug>' })
  ruleId!: string;

  @Field(() => ID, { description: 'The entity the rule reaches: a country, company, product, ECCN or country group.' })
  @Validate(EntityId)
  targetId!: string;

  @Field({ description: `How it reaches it: ${TOUCH_TYPES.join(', ')}.` })
  @IsIn([...TOUCH_TYPES], { message: `relation must be one of ${TOUCH_TYPES.join(', ')}` })
  relation!: string;

  @Field(() => DateScalar, { description: 'First day the touch holds.' })
  validFrom!: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds; after validFrom.' })
  @Validate(NotBefore, ['validFrom', 'strictly'])
  validTo?: unknown;

  @Field(() => Confidence, { nullable: true, defaultValue: Confidence.STATED, description: 'How firmly the sources state it.' })
  @IsOptional()
  @IsEnum(Confidence)
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true, description: 'What the touch means, with caveats.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => [ID], { description: 'Sources that state it (they must exist).' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), { each: true, message: 'each sourceIds entry must look like source:<slug>' })
  sourceIds!: string[];
}
