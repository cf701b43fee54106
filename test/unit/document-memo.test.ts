import { DocumentMemo } from '../../src/graphql/document-memo';

describe('DocumentMemo', () => {
  const counted = () => {
    let computed = 0;
    return { compute: (value: string) => () => ({ value, run: ++computed }), get count() { return computed; } };
  };

  it('keeps a value per document node and key, computing it once', () => {
    const memo = new DocumentMemo<{ value: string; run: number }>(1_000, () => 10);
    const calls = counted();
    const document = {};
    expect(memo.get(document, 'a', calls.compute('A'))).toEqual({ value: 'A', run: 1 });
    expect(memo.get(document, 'a', calls.compute('A'))).toEqual({ value: 'A', run: 1 });
    // Another key of the same document, and the same key of another document, are computed anew.
    expect(memo.get(document, 'b', calls.compute('B'))).toEqual({ value: 'B', run: 2 });
    expect(memo.get({}, 'a', calls.compute('A'))).toEqual({ value: 'A', run: 3 });
    expect(calls.count).toBe(3);
  });

  it('keeps nothing when the work throws, so the next request tries again', () => {
    const memo = new DocumentMemo<{ value: string }>(1_000, () => 10);
    const document = {};
    expect(() => memo.get(document, 'a', () => { throw new Error('refused'); })).toThrow('refused');
    expect(memo.get(document, 'a', () => ({ value: 'now' }))).toEqual({ value: 'now' });
  });

  it('does not keep a value under a key longer than 4,096 characters', () => {
    const memo = new DocumentMemo<{ run: number }>(1_000_000, () => 10);
    const document = {};
    let run = 0;
    const long = 'x'.repeat(5_000);
    memo.get(document, long, () => ({ run: ++run }));
    expect(memo.get(document, long, () => ({ run: ++run }))).toEqual({ run: 2 });
  });

  it('is bounded by size: the least recently used entry goes first', () => {
    const memo = new DocumentMemo<{ key: string }>(100, () => 40);
    const document = {};
    memo.get(document, 'a', () => ({ key: 'a' }));
    memo.get(document, 'b', () => ({ key: 'b' }));
    memo.get(document, 'a', () => ({ key: 'a again' }));
    memo.get(document, 'c', () => ({ key: 'c' }));
    expect(memo.get(document, 'a', () => ({ key: 'a recomputed' }))).toEqual({ key: 'a' });
    expect(memo.get(document, 'b', () => ({ key: 'b recomputed' }))).toEqual({ key: 'b recomputed' });
  });
});
