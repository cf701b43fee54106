import { GraphQLResolveInfo } from 'graphql';
import { Context, requireEditor } from '../../graphql/context';
import { CountingTransaction } from '../../neo4j/graph';
import { VALUE } from '../../read/statement';
import { compileRoot, RootRead, valueOf } from '../read';
import { recordChange, WriteOutcome } from './change.writes';
import { diffOf, snapshot } from './snapshot';

/**
 * One mutation, whole or not at all:
 * 1. its selection is compiled before anything is written, so a selection the reader refuses
 *    (a bad nested argument) fails the mutation with nothing written;
 * 2. in one write transaction, the entities the input names (`subjects`) are read as they are,
 *    `write` validates and writes (throwing rolls everything back), the answer is read with the
 *    selection's statement inside the same transaction, and, when the write changed anything, the
 *    Change is recorded last with its position and the before and after values of what differs;
 * 3. it commits: an error anywhere means nothing was written, and a success was committed.
 * `read` builds the answer's statement from what is known before the write (the ids in the input).
 */
export async function mutate<T>(
  context: Context,
  info: GraphQLResolveInfo,
  operation: string,
  subjects: (string | null | undefined)[],
  read: RootRead,
  write: (tx: CountingTransaction) => Promise<WriteOutcome>,
): Promise<T | T[] | null> {
  const editor = requireEditor(context);
  const compiled = compileRoot(info, read);
  const named = subjects.filter((id): id is string => Boolean(id));
  return context.graph.write(async (tx) => {
    const before = await snapshot(tx, named);
    const outcome = await write(tx);
    const rows = await tx.run<Record<typeof VALUE, T>>(compiled.statement.query, compiled.statement.params);
    if (outcome.changed) {
      const after = await snapshot(tx, [...named, ...outcome.entityIds]);
      await recordChange(tx, editor, operation, outcome.entityIds, diffOf(before, after));
    }
    return valueOf(compiled, rows);
  });
}
