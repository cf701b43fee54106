import { ChangeFeed, FedChange } from '../../src/domain/change/change.feed';
import { Graph } from '../../src/neo4j/graph';

/** A graph holding a list of changes, read as change.feed.ts's two statements read them. */
function fakeGraph(changes: FedChange[], pageSize: number) {
  const reads: string[] = [];
  const graph = {
    async read(query: { name: string }, params: Record<string, unknown>) {
      reads.push(query.name);
      if (query.name === 'changeFeedLatest') return [{ last: String(changes.length) }];
      const after = Number(String(Object.values(params)[0]));
      return changes.filter((change) => Number(change.position) > after).slice(0, pageSize);
    },
  };
  return { graph: graph as unknown as Graph, reads };
}

const change = (position: number, entityIds = [`rule:r${position}`], operation = 'upsertRule'): FedChange => ({
  id: `change:${position}`, position: String(position), at: null, editor: 'alice', operation, entityIds,
});

async function take(iterator: AsyncIterableIterator<FedChange>, count: number): Promise<number[]> {
  const taken: number[] = [];
  while (taken.length < count) {
    const { value, done } = await iterator.next();
    if (done) break;
    taken.push(Number(value.position));
  }
  return taken;
}

describe('ChangeFeed', () => {
  it('replays from a position page by page, then follows live, with no gap or duplicate; filters by entity and operation', async () => {
    const changes = [1, 2, 3, 4, 5].map((n) => change(n));
    const { graph } = fakeGraph(changes, 2);
    const feed = new ChangeFeed(graph, { intervalMs: 5, pageSize: 2, maxBacklog: 100 });
    const all = feed.follow(1, { entityIds: null, operations: null });
    const fromNow = feed.follow(null, { entityIds: null, operations: null });
    const narrowed = feed.follow(0, { entityIds: new Set(['rule:r2', 'rule:r7']), operations: new Set(['upsertRule']) });
    // A follower starts when first asked for a change (as graphql-ws does at once); from now means after 5 here.
    const fromNowFirst = fromNow.next();
    expect(await take(all, 4)).toEqual([2, 3, 4, 5]);
    changes.push(change(6), change(7), change(8, ['rule:r7'], 'linkRules'), change(9, ['rule:r7']));
    expect(await take(all, 4)).toEqual([6, 7, 8, 9]);
    expect(Number((await fromNowFirst).value.position)).toBe(6);
    expect(await take(fromNow, 3)).toEqual([7, 8, 9]);
    expect(await take(narrowed, 3)).toEqual([2, 7, 9]);
    expect(feed.followerCount).toBe(3);
    await all.return!();
    expect(feed.followerCount).toBe(2);
    await feed.close();
    expect(feed.followerCount).toBe(0);
    expect(await fromNow.next()).toEqual({ value: undefined, done: true });
  });

  it('ends a follower that falls too far behind with an error', async () => {
    const changes = [1, 2, 3, 4, 5, 6].map((n) => change(n));
    const { graph } = fakeGraph(changes, 10);
    const feed = new ChangeFeed(graph, { intervalMs: 5, pageSize: 10, maxBacklog: 3 });
    const slow = feed.follow(0, { entityIds: null, operations: null });
    // What was queued is still delivered (the client resumes from the last position it got), then the error.
    await expect(take(slow, 7)).rejects.toThrow(/undelivered/);
    await feed.close();
  });
});
