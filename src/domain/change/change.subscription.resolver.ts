import { FieldNode, GraphQLError, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { Arg, Info, Resolver, Root, Subscription } from 'type-graphql';
import { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { ChangeFeed, FedChange, resolveEntity } from './change.feed';
import { POSITION } from './change.read';
import { Change } from './change.type';

/** The context of an operation over WebSocket: the request's, plus the feed every subscriber follows. */
export interface SubscriptionContext extends Context {
  changeFeed: ChangeFeed;
}

/** Relation kinds a subscription may name at most. */
const MAX_RELATIONS = 50;
const MAX_ENTITY_LENGTH = 200;

/**
 * A Change records the mutation that made it (`operation`), not the relationships it wrote, so
 * `relations` matches the operation: each must be a field of the Mutation type (upsertRule,
 * linkRules, revokeRule, assignTier...).
 */
function operationsOf(relations: string[] | null | undefined, info: GraphQLResolveInfo): Set<string> | null {
  if (relations === null || relations === undefined) return null;
  if (relations.length === 0) throw badUserInput('relations: name at least one operation, or leave the argument out to receive every change.', 'relations');
  if (relations.length > MAX_RELATIONS) throw badUserInput(`relations: at most ${MAX_RELATIONS} operations.`, 'relations');
  const known = Object.keys(info.schema.getMutationType()?.getFields() ?? {}).sort();
  const unknown = relations.filter((relation) => !known.includes(relation));
  if (unknown.length > 0) {
    throw badUserInput(`relations: ${unknown.map((name) => JSON.stringify(name.slice(0, 60))).join(', ')} is not an operation that records changes; known: ${known.join(', ')}.`, 'relations');
  }
  return new Set(relations);
}

/** What the subscription's arguments ask for, checked before the feed is followed; a client mistake is a coded error. */
async function follow(context: Context, args: { after?: string | null; entity?: string | null; relations?: string[] | null }, info: GraphQLResolveInfo) {
  const feed = (context as Partial<SubscriptionContext>).changeFeed;
  if (!feed) throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at /graphql.', { extensions: { code: 'BAD_REQUEST' } });
  const { after, entity, relations } = args;
  if (after !== null && after !== undefined && !POSITION.test(after)) throw badUserInput('after must be a Change.position, a decimal integer such as "42".', 'after');
  const operations = operationsOf(relations, info);
  let entityIds: Set<string> | null = null;
  if (entity !== null && entity !== undefined) {
    if (entity.trim() === '' || entity.length > MAX_ENTITY_LENGTH) throw badUserInput(`entity must be an id or a name of 1 to ${MAX_ENTITY_LENGTH} characters.`, 'entity');
    entityIds = new Set(await resolveEntity(context.graph, entity));
    if (entityIds.size === 0) throw new GraphQLError(`No entity has the id or name "${entity}".`, { extensions: { code: 'NOT_FOUND', argumentName: 'entity' } });
  }
  return feed.follow(after === null || after === undefined ? null : Number(after), { entityIds, operations });
}

/** The response keys (aliases) of a selection, fragments included, with the Change field each names. */
function responseKeys(selectionSet: SelectionSetNode, info: GraphQLResolveInfo, keys: [string, string][] = []): [string, string][] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) keys.push([(selection.alias ?? selection.name).value, selection.name.value]);
    else if (selection.kind === Kind.INLINE_FRAGMENT) responseKeys(selection.selectionSet, info, keys);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) responseKeys(fragment.selectionSet, info, keys);
    }
  }
  return keys;
}

/**
 * Changes as they commit. Below the root every field reads its response key (from-parent.ts), so
 * each delivered change is shaped to the subscriber's selection here.
 */
@Resolver(() => Change)
export class ChangeSubscriptionResolver {
  @Subscription(() => Change, {
    description: 'Writes as they commit, in commit order; replays from `after` first when given; narrowed to an entity (id or name) and relation kinds.',
    subscribe: ({ args, context, info }) => follow(context as Context, args, info),
  })
  changed(
    @Root() change: FedChange,
    @Info() info: GraphQLResolveInfo,
    @Arg('after', () => String, { nullable: true, description: 'A Change.position: changes committed after it are replayed first, then new ones follow. From now on when left out.' })
    _after?: string,
    @Arg('entity', () => String, { nullable: true, description: 'Only changes that wrote this entity, given by id or by name (a name may stand for several entities; none: NOT_FOUND).' })
    _entity?: string,
    @Arg('relations', () => [String], { nullable: true, description: 'Only changes made by these operations (a Change records its mutation, e.g. "upsertRule", "linkRules", "assignTier"); an unknown one is refused.' })
    _relations?: string[],
  ): Record<string, unknown> {
    const shaped: Record<string, unknown> = {};
    for (const node of info.fieldNodes as FieldNode[]) {
      for (const [key, field] of responseKeys(node.selectionSet!, info)) shaped[key] = (change as unknown as Record<string, unknown>)[field];
    }
    return shaped;
  }
}
