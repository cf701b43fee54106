import { IsEnum, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { GraphQLError } from 'graphql';
import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { expectIdOf } from '../../graphql/entity';
import { Rule } from '../rule/rule.type';
import { lineageStatement, MAX_LINEAGE_DEPTH } from './lineage.queries';
import { Lineage, LineageDirection, LineageEdge } from './lineage.type';
import { toMermaid } from './mermaid';

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

/** An edge as the statement returns it: its ends by id. */
type EdgeRow = Omit<LineageEdge, 'from' | 'to'> & { fromId: string; toId: string };

@Resolver()
export class LineageResolver {
  @Query(() => Lineage, { description: 'What a rule revoked, amended, superseded or implemented, and what did so to it, up to maxDepth hops.' })
  async ruleLineage(@Args() { id, direction, maxDepth }: RuleLineageArgs, @Ctx() { graph }: Context): Promise<Lineage> {
    expectIdOf('rule', id, 'id');
    const { query, params } = lineageStatement({ id, direction, maxDepth });
    const [row] = await graph.read<{ root: Rule; rules: Rule[]; edges: EdgeRow[] }>(query, params);
    if (!row) throw new GraphQLError(`No rule has id ${JSON.stringify(id)}.`, { extensions: { code: 'NOT_FOUND', argumentName: 'id' } });
    const rules = new Map<string, Rule>([[row.root.id, row.root], ...row.rules.map((rule): [string, Rule] => [rule.id, rule])]);
    const edges = row.edges.map(({ fromId, toId, kind, on, note }): LineageEdge => ({ from: rules.get(fromId)!, to: rules.get(toId)!, kind, on, note }));
    return { root: row.root, rules: [...rules.values()], edges, mermaid: toMermaid(row.root.id, [...rules.values()], row.edges) };
  }
}
