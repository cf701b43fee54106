import { ArrayMaxSize, Matches, Validate } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { idPattern } from '../entities';
import { NotBefore } from './rule.mutation.input';

@InputType({ description: 'A rule suspended by another from `from` (inclusive) until `until` (exclusive; open when absent).' })
export class RuleSuspensionInput {
  @Field(() => ID, { description: 'The rule suspended.' })
  @Matches(idPattern('rule'), { message: 'ruleId must look like rule:<slug>' })
  ruleId!: string;

  @Field(() => ID, { description: 'The instrument that suspends it.' })
  @Matches(idPattern('rule'), { message: 'byRuleId must look like rule:<slug>' })
  byRuleId!: string;

  @Field(() => DateScalar, { description: 'First day it is suspended.' })
  from!: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day it applies again, when the instrument says; after from.' })
  @Validate(NotBefore, ['from', 'strictly'])
  until?: unknown;

  @Field(() => [ID], { description: 'Sources that state the suspension (they must exist).' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), { each: true, message: 'each sourceIds entry must look like source:<slug>' })
  sourceIds!: string[];
}
