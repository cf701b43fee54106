import { VERSION_DESCRIPTION } from '../node/version';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node.type';
import { DateScalar } from '../../graphql/scalars';
import { Country } from '../country/country.type';
import { Source } from '../source/source.type';

@ObjectType({ description: 'Published technical parameters of a chip, each with the source that states it.' })
export class ChipPerformance {
  @Field(() => Float, { nullable: true, description: 'Total processing performance as the EAR defines it (TOPS x bit length).' })
  tpp?: number | null;

  @Field(() => Float, { nullable: true, description: 'TPP divided by die area in mm2.' })
  performanceDensity?: number | null;

  @Field(() => Float, { nullable: true, description: 'Memory bandwidth in GB/s.' })
  memoryBandwidthGBs?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the chip was announced.' })
  announcedOn?: unknown;

  @Field(() => [Source], { description: 'The sources stating the figures.' })
  sources!: Source[];
}

@ObjectType({ implements: Node, description: 'An AI chip or accelerator.' })
export class ChipProduct extends Node {
  @Field(() => Int, { description: VERSION_DESCRIPTION })
  version!: number;

  @Field({ description: 'Name, e.g. "Huawei Ascend 910C".' })
  name!: string;

  @Field(() => [String], { description: 'Other names, e.g. "H100".' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "Product family, e.g. 'Ascend' or 'Hopper'." })
  family?: string | null;

  @Field(() => Float, { nullable: true, description: 'Total processing performance, where known.' })
  tpp?: number | null;

  @Field(() => String, { nullable: true, description: 'Export Control Classification Number, e.g. "3A090.a": the code of the classification in force today (see classifications).' })
  eccn?: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats, e.g. disputed foundry.' })
  note?: string | null;

  @Field(() => Company, { nullable: true, description: 'Who designs and sells it.' })
  maker?: Company | null;

  @Field(() => ChipPerformance, { nullable: true, description: 'Published technical parameters; null when the graph has none.' })
  performance?: ChipPerformance | null;
}

@ObjectType({ implements: Node, description: 'A chip designer or foundry.' })
export class Company extends Node {
  @Field(() => Int, { description: VERSION_DESCRIPTION })
  version!: number;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => [String], { description: 'Other names.' })
  aliases!: string[];

  @Field(() => Country, { nullable: true, description: 'Where it is based.' })
  country?: Country | null;

  @Field(() => [ChipProduct], { description: 'Chips it makes.' })
  products!: ChipProduct[];

  @Field(() => Company, { nullable: true, description: 'The company that owns or controls it today, where a source states it.' })
  parent?: Company | null;

  @Field(() => [Company], { description: 'Companies it owns or controls today, where a source states it, by name.' })
  subsidiaries!: Company[];

  @Field(() => String, { nullable: true, description: 'Caveats, e.g. how the sources name it.' })
  note?: string | null;
}

export const ChipProductConnection = connectionType(ChipProduct, 'ChipProduct');
export const CompanyConnection = connectionType(Company, 'Company');
