import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { mutate } from '../change/mutation';
import { TierAssignmentInput } from './tier.mutation.input';
import { tierAssignment } from './tier.read';
import { TierAssignment } from './tier.type';
import * as w from './tier.writes';

@Resolver()
export class TierMutationResolver {
  @Authorized()
  @Mutation(() => TierAssignment, { description: "Closes the country's open assignment under the same rule on validFrom, then opens the new one." })
  async assignTier(@Arg('input', () => TierAssignmentInput, { description: 'The country, the tier, the days the membership holds and its sources.' }) input: TierAssignmentInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const params = {
      code: input.countryCode.toUpperCase(),
      tierId: input.tierId,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      sourceIds: input.sourceIds ?? [],
    };
    return mutate(context, info, 'assignTier', [`country:${params.code}`, params.tierId], tierAssignment(params.code, params.tierId, params.validFrom), async (tx) => {
      const [found] = await tx.run<{ countryId: string | null; tierId: string | null; ruleId: string | null; missingSources: string[] }>(w.lockCountryAndTier, params);
      if (!found.countryId) throw badUserInput(`No country has code ${params.code}.`, 'input.countryCode');
      if (!found.tierId || !found.ruleId) throw badUserInput(`No tier has id ${params.tierId}.`, 'input.tierId');
      if (found.missingSources.length > 0) throw badUserInput(`No source has id ${found.missingSources.join(', ')}.`, 'input.sourceIds');
      const entityIds = [found.countryId, params.tierId];

      // The same assignment already recorded (a retried write): nothing to write, no Change.
      const [existing] = await tx.run<{ assignment: TierAssignment }>(w.sameAssignment, params);
      if (existing) return { entityIds, changed: false };

      const ruled = { ...params, ruleId: found.ruleId };
      await tx.run(w.closeOpenAssignment, ruled);
      const overlaps = await tx.run<{ overlap: string }>(w.overlappingAssignments, ruled);
      if (overlaps.length > 0) {
        // Throwing rolls back the close above too.
        throw badUserInput(`The assignment would overlap ${overlaps.map((o) => o.overlap).join('; ')}.`, 'input.validFrom');
      }
      await tx.run(w.createAssignment, params);
      return { entityIds, changed: true };
    });
  }
}
