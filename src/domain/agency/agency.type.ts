import { VERSION_DESCRIPTION } from '../node/version';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node.type';
import { DateScalar } from '../../graphql/scalars';
import { Rule } from '../rule/rule.type';
import { Source } from '../source/source.type';

@ObjectType({ implements: Node, description: 'A government body, such as the Bureau of Industry and Security.' })
export class Agency extends Node {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Acronym, e.g. "BIS".' })
  acronym?: string | null;

  @Field(() => Agency, { nullable: true, description: 'The body it is part of (BIS is part of the Department of Commerce).' })
  parent?: Agency | null;

  @Field(() => [Rule], { description: 'Rules it issued, oldest first.' })
  rules!: Rule[];
}

@ObjectType({ implements: Node, description: 'A person who held a post and acted on rules.' })
export class Official extends Node {
  @Field(() => Int, { description: VERSION_DESCRIPTION })
  version!: number;

  @Field({ description: 'Name as primary sources spell it.' })
  name!: string;

  @Field(() => [String], { description: 'Other spellings, including wrong ones seen in secondary sources.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'Caveats, e.g. spelling disagreements.' })
  note?: string | null;

  @Field(() => [Office], { description: 'Posts held, oldest first.' })
  offices!: Office[];

  @Field(() => [OfficialAction], { description: 'What they did about rules, oldest first.' })
  actions!: OfficialAction[];
}

@ObjectType({ description: "An official's tenure in a post at an agency." })
export class Office {
  @Field(() => Official, { description: 'Who held it.' })
  official!: Official;

  @Field(() => Agency, { description: 'Where.' })
  agency!: Agency;

  @Field({ description: 'The post, e.g. "Under Secretary of Commerce for Industry and Security".' })
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day in the post, where known.' })
  validFrom?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day out of the post; null while held or unknown.' })
  validTo?: unknown;

  @Field(() => String, { nullable: true, description: 'What is known and unknown about the dates.' })
  note?: string | null;
}

export enum OfficialActionKind {
  SIGNED = 'SIGNED',
  ANNOUNCED = 'ANNOUNCED',
  INSTRUCTED = 'INSTRUCTED',
  STATED = 'STATED',
}
registerEnumType(OfficialActionKind, {
  name: 'OfficialActionKind',
  description: 'What an official did about a rule.',
  valuesConfig: {
    SIGNED: { description: 'Signed the rule for publication.' },
    ANNOUNCED: { description: 'Announced the rule in public.' },
    INSTRUCTED: { description: 'Instructed officials how to apply it, or not to enforce it.' },
    STATED: { description: 'Made a public statement about it.' },
  },
});

@ObjectType({ description: 'Something an official did about a rule, on a date, with its sources.' })
export class OfficialAction {
  @Field(() => Official, { description: 'Who acted.' })
  official!: Official;

  @Field(() => Rule, { description: 'The rule acted on.' })
  rule!: Rule;

  @Field(() => OfficialActionKind, { description: 'What they did.' })
  kind!: OfficialActionKind;

  @Field(() => DateScalar, { nullable: true, description: 'When.' })
  on?: unknown;

  @Field(() => String, { nullable: true, description: 'A short description or quotation, with its source.' })
  text?: string | null;

  @Field(() => [Source], { description: 'Where the action is recorded.' })
  sources!: Source[];
}
