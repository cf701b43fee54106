import { decodeCursor, encodeCursor } from '../../src/read/cursor';
import { InvalidArgumentError } from '../../src/read/errors';
import { pageOf } from '../../src/read/page';

describe('cursors', () => {
  it('round-trips a sort key and is opaque', () => {
    const cursor = encodeCursor('SG');
    expect(cursor).not.toContain('SG');
    expect(decodeCursor(cursor)).toBe('SG');
  });

  it.each(['', 'nope', Buffer.from('other:SG').toString('base64url'), `${encodeCursor('SG')}x`])('refuses %p, naming the argument', (bad) => {
    expect(() => decodeCursor(bad)).toThrow(InvalidArgumentError);
    try {
      decodeCursor(bad);
    } catch (error) {
      expect((error as InvalidArgumentError).argumentName).toBe('after');
    }
  });

  it('reads a missing cursor as the start', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor(null)).toBeNull();
  });
});

describe('pageOf', () => {
  it('defaults first and decodes after', () => {
    expect(pageOf({})).toEqual({ first: 50, after: null });
    expect(pageOf({ first: 3, after: encodeCursor('JP') })).toEqual({ first: 3, after: 'JP' });
  });

  it.each([0, 101, 2.5, '3'])('refuses first = %p before anything is compiled', (first) => {
    expect(() => pageOf({ first })).toThrow(InvalidArgumentError);
  });
});
