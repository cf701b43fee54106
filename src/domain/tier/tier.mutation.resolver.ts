import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { mutate } from '../change/mutation';
import { TierAssignmentInput } from './tier.mutation.input';
import { tierAssignment } from './tier.read';
import { assignTier } from './tier.service';
import { TierAssignment } from './tier.type';

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
    return mutate(context, info, 'assignTier', [`country:${params.code}`, params.tierId], tierAssignment(params.code, params.tierId, params.validFrom), (tx) => assignTier(tx, params));
  }
}
