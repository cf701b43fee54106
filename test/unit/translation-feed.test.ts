import { changesAfter, latestPosition } from '../../src/domain/change/change.feed';

/** The statements the subscription's one poller and each subscriber's replay send (change.feed.ts). */
describe('the change feed reads with parameterised statements', () => {
  it('reads a page of changes after a position, oldest first', () => {
    const { query, params } = changesAfter(41, 100);
    expect({ name: query.name, cypher: query.cypher.trim(), params: Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])) }).toMatchSnapshot();
  });

  it('reads the newest position from the counter', () => {
    const { query, params } = latestPosition();
    expect({ name: query.name, cypher: query.cypher.trim(), params }).toMatchSnapshot();
  });
});
