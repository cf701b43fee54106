import { CountingTransaction, NamedQuery } from '../../neo4j/graph';

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
