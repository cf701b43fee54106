import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Confidence } from '../confidence/confidence.type';
import { IMPACT_PATHS, ImpactPathKind } from '../impact-paths';
import { Entity } from '../node/entity.type';
import { Source } from '../source/source.type';
import { Rule } from './rule.type';

registerEnumType(ImpactPathKind, {
  name: 'ImpactPathKind',
  description: 'The ways a rule reaches an entity: directly, or along one kind of path (see rulesTouching).',
  valuesConfig: Object.fromEntries(IMPACT_PATHS.map((path) => [path.kind, { description: path.description }])),
});

@ObjectType({ description: 'How a rule reaches a target: directly, or along a path (e.g. rule -> company -> product).' })
export class Touch {
  @Field(() => Rule, { description: 'The rule.' })
  rule!: Rule;

  @Field(() => Entity, { description: 'What it reaches.' })
  target!: typeof Entity;

  @Field({ description: 'The relationship from the rule, e.g. TARGETS, RESTRICTS, PROHIBITS_USE.' })
  relation!: string;

  @Field(() => ImpactPathKind, { description: 'The kind of path the touch follows; DIRECT for a touch of the target itself.' })
  via!: ImpactPathKind;

  @Field(() => [Entity], { description: 'The entities from the rule to the target, both ends included.' })
  path!: (typeof Entity)[];

  @Field(() => Confidence, {
    description: 'How firmly the sources state the touch: the weakest fact along the path (UNCONFIRMED < INFERRED < STATED; a fact without one, or a structural link such as MADE_BY, counts as STATED).',
  })
  confidence!: Confidence;

  @Field(() => DateScalar, { nullable: true, description: 'First day the touch holds.' })
  validFrom?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds (e.g. the rule was revoked); null while in force.' })
  validTo?: unknown;

  @Field(() => String, { nullable: true, description: 'What the touch means, with caveats.' })
  note?: string | null;

  @Field(() => [Source], { description: 'Where the touch is stated.' })
  sources!: Source[];
}
