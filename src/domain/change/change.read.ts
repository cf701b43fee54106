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
      at: property('at'),
      editor: property('editor'),
      operation: property('operation'),
      entityIds: listProperty('entityIds'),
    },
  },
};

/** A change's place in the feed: when it committed and its id, which breaks ties. */
interface FeedPosition {
  at: ReturnType<typeof neo4j.types.DateTime.fromStandardDate>;
  id: string;
}

/** The position a changes cursor's sort key names (its shape was checked when it was decoded). */
export function feedPosition(sortKey: string | null): FeedPosition | null {
  if (sortKey === null) return null;
  const [at, id] = sortKey.split('|');
  return { at: neo4j.types.DateTime.fromStandardDate(new Date(at)), id };
}

/** Newest first; ties on the instant are broken by id, so a page boundary never splits or repeats. */
const feedPages = (since: Date | null | undefined, after: FeedPosition | null): PageSource => ({
  itemType: 'Change',
  match: (change) => {
    const match = new Cypher.Match(new Cypher.Pattern(change, { labels: ['Change'] }));
    return since ? match.where(Cypher.gte(change.property('at'), new Cypher.Param(neo4j.types.DateTime.fromStandardDate(since)))) : match;
  },
  orderBy: (change) => [
    [change.property('at'), 'DESC'],
    [change.property('id'), 'DESC'],
  ],
  after: (change) => {
    const at = new Cypher.Param(after?.at);
    return Cypher.or(Cypher.lt(change.property('at'), at), Cypher.and(Cypher.eq(change.property('at'), at), Cypher.lt(change.property('id'), new Cypher.Param(after?.id))))!;
  },
  cursor: (change) => new Cypher.List([change.property('at'), change.property('id')]),
});

export const changesPage = (since: Date | null | undefined, first: number, after: FeedPosition | null) => (selection: Selection, compiler: Compiler) =>
  new Cypher.Return([connection(selection, compiler, 'ChangeConnection', feedPages(since, after), { first, hasAfter: after !== null }), VALUE]);
