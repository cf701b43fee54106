import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.type';
import { Country } from '../country/country.type';

@ObjectType({ implements: Node, description: 'An AI chip or accelerator.' })
export class ChipProduct extends Node {
  @Field({ description: 'Name, e.g. "Huawei Ascend 910C".' })
  name!: string;

  @Field(() => [String], { description: 'Other names, e.g. "H100".' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "Product family, e.g. 'Ascend' or 'Hopper'." })
  family?: string | null;

  @Field(() => Float, { nullable: true, description: 'Total processing performance, where known.' })
  tpp?: number | null;

  @Field(() => String, { nullable: true, description: 'Export Control Classification Number, e.g. "3A090.a".' })
  eccn?: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats, e.g. disputed foundry.' })
  note?: string | null;

  @Field(() => Company, { nullable: true, description: 'Who designs and sells it.' })
  maker?: Company | null;
}

@ObjectType({ implements: Node, description: 'A chip designer or foundry.' })
export class Company extends Node {
  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => [String], { description: 'Other names.' })
  aliases!: string[];

  @Field(() => Country, { nullable: true, description: 'Where it is based.' })
  country?: Country | null;

  @Field(() => [ChipProduct], { description: 'Chips it makes.' })
  products!: ChipProduct[];
}
