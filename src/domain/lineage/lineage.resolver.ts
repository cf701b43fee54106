import { IsEnum, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { expectIdOf } from '../node/node.resolver';
import { readRoot } from '../read';
import { MAX_LINEAGE_DEPTH, ruleLineage } from './lineage.read';
import { Lineage, LineageDirection } from './lineage.type';

@ArgsType()
class RuleLineageArgs {
  @Field(() => ID, { description: "The rule, e.g. 'rule:ai-diffusion'." })
  @IsString()
  @MaxLength(200)
  id!: string;

  @Field(() => LineageDirection, { nullable: true, defaultValue: LineageDirection.BOTH, description: 'Which way to walk.' })
  @IsEnum(LineageDirection)
  direction = LineageDirection.BOTH;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: `How many hops at most, 1 to ${MAX_LINEAGE_DEPTH}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_LINEAGE_DEPTH)
  maxDepth = 10;
}

@Resolver()
export class LineageResolver {
  @Query(() => Lineage, { description: 'What a rule acted on (revoked, amended, superseded, implemented, suspended, stopped enforcing, corrected), and what acted on it, up to maxDepth hops: the rules reached and every link among them.' })
  async ruleLineage(@Args() { id, direction, maxDepth }: RuleLineageArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    expectIdOf('Rule', id, 'id');
    const lineage = await readRoot(context, info, ruleLineage(id, direction, maxDepth));
    if (!lineage) throw new GraphQLError(`No rule has id ${JSON.stringify(id)}.`, { extensions: { code: 'NOT_FOUND', argumentName: 'id' } });
    return lineage;
  }
}
