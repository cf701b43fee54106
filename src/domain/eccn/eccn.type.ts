import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.type';
import { DateScalar } from '../../graphql/scalars';
import { Confidence } from '../confidence/confidence.type';
import { ChipProduct } from '../product/product.type';
import { Rule } from '../rule/rule.type';
import { Source } from '../source/source.type';

@ObjectType({ implements: Node, description: 'An entry of the Commerce Control List, e.g. 3A090 (advanced computing integrated circuits).' })
export class Eccn extends Node {
  @Field({ description: "The code as the Commerce Control List writes it: '3A090', '4A090', '3A001.z', '4E091'." })
  code!: string;

  @Field(() => String, { nullable: true, description: 'What the entry controls, as its heading says.' })
  title?: string | null;

  @Field(() => [Rule], { description: 'Rules that created or changed the entry, oldest first.' })
  rules!: Rule[];

  @Field(() => [Source], { description: 'Where the entry is stated.' })
  sources!: Source[];
}

@ObjectType({ description: "A product's classification under an ECCN for a period." })
export class Classification {
  @Field(() => ChipProduct, { description: 'The product classified.' })
  product!: ChipProduct;

  @Field(() => Eccn, { description: 'The entry it is classified under.' })
  eccn!: Eccn;

  @Field(() => DateScalar, { nullable: true, description: 'First day the classification holds; null when the sources give none.' })
  validFrom?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds; null while it holds.' })
  validTo?: unknown;

  @Field(() => Confidence, { description: 'How firmly the sources state it.' })
  confidence!: Confidence;

  @Field(() => String, { nullable: true, description: 'How it was derived, or what is missing, for a fact that is not STATED.' })
  note?: string | null;

  @Field(() => [Source], { description: 'Where the classification is stated.' })
  sources!: Source[];
}
