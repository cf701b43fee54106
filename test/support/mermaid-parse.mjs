// Parses Mermaid flowcharts with the bundled mermaid (the explorer's) and prints what it understood:
// for each text on stdin (a JSON array), its nodes (key and label text) and edges, or the parse error.
// Run by test/unit/mermaid.test.ts in a child process, since mermaid is an ES module. Mermaid sanitises
// labels with DOMPurify, which needs a browser; parsing does not, so DOMPurify is stubbed here.
import DOMPurify from 'dompurify';
import mermaid from 'mermaid';

Object.assign(DOMPurify, { addHook() {}, removeHook() {}, removeHooks() {}, removeAllHooks() {}, sanitize: (text) => text });

const texts = JSON.parse(await new Promise((resolve) => {
  let input = '';
  process.stdin.on('data', (chunk) => (input += chunk));
  process.stdin.on('end', () => resolve(input));
}));
const results = [];
for (const text of texts) {
  try {
    await mermaid.parse(text); // registers the diagram types, and throws what a browser would show
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    results.push({
      nodes: [...diagram.db.getVertices().values()].map((vertex) => ({ key: vertex.id, text: vertex.text })),
      edges: diagram.db.getEdges().map((edge) => ({ from: edge.start, to: edge.end, text: edge.text })),
    });
  } catch (error) {
    results.push({ error: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
