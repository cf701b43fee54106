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
  {
    question: 'Which rules touch Nvidia, along any path (its chips, its listings, the ECCNs they are classified under)?',
    query: `{
  rulesTouching(entity: "Nvidia") {
    rule { shortName }
    relation
    confidence
    path { ... on Node { id } }
  }
}`,
  },
  {
    question: 'Which rules reach China on 2025-03-01: directly, through its tier or country groups, or through companies based there?',
    query: `{
  rulesTouching(entity: "China", asOf: "2025-03-01") {
    rule { shortName }
    relation
    path { ... on Node { id } }
  }
}`,
  },
  {
    question: "Which rules reach Huawei's chips only through Huawei itself or the chips, leaving out ECCNs and listings?",
    query: `{
  rulesTouching(entity: "Huawei Ascend", via: [DIRECT, MAKER]) {
    rule { shortName }
    via
    path { ... on Node { id } }
  }
}`,
  },
  {
    question: 'Which chips exceed 4,800 TPP, and under which ECCN are they classified?',
    query: `{
  chipProducts(filter: { minTpp: 4800 }, first: 20) {
    totalCount
    edges { node { name performance { tpp } classifications { eccn { code } confidence } } }
  }
}`,
  },
  {
    question: 'Screen SMIC: is it listed, on which list, under what license terms, and since which rule?',
    query: `{
  companies(filter: { text: "SMIC" }, first: 1) {
    edges { node { name listings { list licenseRequirement licensePolicy validFrom addedBy { shortName citation } } } }
  }
}`,
  },
  {
    question: 'Which Chinese AI-chip developers were on the Entity List on 2024-01-01?',
    query: `{
  companies(filter: { countryCode: "CN", listed: ENTITY_LIST, listedOn: "2024-01-01" }, first: 20) {
    totalCount
    edges { node { name listings(asOf: "2024-01-01") { validFrom confidence addedBy { shortName } } } }
  }
}`,
  },
  {
    question: 'What is the status history of the Affiliates (50 percent) rule?',
    query: `{
  rules(filter: { text: "affiliates" }, first: 5) {
    edges { node { shortName statusHistory { status validFrom validTo by { shortName citation } } } }
  }
}`,
  },
  {
    question: 'What changed for Cambodia between 2021 and 2026?',
    query: `{
  factChanges(from: "2021-01-01", to: "2026-12-31", entity: "country:KH") {
    on change relation
    object { ... on Node { id } }
    cause { shortName }
  }
}`,
  },
  {
    question: 'Which countries are in country group D:5 today, and which rule added them?',
    query: `{
  countryGroup(code: "D:5") {
    name
    members { country { code name } validFrom validTo confidence addedBy { shortName } }
  }
}`,
  },
  {
    question: 'Which rules created or changed ECCN 3A090, and which chips are classified under it?',
    query: `{
  eccn(code: "3A090") {
    title
    rules { shortName publishedOn }
    products { name }
  }
}`,
  },
  {
    question: 'What does the Federal Register document of the Affiliates rule suspension support?',
    query: `{
  sources(text: "suspension", kind: "FEDERAL_REGISTER", first: 1) {
    edges { node { title supports(first: 10) { relation subject { ... on Node { id } } object { ... on Node { id } } validFrom validTo onlySource } } }
  }
}`,
  },
  {
    question: 'Which rules amend 15 CFR 744, newest first?',
    query: `{
  rules(filter: { cfrPart: "15 CFR 744" }, orderBy: ISSUED_ON_DESC, first: 5) {
    totalCount
    edges { node { shortName issuedOn rin } }
  }
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
