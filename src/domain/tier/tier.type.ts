import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.type';
import { DateScalar } from '../../graphql/scalars';
import { Confidence } from '../confidence/confidence.type';
import { Country } from '../country/country.type';
import { Rule } from '../rule/rule.type';
import { Source } from '../source/source.type';

@ObjectType({ implements: Node, description: 'A tier of a rule that sorts countries, such as Tier 2 of the AI Diffusion Rule.' })
export class Tier extends Node {
  @Field(() => Int, { description: '1 is the least restricted.' })
  level!: number;

  @Field({ description: 'Name, e.g. "Tier 2".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Who is in it and what it means for them.' })
  description?: string | null;

  @Field(() => Float, { nullable: true, description: 'Cap on total processing performance (TPP) a country may receive, where the rule sets one.' })
  computeCapTpp?: number | null;

  @Field(() => String, { nullable: true, description: 'Caveats, e.g. figures unconfirmed in the rule text.' })
  note?: string | null;

  @Field(() => Rule, { description: 'The rule that defines the tier.' })
  rule!: Rule;
}

@ObjectType({ description: "A country's membership of a tier for a period: validFrom inclusive, validTo exclusive (null while in force)." })
export class TierAssignment {
  @Field(() => Country, { description: 'The member.' })
  country!: Country;

  @Field(() => Tier, { description: 'The tier.' })
  tier!: Tier;

  @Field(() => DateScalar, { description: 'First day of membership.' })
  validFrom!: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day no longer a member; null while in force.' })
  validTo?: unknown;

  @Field(() => Confidence, { description: 'How firmly the sources state the membership (STATED when the graph does not say).' })
  confidence!: Confidence;

  @Field(() => String, { nullable: true, description: 'Caveats, e.g. what a secondary source claimed instead.' })
  note?: string | null;

  @Field(() => [Source], { description: 'Where the membership is stated.' })
  sources!: Source[];
}

@ObjectType({ description: 'A country leaving a tier: what it left, where it went (null when it left the tier system), when and why.' })
export class TierChange {
  @Field(() => Country, { description: 'The country that moved.' })
  country!: Country;

  @Field(() => TierAssignment, { description: 'The assignment that ended.' })
  left!: TierAssignment;

  @Field(() => TierAssignment, { nullable: true, description: 'The assignment that began when it ended; null when the country left the tier system.' })
  entered?: TierAssignment | null;

  @Field(() => DateScalar, { description: 'The day the old assignment ended.' })
  on!: unknown;

  @Field(() => Rule, { nullable: true, description: 'The rule whose action ended the membership, where known.' })
  cause?: Rule | null;
}
