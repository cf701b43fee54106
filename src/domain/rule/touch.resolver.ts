import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { sourcesOf } from '../source/source.resolver';
import { Source } from '../source/source.type';
import { Touch } from './touch.type';

@Resolver(() => Touch)
export class TouchResolver {
  @FieldResolver(() => [Source], { description: 'Where the touch is stated.' })
  sources(@Root() touch: Touch, @Ctx() context: Context) {
    return sourcesOf(touch.sourceIds, context);
  }
}
