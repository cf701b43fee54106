import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Context, requireEditor } from '../../graphql/context';
import { recordChange } from '../change/change.writes';
import { diffOf, snapshot } from '../change/snapshot';
import { EndableRelation, EndFactInput, LIST_ID } from './end-fact.input';
import { endFact, endFactSubjects } from './fact.service';

@Resolver()
export class FactMutationResolver {
  /** Answers a Boolean, so there is no selection to read: the write and its Change are one transaction all the same. */
  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends a dated fact (a touch, classification, country-group membership or listing) on a day.' })
  async endFact(@Arg('input', () => EndFactInput, { description: 'The fact (subject, object, relation), the first day it no longer holds, the ending rule and the sources.' }) input: EndFactInput, @Ctx() context: Context): Promise<boolean> {
    const editor = requireEditor(context);
    const relation = input.relation as EndableRelation;
    const list = relation === 'LISTED' ? (LIST_ID.exec(input.objectId)?.[1] ?? null) : null;
    const params = {
      subjectId: input.subjectId, objectId: input.objectId, relation, list, on: input.on,
      byRuleId: input.byRuleId ?? null, note: input.note ?? null, sourceIds: input.sourceIds,
    };
    await context.graph.write(async (tx) => {
      const subjects = await endFactSubjects(tx, params);
      const before = await snapshot(tx, subjects);
      const outcome = await endFact(tx, params);
      if (outcome.changed) await recordChange(tx, editor, 'endFact', outcome.entityIds, diffOf(before, await snapshot(tx, [...subjects, ...outcome.entityIds])));
    });
    return true;
  }
}
