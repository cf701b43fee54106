import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { IdArgs } from '../../graphql/id.args';
import { DateScalar } from '../../graphql/scalars';
import { Rule } from '../rule/rule.type';
import { sourcesOf } from '../source/source.resolver';
import { Source } from '../source/source.type';
import { findById } from '../node/node.queries';
import * as q from './agency.queries';
import { Agency, Office, Official, OfficialAction } from './agency.type';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: 'An agency by id; null when there is none.' })
  async agency(@Args() { id }: IdArgs, @Ctx() { graph }: Context): Promise<Agency | null> {
    return findById<Agency>(graph, 'agency', id);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The body it is part of (BIS is part of the Department of Commerce).' })
  parent(@Root() agency: Agency, @Ctx() { loaders }: Context) {
    return loaders.one<Agency>(q.parentOfAgency, agency.id);
  }

  @FieldResolver(() => [Rule], { description: 'Rules it issued, oldest first.' })
  rules(@Root() agency: Agency, @Ctx() { loaders }: Context) {
    return loaders.many<Rule>(q.rulesOfAgency, agency.id);
  }

  @FieldResolver(() => [Office], { description: 'Posts held at the agency, on asOf when given.' })
  officials(
    @Root() agency: Agency,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) asOf?: unknown,
  ) {
    return loaders.many<Office>(q.officesOfAgency, agency.id, { asOf: asOf ?? null });
  }
}

@Resolver(() => Official)
export class OfficialResolver {
  @Query(() => Official, { nullable: true, description: 'An official by id; null when there is none.' })
  async official(@Args() { id }: IdArgs, @Ctx() { graph }: Context): Promise<Official | null> {
    return findById<Official>(graph, 'official', id);
  }

  @FieldResolver(() => [Office], { description: 'Posts held, oldest first.' })
  offices(@Root() official: Official, @Ctx() { loaders }: Context) {
    return loaders.many<Office>(q.officesOfOfficial, official.id);
  }

  @FieldResolver(() => [OfficialAction], { description: 'What they did about rules, oldest first.' })
  actions(@Root() official: Official, @Ctx() { loaders }: Context) {
    return loaders.many<OfficialAction>(q.actionsOfOfficial, official.id);
  }
}

@Resolver(() => OfficialAction)
export class OfficialActionResolver {
  @FieldResolver(() => [Source], { description: 'Where the action is recorded.' })
  sources(@Root() action: OfficialAction, @Ctx() context: Context) {
    return sourcesOf(action.sourceIds, context);
  }
}
