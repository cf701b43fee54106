import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, toConnection } from '../../src/graphql/pagination';

describe('cursors', () => {
  it('round-trip a sort key and are opaque', () => {
    const cursor = encodeCursor('SG');
    expect(cursor).not.toContain('SG');
    expect(decodeCursor(cursor)).toBe('SG');
  });

  it('reject text that is not a cursor with BAD_USER_INPUT naming the argument', () => {
    for (const bad of ['SG', 'Y3Vyc29y', '!!!', Buffer.from('other:SG').toString('base64url')]) {
      try {
        decodeCursor(bad);
        throw new Error(`accepted ${bad}`);
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
        expect((error as GraphQLError).message).toContain('after');
      }
    }
  });

  it('treat a missing cursor as the start', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor(null)).toBeNull();
  });
});

describe('toConnection', () => {
  it('cuts the extra row and reports that more follow', () => {
    const page = toConnection(['a', 'b', 'c'], 2, 10, (s) => s);
    expect(page.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('b') });
    expect(page.totalCount).toBe(10);
  });

  it('ends without a next page and with a null cursor on an empty page', () => {
    expect(toConnection([], 5, 0, (s: string) => s).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
