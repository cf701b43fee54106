import { decodeCursor, encodeCursor } from '../../src/read/cursor';
import { InputRefused } from '../../src/input-refused';
import { pageOf } from '../../src/read/page';

/** A change's sort key is its position in commit order. */
const change = '42';

describe('cursors', () => {
  it('round-trips a sort key of each list and is opaque', () => {
    expect(encodeCursor('SG')).not.toContain('SG');
    expect(decodeCursor(encodeCursor('SG'), 'countryCode')).toBe('SG');
    expect(decodeCursor(encodeCursor('rule:ai-diffusion'), 'ruleId')).toBe('rule:ai-diffusion');
    expect(decodeCursor(encodeCursor(change), 'change')).toBe(change);
  });

  it.each([
    ['', 'countryCode'],
    ['nope', 'countryCode'],
    [Buffer.from('other:SG').toString('base64url'), 'countryCode'],
    [`${encodeCursor('SG')}x`, 'countryCode'],
    [encodeCursor('SG'), 'ruleId'],
    [encodeCursor('x|y'), 'change'],
    ['Y3Vyc29yOnh8eQ', 'change'],
    [encodeCursor('2026-02-01T00:00:00.000Z|change:0b5cbd6e-94a4-4f0b-9a53-6a4b0e7c2f10'), 'change'],
    [encodeCursor('042'), 'change'],
    [encodeCursor('-1'), 'change'],
    [encodeCursor('rule:ABC-x'), 'ruleId'],
    [encodeCursor(`rule:${'a'.repeat(121)}`), 'ruleId'],
  ] as const)('refuses %p for a %s list, naming the argument', (bad, kind) => {
    expect(() => decodeCursor(bad, kind)).toThrow(InputRefused);
    try {
      decodeCursor(bad, kind);
    } catch (error) {
      expect((error as InputRefused).argumentName).toBe('after');
    }
  });

  it('reads a missing cursor as the start', () => {
    expect(decodeCursor(undefined, 'countryCode')).toBeNull();
    expect(decodeCursor(null, 'change')).toBeNull();
  });
});

describe('pageOf', () => {
  it('defaults first (null included) and decodes after', () => {
    expect(pageOf({}, 'countryCode')).toEqual({ first: 50, after: null });
    expect(pageOf({ first: null }, 'countryCode')).toEqual({ first: 50, after: null });
    expect(pageOf({ first: 3, after: encodeCursor('JP') }, 'countryCode')).toEqual({ first: 3, after: 'JP' });
  });

  it.each([0, 101, 2.5, '3'])('refuses first = %p before anything is compiled', (first) => {
    expect(() => pageOf({ first }, 'countryCode')).toThrow(InputRefused);
  });
});
