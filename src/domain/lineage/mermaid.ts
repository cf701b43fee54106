import { isLineageKind } from './lineage.kinds';

interface DrawnRule {
  id: string;
  title: string;
  shortName?: string | null;
}

interface DrawnEdge {
  fromId: string;
  toId: string;
  kind: string;
}

/**
 * What each character that could end or change a Mermaid label becomes. Rule text never reaches the
 * diagram's syntax: nodes are named by key (r0, r1, ...), arrows are labelled with lineage kinds only,
 * and a rule's name goes only inside a quoted node label, where Mermaid reads everything up to the
 * next `"` as text, then turns `#name;` and `#code;` into characters. So in a label:
 * - `"` would end the label, `#` would start an entity: both become entities;
 * - `%%` is Mermaid's comment and directive marker (`%%{init: ...}%%` is read anywhere in the text,
 *   labels included): each `%` of a run of two or more becomes `#37;` (a lone `%`, as in "15%", is text);
 * - `<`, `>` and `&` would be HTML in the drawn label, a backtick a Markdown string: entities too;
 * - line breaks and other control characters would end the statement: they become spaces.
 * Brackets, pipes, `-->`, `:` and `;` are plain text inside the quotes.
 */
const ENTITIES: Record<string, string> = { '"': '#quot;', '#': '#35;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '`': '#96;' };

/** A rule's name as the text of a quoted Mermaid label: it cannot leave the label. */
export function mermaidLabel(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[#"<>&`]/g, (char) => ENTITIES[char])
    .replace(/%(?=%)|(?<=%)%/g, '#37;');
}

/** A Mermaid flowchart: one node per rule (the root highlighted), one arrow per edge labelled with its kind. */
export function toMermaid(rootId: string, rules: DrawnRule[], edges: DrawnEdge[]): string {
  const key = new Map(rules.map((rule, index) => [rule.id, `r${index}`]));
  const lines = ['flowchart LR'];
  for (const rule of rules) lines.push(`  ${key.get(rule.id)}["${mermaidLabel(rule.shortName ?? rule.title)}"]`);
  for (const edge of edges) {
    const from = key.get(edge.fromId);
    const to = key.get(edge.toId);
    // Only the lineage kinds, which are identifiers, label an arrow; an edge to a rule not drawn is left out.
    if (from && to && isLineageKind(edge.kind)) lines.push(`  ${from} -->|${edge.kind}| ${to}`);
  }
  if (key.has(rootId)) {
    lines.push(`  classDef root stroke-width:3px`);
    lines.push(`  class ${key.get(rootId)} root`);
  }
  return lines.join('\n');
}

/** Lineage.mermaid: the flowchart of what the statement read for it (rules may repeat; each is drawn once). */
export function drawLineage({ rootId, rules, edges }: { rootId: string; rules: DrawnRule[]; edges: DrawnEdge[] }): string {
  const unique = [...new Map(rules.map((rule) => [rule.id, rule])).values()];
  return toMermaid(rootId, unique, edges);
}
