import { setNameKeys } from '../domain/search/names';
import { Graph, NamedQuery } from '../neo4j/graph';

/**
 * Grows the graph in the real model's shape, for benchmarks at scale: each synthetic rule is issued
 * by BIS, cites sources, amends the previous rule of its chain, defines three tiers, assigns a few
 * countries to them over time, and restricts products of its own made by synthetic companies.
 * Everything is dated 2030 on and named syn-, so the real story's answers do not change.
 * About 35 relationships per rule: scale 29,000 gives about 1,000,000.
 */
const generateRules: NamedQuery = {
  name: 'syntheticRules',
  cypher: `
MATCH (bis:Agency {id: 'agency:bis'})
MATCH (c:Country)
WITH bis, collect(c) AS countries
UNWIND range($from, $to - 1) AS n
WITH bis, countries, n, date('2030-01-01') + duration({days: n % 3650}) AS day
MERGE (rule:Rule {id: 'rule:syn-' + n})
SET rule.title = 'Synthetic rule ' + n, rule.shortName = 'Synthetic ' + n, rule.kind = 'FINAL_RULE', rule.aliases = [],
    rule.issuedOn = day, rule.effectiveOn = day
${setNameKeys('rule')}
MERGE (rule)-[:ISSUED_BY]->(bis)
MERGE (source:Source {id: 'source:syn-' + (n % 1000)})
ON CREATE SET source.title = 'Synthetic source ' + (n % 1000), source.kind = 'FACT_SHEET'
MERGE (rule)-[:CITES]->(source)
WITH countries, n, day, rule
CALL (rule, n, day) {
  WITH rule, n, day WHERE n % $chainLength <> 0
  MATCH (previous:Rule {id: 'rule:syn-' + (n - 1)})
  MERGE (rule)-[link:AMENDS]->(previous)
  SET link.on = day, link.sourceIds = ['source:syn-' + (n % 1000)]
}
CALL (rule, n, day, countries) {
  UNWIND [1, 2, 3] AS level
  MERGE (tier:Tier {id: 'tier:syn-' + n + '-' + level})
  SET tier.level = level, tier.name = 'Tier ' + level
  ${setNameKeys('tier')}
  MERGE (tier)-[:DEFINED_BY]->(rule)
  WITH tier, level
  UNWIND range(0, $countriesPerTier - 1) AS k
  WITH tier, countries[(n * 7 + level * 31 + k * 13) % size(countries)] AS country
  MERGE (country)-[a:IN_TIER]->(tier)
  SET a.validFrom = day, a.validTo = day + duration({days: 365}), a.sourceIds = ['source:syn-' + (n % 1000)], a.countryCode = country.code
}
CALL (rule, n, day) {
  UNWIND range(0, $productsPerRule - 1) AS k
  MERGE (company:Company {id: 'company:syn-' + (n % 500)})
  ON CREATE SET company.name = 'Synthetic company ' + (n % 500), company.aliases = []
  ${setNameKeys('company')}
  MERGE (product:ChipProduct {id: 'chipProduct:syn-' + n + '-' + k})
  SET product.name = 'Synthetic chip ' + n + '-' + k, product.aliases = []
  MERGE (product)-[:MADE_BY]->(company)
  ${setNameKeys('product')}
  MERGE (rule)-[touch:RESTRICTS]->(product)
  SET touch.validFrom = day, touch.sourceIds = ['source:syn-' + (n % 1000)]
}`,
};

/** How long one batch of rules may take. */
const BATCH_TIMEOUT_MS = 120_000;

export interface SyntheticOptions {
  rules: number;
  batch?: number;
  progress?: (line: string) => void;
}

export async function loadSynthetic(graph: Graph, { rules, batch = 500, progress = () => undefined }: SyntheticOptions): Promise<void> {
  const started = Date.now();
  for (let from = 0; from < rules; from += batch) {
    const to = Math.min(rules, from + batch);
    // A batch is bulk work, not a request: on a cold or busy Neo4j it outlasts the per-statement limit.
    await graph.write((tx) => tx.run(generateRules, { from, to, chainLength: 20, countriesPerTier: 3, productsPerRule: 10 }), { timeoutMs: BATCH_TIMEOUT_MS });
    progress(`synthetic: rules ${to}/${rules} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
}
