import { IsDate, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, Info, Int, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { PageArgs } from '../../graphql/pagination';
import { DateTimeScalar } from '../../graphql/scalars';
import { LIST_CAPS } from '../../read/caps';
import { pageOf } from '../../read/page';
import { readRoot } from '../read';
import { changesPage, changesSince, feedPosition, POSITION } from './change.read';
import { Change, ChangeConnection } from './change.type';

@ArgsType()
class ChangesArgs extends PageArgs {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only changes at or after this instant.' })
  @IsOptional()
  @IsDate()
  since?: Date | null;
}

const MAX_SINCE = LIST_CAPS['Query.changesSince'];

@ArgsType()
class ChangesSinceArgs {
  @Field(() => String, { nullable: true, description: 'The position of the last change already seen (Change.position); from the first change when null.' })
  @IsOptional()
  @IsString()
  @Matches(POSITION, { message: 'position must be a Change.position, a decimal integer such as "42"' })
  position?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 100, description: `How many changes at most, 1 to ${MAX_SINCE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_SINCE)
  first = 100;
}

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, { description: 'Writes to the graph, newest first in commit order: a feed to browse the graph by (follow it with changesSince).' })
  changes(@Args() { since, ...page }: ChangesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const { first, after } = pageOf(page, 'change');
    return readRoot(context, info, changesPage(since, first, feedPosition(after)));
  }

  @Query(() => [Change], {
    description: 'Changes committed after `position` (from the first when null), oldest first, in commit order: how a client follows the feed without missing anything.',
  })
  changesSince(@Args() { position, first }: ChangesSinceArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, changesSince(position === null || position === undefined ? null : Number(position), first));
  }
}
