import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { typeOfId } from '../../graphql/entity';
import { IdArgs } from '../../graphql/id.args';
import { Node } from '../../graphql/node.type';
import { nodeByIdQueries } from './node.queries';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Anything by its id; null when nothing has it.' })
  async node(@Args() { id }: IdArgs, @Ctx() { graph }: Context): Promise<Node | null> {
    const type = typeOfId(id);
    if (!type) return null;
    const [row] = await graph.read<{ node: Node }>(nodeByIdQueries[type], { id });
    return row?.node ?? null;
  }
}
