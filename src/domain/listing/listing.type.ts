import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Confidence } from '../confidence/confidence.type';
import { Company } from '../product/product.type';
import { Rule } from '../rule/rule.type';
import { Source } from '../source/source.type';

export enum ListKind {
  ENTITY_LIST = 'ENTITY_LIST',
  MILITARY_END_USER_LIST = 'MILITARY_END_USER_LIST',
  UNVERIFIED_LIST = 'UNVERIFIED_LIST',
}
registerEnumType(ListKind, {
  name: 'ListKind',
  description: 'A list of the EAR that names parties.',
  valuesConfig: {
    ENTITY_LIST: { description: 'The Entity List (Supplement No. 4 to part 744).' },
    MILITARY_END_USER_LIST: { description: 'The Military End-User List (Supplement No. 7 to part 744).' },
    UNVERIFIED_LIST: { description: 'The Unverified List (Supplement No. 6 to part 744).' },
  },
});

@ObjectType({ description: "A party's listing, e.g. on the Entity List, with its license terms and the rules that added, changed or removed it." })
export class Listing {
  @Field(() => Company, { description: 'The listed party.' })
  party!: Company;

  @Field(() => ListKind, { description: 'The list it is on.' })
  list!: ListKind;

  @Field(() => String, { nullable: true, description: "For example 'For all items subject to the EAR'." })
  licenseRequirement?: string | null;

  @Field(() => String, { nullable: true, description: "For example 'Presumption of denial'." })
  licensePolicy?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day on the list.' })
  validFrom?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day off the list; null while listed.' })
  validTo?: unknown;

  @Field(() => Rule, { nullable: true, description: 'The rule that added the listing, when the graph has it.' })
  addedBy?: Rule | null;

  @Field(() => Rule, { nullable: true, description: 'The rule that removed it, when it was removed.' })
  removedBy?: Rule | null;

  @Field(() => Confidence, { description: 'How firmly the sources state it.' })
  confidence!: Confidence;

  @Field(() => String, { nullable: true, description: 'Caveats, e.g. which addresses or aliases the entry names.' })
  note?: string | null;

  @Field(() => [Source], { description: 'Where the listing is stated.' })
  sources!: Source[];
}
