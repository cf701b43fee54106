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

/** Mermaid wants quotes in labels as an entity; brackets and other text are safe inside quotes. */
function label(rule: DrawnRule): string {
  return (rule.shortName ?? rule.title).replace(/"/g, '#quot;');
}

/** A Mermaid flowchart: one node per rule (the root highlighted), one labelled arrow per edge. */
export function toMermaid(rootId: string, rules: DrawnRule[], edges: DrawnEdge[]): string {
  const key = new Map(rules.map((rule, index) => [rule.id, `r${index}`]));
  const lines = ['flowchart LR'];
  for (const rule of rules) lines.push(`  ${key.get(rule.id)}["${label(rule)}"]`);
  for (const edge of edges) lines.push(`  ${key.get(edge.fromId)} -->|${edge.kind}| ${key.get(edge.toId)}`);
  lines.push(`  classDef root stroke-width:3px`);
  lines.push(`  class ${key.get(rootId)} root`);
  return lines.join('\n');
}

/** Lineage.mermaid: the flowchart of what the statement read for it (rules may repeat; each is drawn once). */
export function drawLineage({ rootId, rules, edges }: { rootId: string; rules: DrawnRule[]; edges: DrawnEdge[] }): string {
  const unique = [...new Map(rules.map((rule) => [rule.id, rule])).values()];
  return toMermaid(rootId, unique, edges);
}
