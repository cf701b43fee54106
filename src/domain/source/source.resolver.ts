import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { IdArgs } from '../../graphql/id.args';
import { pageOf } from '../../read/page';
import { entityById } from '../node/node.read';
import { expectIdOf } from '../node/node.resolver';
import { readField, readRoot } from '../read';
import { SourcesArgs, SupportsArgs } from './source.input';
import { sourcesPage } from './source.read';
import { Source, SourceConnection, SupportedFact } from './source.type';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: 'A source by id; null when there is none.' })
  source(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(expectIdOf('Source', id, 'id'), id, false));
  }

  @Query(() => SourceConnection, { description: 'Sources in id order, narrowed by words and kind.' })
  sources(@Args() { text, kind, ...page }: SourcesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const { first, after } = pageOf(page, 'sourceId');
    return readRoot(context, info, sourcesPage({ text, kind }, first, after));
  }

  @FieldResolver(() => [SupportedFact], {
    description:
      'Facts that cite this source, in subject order: entities citing it for their own properties, relationships and listings naming it in their sourceIds, ' +
      "a product's figures and a rule's ending. No index covers a list of source ids, so reading this scans every relationship of the graph once: ask for it on one source at a time.",
  })
  supports(@Root() source: Source, @Args() _args: SupportsArgs, @Info() info: GraphQLResolveInfo) {
    return readField(source, info);
  }
}
