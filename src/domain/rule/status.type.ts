import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Source } from '../source/source.type';
import { Rule, RuleStatus } from './rule.type';

@ObjectType({ description: "A period of a rule's status, oldest first: e.g. IN_FORCE, then SUSPENDED, then IN_FORCE again." })
export class RuleStatusPeriod {
  @Field(() => RuleStatus, { description: 'The status the rule had throughout the period.' })
  status!: RuleStatus;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  validFrom!: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day after it; null while it lasts.' })
  validTo?: unknown;

  @Field(() => Rule, { nullable: true, description: 'The instrument that started this period, when there is one.' })
  by?: Rule | null;

  @Field(() => [Source], { description: "Where the period is stated: the suspension's or the ending's sources, the rule's own for its start." })
  sources!: Source[];
}
