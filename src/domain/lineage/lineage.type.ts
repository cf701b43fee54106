import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Rule } from '../rule/rule.type';
import { LINEAGE_KINDS, LineageKindName } from './lineage.kinds';

export enum LineageDirection {
  ANCESTORS = 'ANCESTORS',
  DESCENDANTS = 'DESCENDANTS',
  BOTH = 'BOTH',
}
registerEnumType(LineageDirection, {
  name: 'LineageDirection',
  description: 'ANCESTORS: the rules this one acted on (any LineageKind), and so on back; DESCENDANTS: the rules that acted on it; BOTH: the two together.',
  valuesConfig: {
    ANCESTORS: { description: 'The rules this one acted on (revoked, amended, superseded, ...), and theirs in turn.' },
    DESCENDANTS: { description: 'The rules that acted on this one, and theirs in turn.' },
    BOTH: { description: 'Ancestors and descendants together.' },
  },
});

export enum LineageKind {
  REVOKES = 'REVOKES',
  AMENDS = 'AMENDS',
  SUPERSEDES = 'SUPERSEDES',
  IMPLEMENTS = 'IMPLEMENTS',
  SUSPENDS = 'SUSPENDS',
  ENDS_ENFORCEMENT = 'ENDS_ENFORCEMENT',
  CORRECTS = 'CORRECTS',
}
// The enum and the one list of lineage types (lineage.kinds.ts) name the same kinds: neither compiles with one missing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKinds: Same<`${LineageKind}`, LineageKindName> = true;
registerEnumType(LineageKind, {
  name: 'LineageKind',
  description: 'How one rule acts on another.',
  valuesConfig: sameKinds && Object.fromEntries(Object.values(LineageKind).map((kind) => [kind, { description: LINEAGE_KINDS[kind as LineageKindName] }])),
});

@ObjectType({ description: 'One rule acting on another: `from` revokes, amends, supersedes, implements, suspends, ends the enforcement of or corrects `to`.' })
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
