import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { mutate } from '../change/mutation';
import { listingId } from '../entity-ids';
import { ListingInput } from './listing.input';
import { listingById } from './listing.read';
import { recordListing } from './listing.service';
import { Listing } from './listing.type';

@Resolver()
export class ListingMutationResolver {
  @Authorized()
  @Mutation(() => Listing, { description: "Records a party's listing (e.g. on the Entity List) for a period; a listing of the party on the same list over an overlapping period is a CONFLICT." })
  async recordListing(@Arg('input', () => ListingInput, { description: 'The party, the list, the license terms, the days it holds, the adding rule and the sources.' }) input: ListingInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const params = {
      id: listingId(input.partyId, input.list, String(input.validFrom)),
      partyId: input.partyId,
      list: input.list,
      licenseRequirement: input.licenseRequirement ?? null,
      licensePolicy: input.licensePolicy ?? null,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      addedByRuleId: input.addedByRuleId ?? null,
      note: input.note ?? null,
      sourceIds: input.sourceIds,
    };
    return mutate(context, info, 'recordListing', [params.partyId, params.id, params.addedByRuleId], listingById(params.id), (tx) => recordListing(tx, params));
  }
}
