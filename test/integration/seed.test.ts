import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Graph } from '../../src/neo4j/graph';
import { defaultSeedDir } from '../../src/seed/files';
import { countGraph, loadSeed } from '../../src/seed/loader';
import { connectTestGraph } from '../support/app';

/** Tier level of each country under the AI Diffusion Rule on a date, by Cypher on the seeded graph. */
async function tiersOn(graph: Graph, asOf: string): Promise<Map<string, number[]>> {
  const rows = await graph.read<{ code: string; levels: number[] }>({
    name: 'testTiersOn',
    cypher: `
MATCH (c:Country)
OPTIONAL MATCH (c)-[a:IN_TIER]->(t:Tier)-[:DEFINED_BY]->(:Rule {id: 'rule:ai-diffusion'})
WHERE a.validFrom <= date($asOf) AND (a.validTo IS NULL OR date($asOf) < a.validTo)
RETURN c.code AS code, collect(t.level) AS levels`,
  }, { asOf });
  return new Map(rows.map((r) => [r.code, r.levels]));
}

describe('the seeded graph', () => {
  let graph: Graph;
  beforeAll(() => {
    graph = connectTestGraph();
  });
  afterAll(() => graph.close());

  it('holds every ISO 3166-1 country and territory', async () => {
    const { labels } = await countGraph(graph);
    expect(labels.Country).toBeGreaterThanOrEqual(249);
  });

  it('gives every country exactly one tier on 2025-03-01 and none on 2025-06-01', async () => {
    const before = await tiersOn(graph, '2025-03-01');
    expect([...before.values()].every((levels) => levels.length === 1)).toBe(true);
    const after = await tiersOn(graph, '2025-06-01');
    expect([...after.values()].every((levels) => levels.length === 0)).toBe(true);
  });

  it('puts each country in the tier the rule gives it, not the one the article gives', async () => {
    const tiers = await tiersOn(graph, '2025-03-01');
    const level = (code: string) => tiers.get(code)?.[0];
    expect(level('ES')).toBe(1);
    for (const code of ['MO', 'CN', 'RU', 'IR', 'HK']) expect(level(code)).toBe(3);
    for (const code of ['SG', 'IN', 'IL', 'AE', 'PT', 'GF']) expect(level(code)).toBe(2);
    const tierOne = [...tiers].filter(([, levels]) => levels[0] === 1).map(([code]) => code).sort();
    const listed = ['US', 'AU', 'BE', 'CA', 'DK', 'FI', 'FR', 'DE', 'IE', 'IT', 'JP', 'NL', 'NZ', 'NO', 'KR', 'ES', 'SE', 'TW', 'GB'];
    const territories = ['PR', 'GU', 'VI', 'AS', 'MP', 'UM'];
    expect(tierOne).toEqual([...listed, ...territories].sort());
  });

  it('keeps what the article claimed as notes where it was wrong', async () => {
    const [row] = await graph.read<{ es: string; gf: string; kessler: string[] }>({
      name: 'testNotes',
      cypher: `
MATCH (:Country {code: 'ES'})-[es:IN_TIER]->(), (:Country {code: 'GF'})-[gf:IN_TIER]->(), (k:Official {id: 'official:jeffrey-kessler'})
RETURN es.note AS es, gf.note AS gf, k.aliases AS kessler`,
    });
    expect(row.es).toMatch(/article omits Spain/);
    expect(row.gf).toMatch(/article lists French Guiana/);
    expect(row.kessler).toContain('Jeffery Kessler');
  });

  it('has the rescission revoke the rule on 2025-05-13, ending assignments with it as the cause', async () => {
    const [row] = await graph.read<{ on: string; revokedOn: string; causes: string[]; ends: string[] }>({
      name: 'testRescission',
      cypher: `
MATCH (:Rule {id: 'rule:ai-diffusion-rescission'})-[x:REVOKES]->(r:Rule {id: 'rule:ai-diffusion'})
MATCH (r)<-[:DEFINED_BY]-(:Tier)<-[a:IN_TIER]-()
RETURN toString(x.on) AS on, toString(r.revokedOn) AS revokedOn,
       collect(DISTINCT a.endedByRuleId) AS causes, collect(DISTINCT toString(a.validTo)) AS ends`,
    });
    expect(row).toEqual({ on: '2025-05-13', revokedOn: '2025-05-13', causes: ['rule:ai-diffusion-rescission'], ends: ['2025-05-13'] });
  });

  it('has the GP10 guidance prohibit use of all three Ascend chips, made by Huawei', async () => {
    const rows = await graph.read<{ name: string }>({
      name: 'testGp10',
      cypher: `
MATCH (:Rule {id: 'rule:gp10-huawei-ascend-guidance'})-[:PROHIBITS_USE]->(p:ChipProduct)-[:MADE_BY]->(:Company {id: 'company:huawei'})
RETURN p.name AS name ORDER BY name`,
    });
    expect(rows.map((r) => r.name)).toEqual(['Huawei Ascend 910B', 'Huawei Ascend 910C', 'Huawei Ascend 910D']);
  });

  it('cites a source for every node and every dated relationship fact', async () => {
    const [row] = await graph.read<{ uncitedNodes: string[]; unsourcedEdges: string[]; dangling: string[] }>({
      name: 'testProvenance',
      cypher: `
CALL { MATCH (n) WHERE NOT n:Source AND NOT n:Migration AND NOT n:Change AND NOT (n)-[:CITES]->(:Source) RETURN collect(n.id) AS uncitedNodes }
CALL {
  MATCH (a)-[r:IN_TIER|TARGETS|RESTRICTS|PROHIBITS_USE|REVOKES|AMENDS|SUPERSEDES|IMPLEMENTS|SIGNED|ANNOUNCED|INSTRUCTED|STATED|HOLDS_OFFICE]->(b)
  WHERE r.sourceIds IS NULL OR size(r.sourceIds) = 0
  RETURN collect(a.id + ' ' + type(r) + ' ' + b.id) AS unsourcedEdges
}
CALL {
  MATCH ()-[r]->() WHERE r.sourceIds IS NOT NULL
  UNWIND r.sourceIds AS sourceId
  WITH DISTINCT sourceId WHERE NOT EXISTS { MATCH (:Source {id: sourceId}) }
  RETURN collect(sourceId) AS dangling
}
RETURN uncitedNodes, unsourcedEdges, dangling`,
    });
    expect(row).toEqual({ uncitedNodes: [], unsourcedEdges: [], dangling: [] });
  });

  it('links the lineage the facts support', async () => {
    const rows = await graph.read<{ link: string }>({
      name: 'testLineage',
      cypher: 'MATCH (a:Rule)-[r:REVOKES|AMENDS|SUPERSEDES|IMPLEMENTS]->(b:Rule) RETURN a.id + " " + type(r) + " " + b.id AS link ORDER BY link',
    });
    expect(rows.map((r) => r.link)).toEqual(
      expect.arrayContaining([
        'rule:ai-diffusion-rescission REVOKES rule:ai-diffusion',
        'rule:advanced-computing-2023 AMENDS rule:advanced-computing-2022',
        'rule:gp10-huawei-ascend-guidance IMPLEMENTS rule:huawei-entity-list-2019',
      ]),
    );
  });

  it('changes no counts when loaded a second time', async () => {
    const before = await countGraph(graph);
    await loadSeed(graph);
    expect(await countGraph(graph)).toEqual(before);
  });

  it('refuses a bad file, naming file, record and field, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bad-seed-'));
    try {
      cpSync(defaultSeedDir, dir, { recursive: true });
      const rules = path.join(dir, 'rules.yaml');
      writeFileSync(rules, readFileSync(rules, 'utf8').replace("effectiveOn: '2025-01-13'", "effectiveOn: 'Jan 13'"));
      const sources = path.join(dir, 'sources.yaml');
      writeFileSync(sources, readFileSync(sources, 'utf8').replace("title: ISO 3166-1 country codes", "title: ISO 3166-1 country codes\n    brandNew: oops\n    x: "));
      const before = await countGraph(graph);
      const load = loadSeed(graph, () => undefined, dir);
      await expect(load).rejects.toThrow(/seed\/rules\.yaml: rules\[\d+\] \(rule:ai-diffusion\) field "effectiveOn"/);
      await expect(load).rejects.toThrow(/seed\/sources\.yaml: sources\[\d+\] \(source:iso-3166-1\) field "brandNew"/);
      expect(await countGraph(graph)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
