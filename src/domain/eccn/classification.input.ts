import { ArrayMaxSize, IsEnum, IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Confidence } from '../confidence/confidence.type';
import { idPattern } from '../entities';
import { NotBefore } from '../rule/rule.mutation.input';

@InputType({ description: 'A product classified under an ECCN from validFrom (inclusive) to validTo (exclusive; open when absent).' })
export class ClassificationInput {
  @Field(() => ID, { description: "The product, e.g. 'chipProduct:nvidia-h100'." })
  @Matches(idPattern('chipProduct'), { message: 'productId must look like chipProduct:<slug>' })
  productId!: string;

  @Field({ description: "The ECCN as written, e.g. '3A090' or '3A001.z' (any case)." })
  @IsString()
  @MaxLength(20)
  eccn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day the classification holds; from the start when absent.' })
  validFrom?: unknown;

  @Field(() => DateScalar, { nullable: true, description: 'First day it no longer holds; after validFrom.' })
  @Validate(NotBefore, ['validFrom', 'strictly'])
  validTo?: unknown;

  @Field(() => Confidence, { nullable: true, defaultValue: Confidence.STATED, description: 'How firmly the sources state it.' })
  @IsOptional()
  @IsEnum(Confidence)
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true, description: 'How the classification is known, in a sentence or two.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => [ID], { description: 'Sources that state it (they must exist).' })
  @ArrayMaxSize(50)
  @Matches(idPattern('source'), { each: true, message: 'each sourceIds entry must look like source:<slug>' })
  sourceIds!: string[];
}
