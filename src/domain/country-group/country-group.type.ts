import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.type';
import { DateScalar } from '../../graphql/scalars';
import { Country } from '../country/country.type';
import { Confidence } from '../confidence/confidence.type';
import { Rule } from '../rule/rule.type';
import { Source } from '../source/source.type';

@ObjectType({ implements: Node, description: 'A country group of the EAR (Supplement No. 1 to part 740), e.g. D:1, D:5, E:1.' })
export class CountryGroup extends Node {
  @Field({ description: "The code as the EAR writes it, e.g. 'D:5' or 'B'." })
  code!: string;

  @Field({ description: "Name, e.g. 'Country Group D:5'." })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What membership means, e.g. the concern the group addresses.' })
  description?: string | null;

  @Field(() => [Source], { description: 'Where the group is defined.' })
  sources!: Source[];
}

@ObjectType({ description: "A country's membership of a country group for a period, and the rule that added or removed it." })
export class CountryGroupMembership {
  @Field(() => Country, { description: 'The member.' })
  country!: Country;

  @Field(() => CountryGroup, { description: 'The group.' })
  group!: CountryGroup;

  @Field(() => DateScalar, { nullable: true, description: 'First day of membership; null when the sources give none.' })
  validFrom?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day no longer a member; null while a member.' })
  validTo?: unknown;

  @Field(() => Rule, { nullable: true, description: 'The rule that added the country, when the graph has it.' })
  addedBy?: Rule | null;

  @Field(() => Rule, { nullable: true, description: 'The rule that removed it, when it was removed.' })
  removedBy?: Rule | null;

  @Field(() => Confidence, { description: 'How firmly the sources state it.' })
  confidence!: Confidence;

  @Field(() => String, { nullable: true, description: 'Caveats, or how a fact that is not STATED was derived.' })
  note?: string | null;

  @Field(() => [Source], { description: 'Where the membership is stated.' })
  sources!: Source[];
}
