import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../read/page';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `How many items, 1 to ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (from pageInfo.endCursor).' })
  @IsOptional()
  @IsString()
  after?: string | null;
}
