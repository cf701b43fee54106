import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, Info, Int, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { readRoot } from '../read';
import { searchHits } from './search.read';
import { SearchHit } from './search.type';

@ArgsType()
class SearchArgs {
  @Field({ description: 'Words to look for; typos are tolerated.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  text!: string;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'How many hits, 1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Full-text search over names, aliases, titles and summaries; typo-tolerant.' })
  async search(@Args() { text, first }: SearchArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const read = searchHits(text, first);
    return read ? readRoot(context, info, read) : [];
  }
}
