import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Entity } from '../node/entity.type';
import { Rule, RuleStatus } from '../rule/rule.type';
import { Source } from '../source/source.type';

@ObjectType({ description: 'One fact that began or ended between two dates.' })
export class FactChange {
  @Field(() => DateScalar, { description: 'The day it began (its validFrom) or the first day it no longer held (its validTo).' })
  on!: unknown;

  @Field({ description: 'STARTED or ENDED.' })
  change!: string;

  @Field(() => Entity, { description: 'What the fact is about: the country, company, product or official; the rule for a touch or a status.' })
  subject!: typeof Entity;

  @Field({ description: "The kind of fact, for example 'IN_TIER', 'IN_COUNTRY_GROUP', 'LISTED_ON', 'RESTRICTS', 'STATUS'." })
  relation!: string;

  @Field(() => Entity, { nullable: true, description: 'The other end of the fact (the tier, group, target, ECCN, agency, parent); null for a listing and a status.' })
  object?: typeof Entity | null;

  @Field(() => RuleStatus, { nullable: true, description: 'For STATUS: the status that began or ended.' })
  status?: RuleStatus | null;

  @Field(() => Rule, { nullable: true, description: 'The instrument that caused it, when known.' })
  cause?: Rule | null;

  @Field(() => [Source], { description: 'Where the fact is stated.' })
  sources!: Source[];
}
