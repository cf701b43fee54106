import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { mutate } from '../change/mutation';
import { Confidence } from '../confidence/confidence.type';
import { kindOfId } from '../entities';
import { oneFact } from '../fact/fact.read';
import { TouchInput } from './touch.input';
import { recordTouch } from './touch.service';
import { Touch } from './touch.type';

@Resolver()
export class TouchMutationResolver {
  @Authorized()
  @Mutation(() => Touch, { description: 'Records that a rule reaches an entity directly for a period; the same relation to the same target over an overlapping period is a CONFLICT.' })
  async recordTouch(@Arg('input', () => TouchInput, { description: 'The rule, the target, how, the days it holds and the sources.' }) input: TouchInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    // The input's validator has checked the id's grammar, so its kind is known.
    const targetLabel = kindOfId(input.targetId)!.type;
    const params = {
      ruleId: input.ruleId,
      targetId: input.targetId,
      targetLabel,
      relation: input.relation,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      confidence: input.confidence ?? Confidence.STATED,
      note: input.note ?? null,
      sourceIds: input.sourceIds,
    };
    const read = oneFact(
      'Touch',
      { label: 'Rule', key: 'id', value: params.ruleId, scope: 'rule' }, params.relation, { validFrom: params.validFrom },
      { label: targetLabel, key: 'id', value: params.targetId, scope: 'target' },
    );
    return mutate(context, info, 'recordTouch', [params.ruleId, params.targetId], read, (tx) => recordTouch(tx, params));
  }
}
