import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { IdArgs } from '../../graphql/id.args';
import { DateScalar } from '../../graphql/scalars';
import { LIST_CAPS } from '../../read/caps';
import { kindOfType } from '../entities';
import { entitiesOfKind, entityById } from '../node/node.read';
import { expectIdOf } from '../node/node.resolver';
import { readField, readRoot } from '../read';
import { Agency, Office, Official } from './agency.type';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: 'An agency by id; null when there is none.' })
  agency(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(expectIdOf('Agency', id, 'id'), id, false));
  }

  @Query(() => [Agency], { description: 'Every agency the graph holds, by name.' })
  agencies(@Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entitiesOfKind(kindOfType('Agency'), (agency) => [agency.property('name'), agency.property('id')], LIST_CAPS['Query.agencies']));
  }

  @FieldResolver(() => [Office], { description: 'Posts held at the agency, on asOf when given.' })
  officials(@Root() agency: Agency, @Info() info: GraphQLResolveInfo, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) _asOf?: unknown) {
    return readField(agency, info);
  }
}

@Resolver(() => Official)
export class OfficialResolver {
  @Query(() => Official, { nullable: true, description: 'An official by id; null when there is none.' })
  official(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(expectIdOf('Official', id, 'id'), id, false));
  }

  @Query(() => [Official], { description: 'Every official the graph holds, by name.' })
  officials(@Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entitiesOfKind(kindOfType('Official'), (official) => [official.property('name'), official.property('id')], LIST_CAPS['Query.officials']));
  }
}
