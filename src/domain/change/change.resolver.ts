import { IsDate, IsOptional } from 'class-validator';
import { DateTimeScalar } from '../../graphql/scalars';
import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { DateTime } from 'neo4j-driver';
import { Context } from '../../graphql/context';
import { PageArgs, toConnection } from '../../graphql/pagination';
import { changesStatement } from './change.queries';
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
  async changes(@Args() { since, first, after }: ChangesArgs, @Ctx() { graph }: Context) {
    const { query, params } = changesStatement({ since, first, after });
    const [row] = await graph.read<{ changes: (Change & { at: DateTime<number> })[]; totalCount: number }>(query, params);
    const changes = row.changes.map((change) => ({ ...change, at: change.at.toStandardDate() }));
    return toConnection(changes, first, row.totalCount, (change) => `${change.at.toISOString()}|${change.id}`);
  }
}
