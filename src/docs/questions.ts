/** The questions analysts ask, as the README shows them: each answered by running it. */
export const QUESTIONS: { question: string; query: string }[] = [
  {
    question: 'Which rules touch Huawei Ascend chips?',
    query: `{
  rulesTouching(entity: "Huawei Ascend") {
    rule { shortName }
    relation
    path { ... on Node { id } }
  }
}`,
  },
  {
    question: 'Which countries moved out of tier two of the AI Diffusion Rule in May 2025, and why?',
    query: `{
  tierChanges(from: "2025-05-01", to: "2025-05-31", fromLevel: 2) {
    country { code name }
    left { validFrom validTo }
    entered { tier { name } }
    cause { shortName }
  }
}`,
  },
  {
    question: 'What tier were Singapore, Spain and Macau in on 2025-03-01, and on 2025-06-01?',
    query: `{
  sg: country(code: "SG") { march: tierAssignments(asOf: "2025-03-01") { tier { name } } june: tierAssignments(asOf: "2025-06-01") { tier { name } } }
  es: country(code: "ES") { march: tierAssignments(asOf: "2025-03-01") { tier { name } note } june: tierAssignments(asOf: "2025-06-01") { tier { name } } }
  mo: country(code: "MO") { march: tierAssignments(asOf: "2025-03-01") { tier { name } } june: tierAssignments(asOf: "2025-06-01") { tier { name } } }
}`,
  },
  {
    question: 'Who instructed BIS not to enforce the rule, and what post did they hold?',
    query: `{
  rule(id: "rule:ai-diffusion") {
    officialActions { kind on official { name aliases offices { title } } sources { publisher } }
  }
}`,
  },
  {
    question: 'What is the legal status of the AI Diffusion Rule today, and why?',
    query: `{
  rule(id: "rule:ai-diffusion") {
    title
    status
    ending { on kind by { title kind } note sources { title publisher publishedOn } }
  }
}`,
  },
  {
    question: 'What is the lineage of the AI Diffusion Rule, and what ended it?',
    query: `{
  ruleLineage(id: "rule:ai-diffusion", direction: BOTH, maxDepth: 5) {
    edges { from { shortName } kind to { shortName } on note }
    mermaid
  }
}`,
  },
  {
    question: 'Typo-tolerant search: "Kesler"',
    query: `{
  search(text: "Kesler", first: 1) { entity { ... on Official { name } } }
}`,
  },
];

const KEEP = 3;

/** Long lists keep their first items and say how many were left out; scores are rounded. */
function abbreviate(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept = value.slice(0, KEEP).map(abbreviate);
    return value.length > KEEP ? [...kept, `… ${value.length - KEEP} more`] : kept;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'score' ? Math.round(Number(inner) * 100) / 100 : abbreviate(inner)]));
  }
  return value;
}

export const START = '<!-- questions:start (written by `npm run docs:questions`; a test checks it) -->';
export const END = '<!-- questions:end -->';

const hasObjectList = (value: unknown): boolean =>
  Array.isArray(value) ? value.some((item) => item && typeof item === 'object') : !!value && typeof value === 'object' && Object.values(value).some(hasObjectList);

/** Lists of objects one item per line, everything else compact, so a reader can scan the answers. */
function pretty(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value) && hasObjectList(value)) return `[\n${value.map((item) => inner + JSON.stringify(item)).join(',\n')}\n${indent}]`;
  if (value && typeof value === 'object' && !Array.isArray(value) && hasObjectList(value)) {
    return `{\n${Object.entries(value).map(([key, item]) => `${inner}"${key}": ${pretty(item, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Mermaid text is drawn as its own block rather than shown as an escaped string. */
function takeMermaid(value: unknown, found: string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => takeMermaid(item, found));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => {
      if (key === 'mermaid' && typeof inner === 'string') {
        found.push(inner);
        return [key, '(drawn below)'];
      }
      return [key, takeMermaid(inner, found)];
    }));
  }
  return value;
}

type Execute = (query: string) => Promise<{ data?: unknown; errors?: readonly unknown[] }>;

/** The README section: each question, its query, and its abbreviated answer from the graph. */
export async function renderQuestions(execute: Execute): Promise<string> {
  const parts = [START];
  for (const { question, query } of QUESTIONS) {
    const result = await execute(query);
    if (result.errors) throw new Error(`"${question}" failed: ${JSON.stringify(result.errors)}`);
    const drawings: string[] = [];
    const answer = takeMermaid(abbreviate(result.data), drawings);
    parts.push(`### ${question}`, '```graphql', query, '```', '```json', pretty(answer), '```');
    for (const drawing of drawings) parts.push('```mermaid', drawing, '```');
  }
  parts.push(END);
  return parts.join('\n');
}

export function replaceSection(readme: string, section: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error('README.md has no questions markers');
  return readme.slice(0, start) + section + readme.slice(end + END.length);
}

export function currentSection(readme: string): string {
  return readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
}
