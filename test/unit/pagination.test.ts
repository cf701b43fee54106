import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, toConnection } from '../../src/graphql/pagination';

function expectRefused(decode: () => unknown) {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect((error as GraphQLError).message).toContain('after');
    return;
  }
  throw new Error('a bad cursor was accepted');
}

describe('cursors', () => {
  it('round-trip a sort key and are opaque', () => {
    const cursor = encodeCursor('SG');
    expect(cursor).not.toContain('SG');
    expect(decodeCursor(cursor, 'countryCode')).toBe('SG');
    expect(decodeCursor(encodeCursor('rule:ai-diffusion'), 'ruleId')).toBe('rule:ai-diffusion');
    const change = '2026-02-01T00:00:00.000Z|change:0b5cbd6e-94a4-4f0b-9a53-6a4b0e7c2f10';
    expect(decodeCursor(encodeCursor(change), 'change')).toBe(change);
  });

  it('reject text that is not a cursor with BAD_USER_INPUT naming the argument', () => {
    for (const bad of ['SG', 'Y3Vyc29y', '!!!', Buffer.from('other:SG').toString('base64url')]) {
      expectRefused(() => decodeCursor(bad, 'countryCode'));
    }
  });

  it('reject a well-formed cursor whose key does not fit the list it is given to', () => {
    expectRefused(() => decodeCursor('Y3Vyc29yOnh8eQ', 'change')); // "cursor:x|y", from issue 11
    expectRefused(() => decodeCursor(encodeCursor('2026-13-45T00:00:00.000Z|change:0b5cbd6e-94a4-4f0b-9a53-6a4b0e7c2f10'), 'change'));
    expectRefused(() => decodeCursor(encodeCursor('2026-02-01T00:00:00.000Z|change:x|y'), 'change'));
    expectRefused(() => decodeCursor(encodeCursor('rule:ai-diffusion'), 'countryCode'));
    expectRefused(() => decodeCursor(encodeCursor('SG'), 'ruleId'));
  });

  it('treat a missing cursor as the start', () => {
    expect(decodeCursor(undefined, 'countryCode')).toBeNull();
    expect(decodeCursor(null, 'change')).toBeNull();
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
