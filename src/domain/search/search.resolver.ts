import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { searchStatement } from './search.queries';
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
  async search(@Args() { text, first }: SearchArgs, @Ctx() { graph }: Context): Promise<SearchHit[]> {
    const statement = searchStatement({ text, first });
    return statement ? graph.read<SearchHit>(statement.query, statement.params) : [];
  }
}
