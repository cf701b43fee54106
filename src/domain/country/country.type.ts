import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node.type';
import { Company } from '../product/product.type';

@ObjectType({ implements: Node, description: 'A country or territory of ISO 3166-1.' })
export class Country extends Node {
  @Field({ description: 'ISO 3166-1 alpha-2 code, upper case.' })
  code!: string;

  @Field({ description: 'ISO 3166-1 English short name.' })
  name!: string;

  @Field(() => [String], { description: 'Other names people use, e.g. "South Korea", "UAE", "Burma".' })
  aliases!: string[];

  @Field(() => [Company], { description: 'Companies based here.' })
  companies!: Company[];
}

export const CountryConnection = connectionType(Country, 'Country');
