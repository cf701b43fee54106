import { IsDate, IsOptional } from 'class-validator';
import { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { PageArgs } from '../../graphql/pagination';
import { DateTimeScalar } from '../../graphql/scalars';
import { pageOf } from '../../read/page';
import { readRoot } from '../read';
import { changesPage, feedPosition } from './change.read';
import { Change, ChangeConnection } from './change.type';

@ArgsType()
class ChangesArgs extends PageArgs {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only changes at or after this instant.' })
  @IsOptional()
  @IsDate()
  since?: Date | null;
}

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, { description: 'Writes to the graph, newest first: a feed to follow the graph by.' })
  changes(@Args() { since, ...page }: ChangesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const { first, after } = pageOf(page, 'change');
    return readRoot(context, info, changesPage(since, first, feedPosition(after)));
  }
}
