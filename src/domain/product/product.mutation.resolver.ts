import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { mutate } from '../change/mutation';
import { kindOfType } from '../entities';
import { namedFieldsToSet, upsertIdOf } from '../entity-ids';
import { entityById } from '../node/node.read';
import { ChipProductInput, CompanyInput } from './product.mutation.input';
import { saveChipProduct, saveCompany } from './product.service';
import { ChipProduct, Company } from './product.type';

const PERFORMANCE_FIELDS = ['tpp', 'performanceDensity', 'memoryBandwidthGBs', 'announcedOn'];

@Resolver()
export class ProductMutationResolver {
  @Authorized()
  @Mutation(() => ChipProduct, { description: 'Creates a chip product, or updates the one with this id (the fields given are set); without an id the name makes one, and a different product holding it is a CONFLICT.' })
  async upsertChipProduct(@Arg('input', () => ChipProductInput, { description: 'The product to create, or the fields to set on the product with this id.' }) input: ChipProductInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const id = upsertIdOf('chipProduct', input.id, input.name, 'name');
    const set = namedFieldsToSet(input, ['family', 'aliases', 'note', ...PERFORMANCE_FIELDS]);
    const params = {
      id, given: Boolean(input.id), name: input.name, set, sourceIds: input.sourceIds, expectedVersion: input.expectedVersion,
      makerId: input.makerId ?? null, performanceGiven: PERFORMANCE_FIELDS.some((field) => set[field] !== undefined && set[field] !== null),
    };
    return mutate(context, info, 'upsertChipProduct', [id, params.makerId], entityById(kindOfType('ChipProduct'), id, false), (tx) => saveChipProduct(tx, params));
  }

  @Authorized()
  @Mutation(() => Company, { description: 'Creates a company, or updates the one with this id (the fields given are set); without an id the name makes one, and a different company holding it is a CONFLICT.' })
  async upsertCompany(@Arg('input', () => CompanyInput, { description: 'The company to create, or the fields to set on the company with this id.' }) input: CompanyInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const id = upsertIdOf('company', input.id, input.name, 'name');
    const params = {
      id, given: Boolean(input.id), name: input.name, set: namedFieldsToSet(input, ['aliases', 'note']), sourceIds: input.sourceIds, expectedVersion: input.expectedVersion,
      countryCode: input.countryCode?.toUpperCase() ?? null, parentId: input.parentId ?? null,
    };
    return mutate(context, info, 'upsertCompany', [id, params.parentId], entityById(kindOfType('Company'), id, false), (tx) => saveCompany(tx, params));
  }
}
