import { decodeCursor } from '../../graphql/pagination';
import { CountingTransaction, NamedQuery, Statement } from '../../neo4j/graph';

const recordChangeQuery: NamedQuery = {
  name: 'recordChange',
  cypher: `
CREATE (c:Change {id: 'change:' + randomUUID(), at: datetime.truncate('millisecond', datetime()), editor: $editor, operation: $operation, entityIds: $entityIds})
RETURN c.id AS id`,
};

/** Records a write in the same transaction as the write, so the audit trail and the graph never disagree. */
export async function recordChange(tx: CountingTransaction, editor: string, operation: string, entityIds: string[]): Promise<void> {
  await tx.run(recordChangeQuery, { editor, operation, entityIds });
}

/** Newest first; the cursor is (at, id) so equal timestamps still page stably. */
export const changesPage: NamedQuery = {
  name: 'changesPage',
  cypher: `
CALL {
  MATCH (c:Change)
  WHERE ($since IS NULL OR c.at >= datetime($since))
    AND ($afterAt IS NULL OR c.at < datetime($afterAt) OR (c.at = datetime($afterAt) AND c.id < $afterId))
  WITH c ORDER BY c.at DESC, c.id DESC LIMIT toInteger($limit)
  RETURN collect(c {.id, .at, .editor, .operation, .entityIds}) AS changes
}
CALL {
  MATCH (c:Change) WHERE $since IS NULL OR c.at >= datetime($since)
  RETURN count(c) AS totalCount
}
RETURN changes, totalCount`,
};

export function changesStatement({ since, first, after }: { since?: Date | null; first: number; after?: string | null }): Statement {
  const cursor = decodeCursor(after, 'change');
  const [afterAt, afterId] = cursor ? cursor.split('|') : [null, null];
  return { query: changesPage, params: { since: since ? since.toISOString() : null, afterAt, afterId, limit: first + 1 } };
}
