import { nameOf, query } from './api';
import { dateText, entityHref, entityLink, errorBox, h, inlineLabel, setTitle } from './dom';
import { endingOf } from './ending';

const LINEAGE = `query Lineage($id: ID!) {
  ruleLineage(id: $id, direction: BOTH, maxDepth: 10) {
    root { id title shortName revokedOn revokedBy { id title shortName } }
    rules { id title shortName ending { kind } }
    edges { from { id } to { id } kind on }
    mermaid
  }
}`;

interface LineageRule {
  id: string;
  title: string;
  shortName: string | null;
  ending?: { kind: string } | null;
}

/**
 * An edge's words. REVOKES into a rule that ended by non-enforcement is named for what happened: the
 * announcement stopped enforcement, nothing revoked the rule's text.
 */
function edgeLabel(kind: string, to: LineageRule | undefined): string {
  return kind === 'REVOKES' && to?.ending?.kind === 'NON_ENFORCEMENT' ? 'announces non-enforcement of' : inlineLabel(kind);
}
interface Lineage {
  root: LineageRule & { revokedOn: string | null; revokedBy: LineageRule[] };
  rules: LineageRule[];
  edges: { from: { id: string }; to: { id: string }; kind: string; on: string | null }[];
  mermaid: string;
}

/**
 * The API's Mermaid flowchart, with each arrow's date added to its label and each node linked to its rule's page.
 * Nodes are matched to rules by the label the API gave them; one that cannot be matched is drawn unlinked.
 */
export function enrich(mermaid: string, lineage: Pick<Lineage, 'rules' | 'edges'>, options: { title?: string; vertical?: boolean } = {}): string {
  const keyToId = new Map<string, string>();
  const out: string[] = [];
  for (const [index, source] of mermaid.split('\n').entries()) {
    // On a narrow screen the chain runs down the page rather than across it.
    const line = index === 0 && options.vertical ? source.replace(/^flowchart (LR|RL)\b/, 'flowchart TB') : source;
    const node = /^\s*(\w+)\["(.*)"\]\s*$/.exec(line);
    if (node) {
      const label = node[2].replace(/#quot;/g, '"');
      const matches = lineage.rules.filter((rule) => nameOf(rule) === label);
      if (matches.length === 1) keyToId.set(node[1], matches[0].id);
    }
    const arrow = /^(\s*)(\w+) -->\|(\w+)\| (\w+)\s*$/.exec(line);
    const edge = arrow && lineage.edges.find((e) => e.kind === arrow[3] && e.from.id === keyToId.get(arrow[2]) && e.to.id === keyToId.get(arrow[4]));
    const target = lineage.rules.find((rule) => rule.id === keyToId.get(arrow?.[4] ?? ''));
    if (arrow) out.push(`${arrow[1]}${arrow[2]} -->|"${edgeLabel(arrow[3], target)}${edge?.on ? `<br/>${edge.on}` : ''}"| ${arrow[4]}`);
    else out.push(line);
    // The drawing's accessible name (mermaid writes it as the SVG's title).
    if (index === 0 && options.title) out.push(`  accTitle: ${options.title.replace(/[\n:]/g, ' ')}`);
  }
  for (const [key, id] of keyToId) out.push(`  click ${key} href "${entityHref(id)}"`);
  return out.join('\n');
}

let drawings = 0;

/** The lineage of a rule drawn as a graph (mermaid, loaded on first use), with the same edges as a list. */
export async function showLineage(view: HTMLElement, id: string): Promise<void> {
  view.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  let lineage: Lineage;
  try {
    lineage = (await query<{ ruleLineage: Lineage }>(LINEAGE, { id })).ruleLineage;
  } catch (error) {
    view.replaceChildren(errorBox(error));
    return;
  }
  // A region of its own that scrolls (by keyboard too) when the drawing is wider than the screen.
  const graph = h('div', { class: 'lineage', id: 'lineage-graph', role: 'region', 'aria-label': 'Lineage drawing', tabindex: '0' }, h('p', { class: 'muted' }, 'Drawing…'));
  const byId = new Map(lineage.rules.map((rule) => [rule.id, rule]));
  const link = (ruleId: string) => entityLink(ruleId, byId.has(ruleId) ? nameOf(byId.get(ruleId)!) : ruleId);
  view.replaceChildren(
    h('header', { class: 'entity-header' }, h('p', { class: 'type' }, 'Lineage'), h('h2', null, entityLink(lineage.root.id, nameOf(lineage.root)))),
    h('p', { class: 'muted' }, 'Each arrow runs from the acting rule to the rule it acts on; each box links to its rule.'),
    await endingOf(lineage.root),
    graph,
    h('h3', null, 'Edges'),
    lineage.edges.length
      ? h('ul', { id: 'lineage-edges' }, lineage.edges.map((edge) => h('li', null, link(edge.from.id), ` ${edgeLabel(edge.kind, byId.get(edge.to.id))} `, link(edge.to.id), ' on ', h('span', { class: 'date' }, dateText(edge.on, 'an unknown date')))))
      : h('p', { class: 'muted' }, 'This rule has no recorded lineage.'),
  );
  if (view.isConnected) setTitle(`Lineage of ${nameOf(lineage.root)}`);
  const title = `Lineage of ${nameOf(lineage.root)}: ${lineage.rules.length} rules, ${lineage.edges.length} arrows (listed below)`;
  try {
    const [{ default: mermaid }, { default: elkLayouts }] = await Promise.all([import('mermaid'), import('@mermaid-js/layout-elk')]);
    // ELK routes arrows around boxes; mermaid's default (dagre) drew one through another rule's box.
    mermaid.registerLayoutLoaders(elkLayouts);
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', layout: 'elk', elk: { nodePlacementStrategy: 'NETWORK_SIMPLEX' } });
    const vertical = matchMedia('(max-width: 700px)').matches;
    const { svg } = await mermaid.render(`lineage-svg-${++drawings}`, enrich(lineage.mermaid, lineage, { title, vertical })); // ids must not collide
    graph.innerHTML = svg; // mermaid sanitises labels (DOMPurify) under securityLevel 'strict'
    const drawing = graph.querySelector('svg');
    if (drawing) {
      drawing.setAttribute('aria-label', title);
      // Its natural size: mermaid's width="100%" would shrink the labels to nothing on a phone.
      drawing.setAttribute('width', String(Math.ceil(drawing.viewBox.baseVal.width)));
    }
  } catch (error) {
    graph.replaceChildren(errorBox(error));
  }
}
