import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { mutate } from '../change/mutation';
import { oneFact } from '../fact/fact.read';
import { CountryGroupMembershipInput } from './country-group.mutation.input';
import { countryGroupSlugOf } from './country-group.resolver';
import { assignCountryGroup } from './country-group.service';
import { CountryGroupMembership } from './country-group.type';

@Resolver()
export class CountryGroupMutationResolver {
  @Authorized()
  @Mutation(() => CountryGroupMembership, { description: "Records a country's membership of a country group for a period; a period overlapping another membership of that group is a CONFLICT." })
  async assignCountryGroup(@Arg('input', () => CountryGroupMembershipInput, { description: 'The country, the group, the days the membership holds, the adding rule and the sources.' }) input: CountryGroupMembershipInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const params = {
      code: input.countryCode.toUpperCase(),
      groupId: `countryGroup:${countryGroupSlugOf(input.group, 'input.group')}`,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      addedByRuleId: input.addedByRuleId ?? null,
      sourceIds: input.sourceIds,
    };
    return mutate(context, info, 'assignCountryGroup', [`country:${params.code}`, params.groupId], oneFact(
      'CountryGroupMembership',
      { label: 'Country', key: 'code', value: params.code, scope: 'country' }, 'IN_GROUP', { validFrom: params.validFrom },
      { label: 'CountryGroup', key: 'id', value: params.groupId, scope: 'group' },
    ), (tx) => assignCountryGroup(tx, params));
  }
}
