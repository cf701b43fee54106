import Cypher from '@neo4j/cypher-builder';
import neo4j from 'neo4j-driver';
import { Compiler, ReadModel } from '../../read/compiler';
import { connection, PageSource } from '../../read/connection';
import { listProperty, property } from '../../read/fields';
import { Selection } from '../../read/plan';
import { VALUE } from '../../read/statement';

export const changeReaders: ReadModel = {
  Change: {
    label: 'Change',
    fields: {
      id: property('id'),
      position: (_field, { node }) => Cypher.toString(node.property('position')),
      at: property('at'),
      editor: property('editor'),
      operation: property('operation'),
      entityIds: listProperty('entityIds'),
      before: property('before'),
      after: property('after'),
    },
  },
};

/** A change's position as the API writes it: a decimal integer, 1 for the first change. */
export const POSITION = /^(0|[1-9][0-9]{0,15})$/;

/** The position a changes cursor's sort key names (its shape was checked when it was decoded). */
export function feedPosition(sortKey: string | null): number | null {
  return sortKey === null ? null : Number(sortKey);
}

/**
 * Newest first, in commit order: a change's position is taken from a counter its transaction
 * holds until it commits (change.writes.ts), so no change can commit behind one already visible.
 */
const feedPages = (since: Date | null | undefined, after: number | null): PageSource => ({
  itemType: 'Change',
  match: (change) => {
    const match = new Cypher.Match(new Cypher.Pattern(change, { labels: ['Change'] }));
    return since ? match.where(Cypher.gte(change.property('at'), new Cypher.Param(neo4j.types.DateTime.fromStandardDate(since)))) : match;
  },
  orderBy: (change) => [[change.property('position'), 'DESC']],
  after: (change) => Cypher.lt(change.property('position'), new Cypher.Param(neo4j.int(after ?? 0))),
  cursor: (change) => change.property('position'),
});

export const changesPage = (since: Date | null | undefined, first: number, after: number | null) => (selection: Selection, compiler: Compiler) =>
  new Cypher.Return([connection(selection, compiler, 'ChangeConnection', feedPages(since, after), { first, hasAfter: after !== null }), VALUE]);

/** Changes committed after a position (all when null), oldest first: how a follower resumes without missing one. */
export const changesSince = (position: number | null, first: number) => (selection: Selection, compiler: Compiler) => {
  const change = new Cypher.Node();
  const match = new Cypher.Match(new Cypher.Pattern(change, { labels: ['Change'] }));
  if (position !== null) match.where(Cypher.gt(change.property('position'), new Cypher.Param(neo4j.int(position))));
  return match
    .with(change)
    .orderBy([change.property('position'), 'ASC'])
    .limit(new Cypher.Literal(first))
    .return([compiler.node('Change', selection, change), VALUE]);
};
