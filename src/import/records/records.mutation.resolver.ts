import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Context, requireEditor } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { JsonObjectScalar } from '../../graphql/scalars';
import { parseRecords, RecordsFileError } from './records-file';
import { importRecords } from './records-import';

/** At most this many records per request: the plan and the write each run in one transaction under the request's time limit. */
export const MAX_REQUEST_RECORDS = 500;

@ObjectType({ description: 'What an import did, or on a dry run would do, for one kind of record.' })
class ImportKindCount {
  @Field({ description: "The kind, as keyed in the records ('sources', 'chipProducts', ...)." })
  kind!: string;

  @Field(() => Int, { description: 'Entities or facts created.' })
  created!: number;

  @Field(() => Int, { description: 'Entities changed.' })
  changed!: number;

  @Field(() => Int, { description: 'Records the graph already held as given.' })
  unchanged!: number;
}

@ObjectType({ description: 'The outcome of importRecords.' })
class ImportResult {
  @Field({ description: 'True when nothing was written: the counts say what an import would do.' })
  dryRun!: boolean;

  @Field(() => [ImportKindCount], { description: 'Per kind, in the order they are written.' })
  kinds!: ImportKindCount[];

  @Field(() => Int, { description: 'Changes recorded, one per entity or fact changed (0 on a dry run).' })
  changes!: number;
}

@Resolver()
export class ImportMutationResolver {
  @Authorized()
  @Mutation(() => ImportResult, {
    description: 'Imports records in the seed files\' shapes (the JSON Schema at schema/import-records.schema.json) through the same write services as the other mutations: every record is checked first, and any problem refuses the whole request as BAD_USER_INPUT with `extensions.problems`; otherwise all of it is written in one transaction, one Change per entity or fact changed. Importing the same records again changes nothing.',
  })
  async importRecords(
    @Arg('records', () => JsonObjectScalar, { description: `A mapping from kind to a list of records, at most ${MAX_REQUEST_RECORDS} in all.` }) records: object,
    @Arg('dryRun', { defaultValue: true, description: 'Only report what would change (the default): pass false to write.' }) dryRun: boolean,
    @Ctx() context: Context,
  ): Promise<ImportResult> {
    const editor = requireEditor(context);
    try {
      const parsed = parseRecords(JSON.stringify(records), 'records', false);
      if (parsed.length > MAX_REQUEST_RECORDS) throw badUserInput(`${parsed.length} records; at most ${MAX_REQUEST_RECORDS} per request (npm run import takes files of any size).`, 'records');
      const report = await importRecords(context.graph, parsed, { dryRun, editor, batchSize: parsed.length });
      return { dryRun, changes: report.changes, kinds: Object.entries(report.kinds).map(([kind, counts]) => ({ kind, ...counts })) };
    } catch (error) {
      if (!(error instanceof RecordsFileError)) throw error;
      throw new GraphQLError(`The records are refused, nothing was written: ${error.problems.length} problem(s), listed in extensions.problems.`, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'records', problems: error.problems },
      });
    }
  }
}
