import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { mermaidLabel, toMermaid } from '../../src/domain/lineage/mermaid';

interface Parsed {
  nodes?: { key: string; text: string }[];
  edges?: { from: string; to: string; text: string }[];
  error?: string;
}

/** What the explorer's mermaid understands of each text (test/support/mermaid-parse.mjs). */
function parseWithMermaid(texts: string[]): Parsed[] {
  const result = spawnSync(process.execPath, [path.join(__dirname, '../support/mermaid-parse.mjs')], {
    input: JSON.stringify(texts),
    encoding: 'utf8',
    cwd: path.join(__dirname, '../..'),
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`mermaid-parse.mjs failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Parsed[];
}

/** A label as drawn: Mermaid's entities (#quot;, #35;, or its placeholders for them once parsed) to characters. */
function drawnText(text: string): string {
  return text
    .replace(/ﬂ°°/g, '&#')
    .replace(/ﬂ°/g, '&')
    .replace(/¶ß/g, ';')
    .replace(/(?<!&)#(\d+|[a-z]+);/g, (_m, entity: string) => (/^\d/.test(entity) ? `&#${entity};` : `&${entity};`))
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&(quot|lt|gt|amp);/g, (_m, name: string) => ({ quot: '"', lt: '<', gt: '>', amp: '&' })[name]!);
}

/** Titles an attacker (or an unlucky editor) could give a rule. */
const HOSTILE = [
  'Rule "A"',
  'x"]\n  r9["Fake rule"]\n  r9 -->|REVOKES| r0\n  %%',
  'Comment next\n%% the rest is a comment',
  '%%{init: {"securityLevel": "loose", "themeCSS": "background:url(https://attacker.example/x.png)"}}%%',
  'inline %%{init: {"theme": "dark"}}%% directive',
  '<img src="https://attacker.example/x.png" onerror="alert(1)">',
  '[brackets] (parens) {braces} | pipes ; semicolons : colons',
  'line one\r\nline two\ttab\u2028separator',
  'a --> b -->|REVOKES| c ==> d -.-> e',
  '#quot; &amp; `markdown` ## #35;',
  'Licences against 15% of the revenue',
  '%%%',
  'click r0 href "javascript:alert(1)"',
  '"]; click r0 call alert(1); r0["',
];

describe('toMermaid', () => {
  it('draws each rule once and each edge as an arrow labelled with its kind, escaping quotes', () => {
    const text = toMermaid('rule:a', [
      { id: 'rule:a', title: 'Rule "A"' },
      { id: 'rule:b', title: 'Rule B', shortName: 'B' },
    ], [{ fromId: 'rule:b', toId: 'rule:a', kind: 'AMENDS' }, { fromId: 'rule:b', toId: 'rule:a', kind: 'ENDS_ENFORCEMENT' }]);
    expect(text.split('\n')).toEqual([
      'flowchart LR',
      '  r0["Rule #quot;A#quot;"]',
      '  r1["B"]',
      '  r1 -->|AMENDS| r0',
      '  r1 -->|ENDS_ENFORCEMENT| r0',
      '  classDef root stroke-width:3px',
      '  class r0 root',
    ]);
  });

  it('keeps every special character of a name inside its label: no %%, no line break, no quote, no HTML', () => {
    for (const title of HOSTILE) {
      const label = mermaidLabel(title);
      expect(label).not.toMatch(/["<>&`\n\r\t\u2028]|%%/);
      expect(drawnText(label)).toBe(title.replace(/[\u0000-\u001f\u2028]+/g, ' '));
    }
    expect(mermaidLabel('15% of revenue')).toBe('15% of revenue');
  });

  it('arrows carry lineage kinds only', () => {
    const text = toMermaid('rule:a', [{ id: 'rule:a', title: 'A' }, { id: 'rule:b', title: 'B' }], [
      { fromId: 'rule:b', toId: 'rule:a', kind: 'REVOKES| r0\n  r9["x"]' },
      { fromId: 'rule:b', toId: 'rule:missing', kind: 'AMENDS' },
    ]);
    expect(text).not.toMatch(/-->/);
  });

  it("parses, with the explorer's mermaid, into exactly the rules and edges given, whatever the titles", () => {
    const rules = HOSTILE.map((title, index) => ({ id: `rule:h${index}`, title }));
    const edges = rules.slice(1).map((rule, index) => ({ fromId: rule.id, toId: rules[index].id, kind: index % 2 ? 'REVOKES' : 'CORRECTS' }));
    const escaped = toMermaid('rule:h0', rules, edges);
    // The same drawing with names pasted in raw: the test's control, which the attacks must break.
    const raw = ['flowchart LR', ...rules.map((rule, index) => `  r${index}["${rule.title}"]`), ...edges.map((edge) => `  r${edge.fromId.slice(6)} -->|${edge.kind}| r${edge.toId.slice(6)}`.replace(/rh/g, 'r'))].join('\n');
    const [parsed, control, single] = parseWithMermaid([escaped, raw, toMermaid('rule:x', [{ id: 'rule:x', title: HOSTILE[1] }], [])]);

    expect(parsed.error).toBeUndefined();
    expect(parsed.nodes!.map((node) => node.key).sort()).toEqual(rules.map((_rule, index) => `r${index}`).sort());
    for (const node of parsed.nodes!) expect(drawnText(node.text)).toBe(HOSTILE[Number(node.key.slice(1))].replace(/[\u0000-\u001f\u2028]+/g, ' '));
    expect(parsed.edges!.map((edge) => `${edge.from} ${edge.text} ${edge.to}`)).toEqual(edges.map((edge) => `r${edge.fromId.slice(6)} ${edge.kind} r${edge.toId.slice(6)}`));

    // Unescaped, the same names fail to parse or draw something else (a fake rule, fake arrows).
    const sameAsGiven = !control.error && control.nodes!.length === rules.length && control.edges!.length === edges.length;
    expect(sameAsGiven).toBe(false);
    expect(single.nodes).toEqual([{ key: 'r0', text: expect.any(String) }]);
    expect(single.edges).toEqual([]);
  });
});
