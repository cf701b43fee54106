import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from '../../graphql/pagination';
import { LIST_CAPS } from '../../read/caps';
import { DEFAULT_SUPPORTS } from './source.read';

@ArgsType()
export class SourcesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Words in the title or publisher (case does not matter).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  text?: string | null;

  @Field(() => String, { nullable: true, description: "Only sources of this kind, e.g. 'FEDERAL_REGISTER' (see Source.kind)." })
  @IsOptional()
  @Matches(/^[A-Z][A-Z_]{0,39}$/, { message: 'kind must be a source kind in upper case, e.g. FEDERAL_REGISTER' })
  kind?: string | null;
}

@ArgsType()
export class SupportsArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_SUPPORTS, description: `How many facts, 1 to ${LIST_CAPS['Source.supports']}.` })
  @IsInt()
  @Min(1)
  @Max(LIST_CAPS['Source.supports'])
  first = DEFAULT_SUPPORTS;

  @Field(() => String, { nullable: true, description: 'Cursor of the fact after which the list starts (SupportedFact.cursor).' })
  @IsOptional()
  @IsString()
  after?: string | null;
}
