import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { IdArgs } from '../../graphql/id.args';
import { Node } from '../../graphql/node.type';
import { EntityKind, kindOfId, kindOfType } from '../entities';
import { readRoot } from '../read';
import { entityById } from './node.read';

/** The kind an id argument must name, or BAD_USER_INPUT naming the argument. */
export function expectIdOf(type: string, id: string, argumentName: string): EntityKind {
  const kind = kindOfId(id);
  if (kind?.type !== type) {
    const { prefix } = kindOfType(type);
    throw badUserInput(`Argument "${argumentName}" must be a ${type} id like "${prefix}:slug"; got ${JSON.stringify(id)}.`, argumentName);
  }
  return kind;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Anything by its id; null when nothing has it.' })
  async node(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const kind = kindOfId(id);
    return kind ? readRoot(context, info, entityById(kind, id, true)) : null;
  }
}
