import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { mutate } from '../change/mutation';
import { oneFact } from '../fact/fact.read';
import { Confidence } from '../confidence/confidence.type';
import { ClassificationInput } from './classification.input';
import { eccnCodeOf } from './eccn.input';
import { classify } from './eccn.service';
import { Classification } from './eccn.type';

@Resolver()
export class EccnMutationResolver {
  @Authorized()
  @Mutation(() => Classification, { description: 'Classifies a product under an ECCN for a period; a period overlapping another classification of the product under that ECCN is a CONFLICT.' })
  async classify(@Arg('input', () => ClassificationInput, { description: 'The product, the ECCN, the days the classification holds and its sources.' }) input: ClassificationInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const params = {
      productId: input.productId,
      eccnId: `eccn:${eccnCodeOf(input.eccn, 'input.eccn')}`,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      confidence: input.confidence ?? Confidence.STATED,
      note: input.note ?? null,
      sourceIds: input.sourceIds,
    };
    return mutate(context, info, 'classify', [params.productId, params.eccnId], oneFact(
      'Classification',
      { label: 'ChipProduct', key: 'id', value: params.productId, scope: 'product' }, 'CLASSIFIED_AS', { validFrom: params.validFrom },
      { label: 'Eccn', key: 'id', value: params.eccnId, scope: 'eccn' },
    ), (tx) => classify(tx, params));
  }
}
