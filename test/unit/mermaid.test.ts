import { toMermaid } from '../../src/domain/lineage/mermaid';

describe('toMermaid', () => {
  it('draws each rule once and each edge as a labelled arrow, escaping quotes', () => {
    const text = toMermaid('rule:a', [
      { id: 'rule:a', title: 'Rule "A"' },
      { id: 'rule:b', title: 'Rule B', shortName: 'B' },
    ], [{ fromId: 'rule:b', toId: 'rule:a', kind: 'AMENDS' }]);
    expect(text.split('\n')).toEqual([
      'flowchart LR',
      '  r0["Rule #quot;A#quot;"]',
      '  r1["B"]',
      '  r1 -->|AMENDS| r0',
      '  classDef root stroke-width:3px',
      '  class r0 root',
    ]);
  });
});
