import { IsString, MaxLength } from 'class-validator';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { DateScalar } from '../../graphql/scalars';
import { LIST_CAPS } from '../../read/caps';
import { COUNTRY_GROUP_SLUG, kindOfType } from '../entities';
import { entitiesOfKind, entityById } from '../node/node.read';
import { readField, readRoot } from '../read';
import { CountryGroup, CountryGroupMembership } from './country-group.type';

@ArgsType()
export class CountryGroupCodeArgs {
  @Field({ description: "A country group's code, e.g. 'D:5', 'E:1' or 'B' (the colon and case do not matter: 'd5' works too)." })
  @IsString()
  @MaxLength(10)
  code!: string;
}

/** The id slug of a group code ('D:5' -> 'D5'), or BAD_USER_INPUT naming the argument. */
export function countryGroupSlugOf(code: string, argumentName: string): string {
  const slug = code.trim().toUpperCase().replace(':', '');
  if (!COUNTRY_GROUP_SLUG.test(slug)) throw badUserInput(`Argument "${argumentName}" must be a country group code such as "D:5" or "B"; got ${JSON.stringify(code)}.`, argumentName);
  return slug;
}

@Resolver(() => CountryGroup)
export class CountryGroupResolver {
  @Query(() => CountryGroup, { nullable: true, description: "A country group by code, e.g. 'D:5'; null when the graph has no such group." })
  countryGroup(@Args() { code }: CountryGroupCodeArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(kindOfType('CountryGroup'), `countryGroup:${countryGroupSlugOf(code, 'code')}`, false));
  }

  @Query(() => [CountryGroup], { description: 'Every country group the graph holds, by code.' })
  countryGroups(@Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entitiesOfKind(kindOfType('CountryGroup'), (group) => [group.property('code')], LIST_CAPS['Query.countryGroups']));
  }

  @FieldResolver(() => [CountryGroupMembership], { description: 'Members on asOf (ever, when not given), by country code.' })
  members(@Root() group: CountryGroup, @Info() info: GraphQLResolveInfo, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) _asOf?: unknown) {
    return readField(group, info);
  }
}
