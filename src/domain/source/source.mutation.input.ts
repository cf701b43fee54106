import { EXPECTED_VERSION_DESCRIPTION } from '../node/version';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { idPattern } from '../entities';
import { SOURCE_KINDS } from './source.kinds';

@InputType({ description: 'A source to create (no id, or a new one) or update (an existing id): the fields given are set, the others kept.' })
export class SourceInput {
  @Field(() => ID, { nullable: true, description: "Its id, 'source:<slug>'; made from the title when absent." })
  @IsOptional()
  @Matches(idPattern('source'), { message: 'id must look like source:<slug>' })
  id?: string | null;

  @Field({ description: 'Title of the document.' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title!: string;

  @Field({ description: `What kind of source it is: ${SOURCE_KINDS.join(', ')}.` })
  @IsIn(SOURCE_KINDS, { message: `kind must be one of ${SOURCE_KINDS.join(', ')}` })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Where to read it (http or https).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was published.' })
  publishedOn?: unknown;

  @Field(() => String, { nullable: true, description: 'What to keep in mind when relying on it, e.g. known errors.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}
