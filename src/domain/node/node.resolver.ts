import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { IdArgs } from '../../graphql/id.args';
import { Node } from '../../graphql/node.type';
import { nodeStatement } from './node.queries';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Anything by its id; null when nothing has it.' })
  async node(@Args() { id }: IdArgs, @Ctx() { graph }: Context): Promise<Node | null> {
    const statement = nodeStatement(id);
    if (!statement) return null;
    const [row] = await graph.read<{ node: Node }>(statement.query, statement.params);
    return row?.node ?? null;
  }
}
