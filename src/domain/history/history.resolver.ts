import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { clip } from '../../graphql/limits';
import { kindOfId } from '../entities';
import { readRows } from '../read';
import { nameLookup } from '../search/names';
import { FactChange } from './fact-change.type';
import { FactChangesArgs } from './history.input';
import { EntityTarget, FACT_RELATIONS, factChanges } from './history.read';

/** The entity argument as an id of a known kind, or a name to look up; refused when it has no letter or digit. */
function targetOf(entity: string): EntityTarget {
  const kind = kindOfId(entity);
  if (kind) return { kind, id: entity, names: null };
  const names = nameLookup(entity);
  if (!names) throw badUserInput('Argument "entity" must be an entity id or a name with a letter or digit.', 'entity');
  return { kind: null, id: entity, names };
}

/** The first few unknown values, each cut short: the message stays small whatever the client sent. */
const quoted = (values: string[]) =>
  values.slice(0, 3).map((value) => JSON.stringify(clip(value))).join(', ') + (values.length > 3 ? ` and ${values.length - 3} more` : '');

@Resolver(() => FactChange)
export class HistoryResolver {
  @Query(() => [FactChange], {
    description:
      'Facts that began or ended between from and to (inclusive), oldest first; entity (id or name) narrows it to facts about that entity, relations to those kinds.',
  })
  async factChanges(@Args() args: FactChangesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    if (args.to.toString() < args.from.toString()) throw badUserInput('Argument "to" must not be before "from".', 'to');
    const unknown = (args.relations ?? []).filter((relation) => !FACT_RELATIONS.includes(relation));
    if (unknown.length > 0 || args.relations?.length === 0) {
      throw badUserInput(`Argument "relations" takes ${FACT_RELATIONS.join(', ')}${unknown.length > 0 ? `; not ${quoted(unknown)}` : ' (at least one)'}.`, 'relations');
    }
    const entity = args.entity ? targetOf(args.entity) : null;
    const window = { from: args.from, to: args.to, first: args.first, relations: args.relations ?? FACT_RELATIONS };
    const rows = await readRows<{ value: FactChange | null; resolved?: number }>(context, info, factChanges(window, entity));
    if (entity && !rows.some((row) => Number(row.resolved) > 0)) {
      throw badUserInput(`Argument "entity": nothing in the graph has the id or name ${JSON.stringify(args.entity)}.`, 'entity');
    }
    return rows.flatMap((row) => (row.value === null ? [] : [row.value]));
  }
}
