import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { GraphConstraintError } from '../../neo4j/errors';
import { WriteConflict } from '../../input-refused';
import { mutate } from '../change/mutation';
import { kindOfType } from '../entities';
import { givenFields, upsertIdOf } from '../entity-ids';
import { entityById } from '../node/node.read';
import { SourceInput } from './source.mutation.input';
import { saveSource } from './source.service';
import { Source } from './source.type';

@Resolver()
export class SourceMutationResolver {
  @Authorized()
  @Mutation(() => Source, { description: 'Creates a source, or updates the one with this id (the fields given are set); without an id the title makes one, and a different source holding it is a CONFLICT.' })
  async upsertSource(@Arg('input', () => SourceInput, { description: 'The source to create, or the fields to set on the source with this id.' }) input: SourceInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const id = upsertIdOf('source', input.id, input.title, 'title');
    const params = { id, given: Boolean(input.id), title: input.title, kind: input.kind, set: givenFields(input, ['publisher', 'url', 'publishedOn', 'note']), expectedVersion: input.expectedVersion };
    try {
      return await mutate(context, info, 'upsertSource', [id], entityById(kindOfType('Source'), id, false), (tx) => saveSource(tx, params));
    } catch (error) {
      if (error instanceof GraphConstraintError) {
        throw new WriteConflict('A source with the id this title gives was created at the same time: give input.id to update it.', 'input.title');
      }
      throw error;
    }
  }
}
