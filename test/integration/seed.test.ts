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

  it('records 2025-05-13 as non-enforcement by the announcement, ending assignments with a note saying how', async () => {
    const [row] = await graph.read<Record<string, unknown>>({
      name: 'testNonEnforcement',
      cypher: `
MATCH (by:Rule {id: 'rule:ai-diffusion-rescission'})-[x:ENDS_ENFORCEMENT]->(r:Rule {id: 'rule:ai-diffusion'})
MATCH (r)<-[:DEFINED_BY]-(:Tier)<-[a:IN_TIER]-()
RETURN by.kind AS byKind, toString(x.on) AS on, x.note AS linkNote, toString(r.revokedOn) AS revokedOn, r.endingKind AS kind,
       r.endedById AS endedById, r.endingSourceIds AS sourceIds, collect(DISTINCT a.endedByRuleId) AS causes,
       collect(DISTINCT toString(a.validTo)) AS ends, all(a IN collect(a) WHERE a.note ENDS WITH 'no rescission was published).') AS noted`,
    });
    expect(row).toMatchObject({
      byKind: 'ANNOUNCEMENT', on: '2025-05-13', revokedOn: '2025-05-13', kind: 'NON_ENFORCEMENT', endedById: 'rule:ai-diffusion-rescission',
      causes: ['rule:ai-diffusion-rescission'], ends: ['2025-05-13'], noted: true,
    });
    expect(row.linkNote).toMatch(/No rescission was published/);
    expect(row.sourceIds).toEqual(expect.arrayContaining(['source:bis-pr-2025-05-13', 'source:gao-b-337935']));
  });

  it('shows Taiwan as "Taiwan", keeps the ISO name as an alias, and has Hong Kong cite FR 2020-28101', async () => {
    const [row] = await graph.read<{ name: string; aliases: string[]; hkSources: string[] }>({
      name: 'testTerritories',
      cypher: `
MATCH (tw:Country {code: 'TW'}), (:Country {code: 'HK'})-[hk:IN_TIER]->()
RETURN tw.name AS name, tw.aliases AS aliases, hk.sourceIds AS hkSources`,
    });
    expect(row.name).toBe('Taiwan');
    expect(row.aliases).toContain('Taiwan, Province of China');
    expect(row.hkSources).toContain('source:fr-2020-28101');
  });

  it('treats every dependency of a Tier 1 state the same way, each marked unconfirmed', async () => {
    const rows = await graph.read<{ code: string; level: number; note: string }>({
      name: 'testDependencies',
      cypher: `
MATCH (c:Country)-[a:IN_TIER]->(t:Tier)
WHERE c.code IN ['GF', 'GP', 'MQ', 'RE', 'GL', 'FO', 'AX', 'AW', 'CW', 'BM', 'GI', 'FK']
RETURN c.code AS code, t.level AS level, a.note AS note`,
    });
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row.level).toBe(2);
      expect(row.note).toMatch(/\(unconfirmed\) A dependency/);
    }
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

  it('gives every node and every relationship a source, and every source a URL or a date', async () => {
    const [row] = await graph.read<Record<string, string[]>>({
      name: 'testProvenance',
      cypher: `
CALL {
  MATCH (n) WHERE NOT n:Source AND NOT n:Migration AND NOT n:Change AND NOT n:ChangeSequence AND NOT n:LineageLock AND NOT (n)-[:CITES]->(:Source)
  RETURN collect(coalesce(n.id, labels(n)[0])) AS uncitedNodes
}
CALL {
  MATCH (a)-[r]->(b) WHERE type(r) <> 'CITES' AND NOT a:Change AND NOT b:Change
    AND (r.sourceIds IS NULL OR size(r.sourceIds) = 0)
  RETURN collect(a.id + ' ' + type(r) + ' ' + b.id) AS unsourcedRelationships
}
CALL {
  MATCH (a)-[r]->(b) WHERE r.sourceIds IS NOT NULL
  UNWIND r.sourceIds AS sourceId
  WITH DISTINCT sourceId WHERE NOT EXISTS { MATCH (:Source {id: sourceId}) }
  RETURN collect(sourceId) AS dangling
}
CALL {
  MATCH (s:Source) WHERE s.url IS NULL AND s.publishedOn IS NULL OR s.title IS NULL OR s.publisher IS NULL
  RETURN collect(s.id) AS incompleteSources
}
CALL {
  MATCH (s:Source) WHERE s.id = 'source:project-fact-sheet' OR s.kind = 'FACT_SHEET'
  RETURN collect(s.id) AS projectSources
}
RETURN uncitedNodes, unsourcedRelationships, dangling, incompleteSources, projectSources`,
    });
    expect(row).toEqual({ uncitedNodes: [], unsourcedRelationships: [], dangling: [], incompleteSources: [], projectSources: [] });
  });

  it('links the lineage the facts support', async () => {
    const rows = await graph.read<{ link: string }>({
      name: 'testLineage',
      cypher: 'MATCH (a:Rule)-[r:REVOKES|AMENDS|SUPERSEDES|IMPLEMENTS|ENDS_ENFORCEMENT|CORRECTS]->(b:Rule) RETURN a.id + " " + type(r) + " " + b.id AS link ORDER BY link',
    });
    expect(rows.map((r) => r.link)).toEqual(
      expect.arrayContaining([
        'rule:ai-diffusion-rescission ENDS_ENFORCEMENT rule:ai-diffusion',
        'rule:advanced-computing-2023 AMENDS rule:advanced-computing-2022',
        'rule:macau-2023 AMENDS rule:advanced-computing-2022',
        'rule:foundry-due-diligence-2025 AMENDS rule:hbm-equipment-2024',
        'rule:foundry-due-diligence-2025 AMENDS rule:ai-diffusion',
        'rule:ai-diffusion AMENDS rule:data-center-veu-2024',
      ]),
    );
    // The GP10 guidance applies General Prohibition 10; no source says it implements the 2019 Entity List action.
    expect(rows.map((r) => r.link).filter((link) => link.startsWith('rule:gp10'))).toEqual([]);
  });

  it('changes no counts when loaded a second time', async () => {
    const before = await countGraph(graph);
    await loadSeed(graph);
    expect(await countGraph(graph)).toEqual(before);
    // The reload resets the notes and the ending adds its sentence back, once.
    const [row] = await graph.read<{ twice: number; without: number }>({
      name: 'testEndingNotes',
      cypher: `
MATCH (:Rule {id: 'rule:ai-diffusion'})<-[:DEFINED_BY]-(:Tier)<-[a:IN_TIER]-()
WITH a, 'Stopped applying on 2025-05-13' AS sentence
RETURN count(CASE WHEN size(split(a.note, sentence)) > 2 THEN 1 END) AS twice,
       count(CASE WHEN NOT a.note CONTAINS sentence THEN 1 END) AS without`,
    });
    expect(row).toEqual({ twice: 0, without: 0 });
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
