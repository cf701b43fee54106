import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { IdArgs } from '../../graphql/id.args';
import { DateScalar } from '../../graphql/scalars';
import { pageOf } from '../../read/page';
import { eccnCodeOf } from '../eccn/eccn.input';
import { Classification } from '../eccn/eccn.type';
import { Listing } from '../listing/listing.type';
import { entityById } from '../node/node.read';
import { expectIdOf } from '../node/node.resolver';
import { readField, readRoot } from '../read';
import { ChipProductsArgs, CompaniesArgs } from './product.input';
import { chipProductsPage, companiesPage } from './product.read';
import { ChipProduct, ChipProductConnection, Company, CompanyConnection } from './product.type';

@Resolver()
export class ProductResolver {
  @Query(() => ChipProduct, { nullable: true, description: 'A chip product by id; null when there is none.' })
  chipProduct(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(expectIdOf('ChipProduct', id, 'id'), id, false));
  }

  @Query(() => Company, { nullable: true, description: 'A company by id; null when there is none.' })
  company(@Args() { id }: IdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return readRoot(context, info, entityById(expectIdOf('Company', id, 'id'), id, false));
  }

  @Query(() => ChipProductConnection, { description: 'Chip products in id order, optionally filtered.' })
  chipProducts(@Args() { filter, ...page }: ChipProductsArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const { first, after } = pageOf(page, 'chipProductId');
    if (filter?.makerId) expectIdOf('Company', filter.makerId, 'filter.makerId');
    const eccn = filter?.eccn ? eccnCodeOf(filter.eccn, 'filter.eccn') : null;
    const [min, max] = [filter?.minTpp, filter?.maxTpp];
    if (typeof min === 'number' && typeof max === 'number' && max < min) throw badUserInput('Argument "filter.maxTpp" must not be below "filter.minTpp".', 'filter.maxTpp');
    return readRoot(context, info, chipProductsPage(filter && { ...filter, eccn }, first, after));
  }

  @Query(() => CompanyConnection, { description: 'Companies in id order, optionally filtered.' })
  companies(@Args() { filter, ...page }: CompaniesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const { first, after } = pageOf(page, 'companyId');
    return readRoot(context, info, companiesPage(filter && { ...filter, countryCode: filter.countryCode?.toUpperCase() ?? null }, first, after));
  }
}

@Resolver(() => ChipProduct)
export class ChipProductResolver {
  @FieldResolver(() => [Classification], { description: 'Classifications, oldest first; those in force on asOf when given.' })
  classifications(@Root() product: ChipProduct, @Info() info: GraphQLResolveInfo, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) _asOf?: unknown) {
    return readField(product, info);
  }
}

@Resolver(() => Company)
export class CompanyResolver {
  @FieldResolver(() => [Listing], { description: 'Listings, oldest first; those in force on asOf when given.' })
  listings(@Root() company: Company, @Info() info: GraphQLResolveInfo, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to ask about.' }) _asOf?: unknown) {
    return readField(company, info);
  }
}
