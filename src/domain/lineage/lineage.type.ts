import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Rule } from '../rule/rule.type';

export enum LineageDirection {
  ANCESTORS = 'ANCESTORS',
  DESCENDANTS = 'DESCENDANTS',
  BOTH = 'BOTH',
}
registerEnumType(LineageDirection, {
  name: 'LineageDirection',
  description: 'ANCESTORS: what the rule revoked, amended, superseded or implemented, and so on back; DESCENDANTS: what did so to it; BOTH: the two together.',
  valuesConfig: {
    ANCESTORS: { description: 'The rules this one revoked, amended, superseded or implemented, and theirs in turn.' },
    DESCENDANTS: { description: 'The rules that revoked, amended, superseded or implemented this one, and theirs in turn.' },
    BOTH: { description: 'Ancestors and descendants together.' },
  },
});

export enum LineageKind {
  REVOKES = 'REVOKES',
  AMENDS = 'AMENDS',
  SUPERSEDES = 'SUPERSEDES',
  IMPLEMENTS = 'IMPLEMENTS',
}
registerEnumType(LineageKind, {
  name: 'LineageKind',
  description: 'How one rule acts on another.',
  valuesConfig: {
    REVOKES: { description: 'Ends the other rule from a date (a rescission).' },
    AMENDS: { description: 'Changes part of the other rule, which stays in force as changed.' },
    SUPERSEDES: { description: 'Replaces the other rule as a whole.' },
    IMPLEMENTS: { description: 'Puts the other rule into practice, as guidance does for a rule.' },
  },
});

@ObjectType({ description: 'One rule acting on another: `from` revokes, amends, supersedes or implements `to`.' })
export class LineageEdge {
  @Field(() => Rule, { description: 'The acting rule.' })
  from!: Rule;

  @Field(() => Rule, { description: 'The rule acted on.' })
  to!: Rule;

  @Field(() => LineageKind, { description: 'How.' })
  kind!: LineageKind;

  @Field(() => DateScalar, { nullable: true, description: 'When.' })
  on?: unknown;

  @Field(() => String, { nullable: true, description: 'What the link was, where its kind alone would say too much (e.g. an announced rescission never published).' })
  note?: string | null;
}

@ObjectType({ description: 'The rules around a rule, linked by lineage edges, with a drawing.' })
export class Lineage {
  @Field(() => Rule, { description: 'The rule asked about.' })
  root!: Rule;

  @Field(() => [Rule], { description: 'Every rule reached, the root included.' })
  rules!: Rule[];

  @Field(() => [LineageEdge], { description: 'Every edge between them.' })
  edges!: LineageEdge[];

  @Field({ description: 'The same graph as a Mermaid flowchart, for drawing.' })
  mermaid!: string;
}
