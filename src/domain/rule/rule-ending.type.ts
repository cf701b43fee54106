import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Source } from '../source/source.type';
import { Rule } from './rule.type';

export enum EndingKind {
  FORMAL_RESCISSION = 'FORMAL_RESCISSION',
  NON_ENFORCEMENT = 'NON_ENFORCEMENT',
  SUPERSEDED = 'SUPERSEDED',
  EXPIRED = 'EXPIRED',
  VACATED = 'VACATED',
}
registerEnumType(EndingKind, {
  name: 'EndingKind',
  description: 'How a rule stopped applying.',
  valuesConfig: {
    FORMAL_RESCISSION: { description: 'A published instrument rescinded or removed the rule.' },
    NON_ENFORCEMENT: { description: 'The agency announced that it would not enforce the rule; no rescission was published.' },
    SUPERSEDED: { description: 'A later rule replaced it.' },
    EXPIRED: { description: 'It lapsed on a date it set itself.' },
    VACATED: { description: 'A court set it aside.' },
  },
});

@ObjectType({ description: 'How and when a rule stopped applying.' })
export class RuleEnding {
  @Field(() => DateScalar, { description: 'The day it stopped applying.' })
  on!: unknown;

  @Field(() => EndingKind, { description: 'How.' })
  kind!: EndingKind;

  @Field(() => Rule, { nullable: true, description: 'The instrument that ended it (a rule, guidance or announcement), when the graph has it.' })
  by?: Rule | null;

  @Field(() => String, { nullable: true, description: 'What happened, in a sentence or two.' })
  note?: string | null;

  @Field(() => [Source], { description: 'Where the ending is stated.' })
  sources!: Source[];
}
