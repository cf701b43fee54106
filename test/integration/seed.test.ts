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

// Several tests reload the whole seed through the write services: about 5 s on a quiet machine, over
// a minute beside other suites on two busy cores. The limit is there to catch a hang, not to time a load.
jest.setTimeout(300_000);

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

  it('treats every dependency of a Tier 1 state the same way, each UNCONFIRMED with a note saying why', async () => {
    const rows = await graph.read<{ code: string; level: number; note: string; confidence: string }>({
      name: 'testDependencies',
      cypher: `
MATCH (c:Country)-[a:IN_TIER]->(t:Tier)
WHERE c.code IN ['GF', 'GP', 'MQ', 'RE', 'GL', 'FO', 'AX', 'AW', 'CW', 'BM', 'GI', 'FK']
RETURN c.code AS code, t.level AS level, a.note AS note, a.confidence AS confidence`,
    });
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row.level).toBe(2);
      expect(row.confidence).toBe('UNCONFIRMED');
      expect(row.note).toMatch(/(^|\. )A dependency or associated territory of a Tier 1 state/);
    }
  });

  it('says on every tier assignment that only enforcement stopped, the text staying in 15 CFR', async () => {
    const [row] = await graph.read<{ total: number; said: number; stated: number; weakest: string[] }>({
      name: 'testEnforcementNotes',
      cypher: `
MATCH (:Rule {id: 'rule:ai-diffusion'})<-[:DEFINED_BY]-(:Tier)<-[a:IN_TIER]-(c:Country)
RETURN count(a) AS total,
       count(CASE WHEN a.note CONTAINS 'enforcement of the tiers stopped' AND a.note CONTAINS 'stayed in 15 CFR' THEN 1 END) AS said,
       count(CASE WHEN c.code IN ['US', 'ES', 'SG'] AND a.confidence = 'STATED' THEN 1 END) AS stated,
       collect(DISTINCT a.confidence) AS weakest`,
    });
    expect(row.said).toBe(row.total);
    expect(row.stated).toBe(3);
    expect([...row.weakest].sort()).toEqual(['INFERRED', 'STATED', 'UNCONFIRMED']);
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

  it('records the Affiliates rule suspension as a rule with its source and a SUSPENDS link with from and until', async () => {
    const [row] = await graph.read<Record<string, unknown>>({
      name: 'testSuspension',
      cypher: `
MATCH (s:Rule {id: 'rule:affiliates-suspension-2025'})-[x:SUSPENDS]->(r:Rule {id: 'rule:affiliates-rule-2025'})
RETURN s.documentNumber AS documentNumber, s.citation AS citation, toString(x.on) AS on, toString(x.from) AS from,
       toString(x.until) AS until, x.confidence AS confidence, x.sourceIds AS sourceIds, r.revokedOn AS revokedOn,
       [(s)-[:CITES]->(src:Source) | src.url] AS urls`,
    });
    expect(row).toMatchObject({
      documentNumber: '2025-19846', citation: '90 FR 50857', on: '2025-11-10', from: '2025-11-10', until: '2026-11-10',
      confidence: 'STATED', revokedOn: null,
    });
    expect(row.sourceIds).toContain('source:fr-2025-19846');
    expect(row.urls).toContain('https://www.federalregister.gov/documents/2025/11/12/2025-19846/one-year-suspension-of-expansion-of-end-user-controls-for-affiliates-of-certain-listed-entities');
  });

  it('gives the 2019 Huawei action its official title and document number, and the rules their CFR parts', async () => {
    const rows = await graph.read<{ id: string; title: string; documentNumber: string; cfrParts: string[] | null }>({
      name: 'testOfficialTitles',
      cypher: `
MATCH (r:Rule) WHERE r.id IN ['rule:huawei-entity-list-2019', 'rule:huawei-affiliates-2019', 'rule:huawei-fdp-2020-08', 'rule:entity-list-2023-10']
RETURN r.id AS id, r.title AS title, r.documentNumber AS documentNumber, r.cfrParts AS cfrParts ORDER BY id`,
    });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId['rule:huawei-entity-list-2019']).toMatchObject({ title: 'Addition of Entities to the Entity List', documentNumber: '2019-10616' });
    expect(byId['rule:huawei-affiliates-2019']).toMatchObject({ documentNumber: '2019-17921', cfrParts: ['15 CFR 744'] });
    expect(byId['rule:huawei-fdp-2020-08']).toMatchObject({ documentNumber: '2020-18213', cfrParts: ['15 CFR 736', '15 CFR 744', '15 CFR 762'] });
    expect(byId['rule:entity-list-2023-10'].documentNumber).toBe('2023-23048');
  });

  it('keeps dated country group memberships: Cambodia in and out of D:5, Nicaragua in from 2024-03-15', async () => {
    const inGroup = async (code: string, group: string, asOf: string) => {
      const [row] = await graph.read<{ n: number }>({
        name: 'testInGroup',
        cypher: `
MATCH (:Country {code: $code})-[m:IN_GROUP]->(:CountryGroup {code: $group})
WHERE (m.validFrom IS NULL OR m.validFrom <= date($asOf)) AND (m.validTo IS NULL OR date($asOf) < m.validTo)
RETURN count(m) AS n`,
      }, { code, group, asOf });
      return row.n;
    };
    expect(await inGroup('KH', 'D:5', '2025-01-13')).toBe(1);
    expect(await inGroup('KH', 'D:5', '2026-03-01')).toBe(0);
    expect(await inGroup('KH', 'D:5', '2021-12-01')).toBe(0);
    expect(await inGroup('NI', 'D:5', '2024-03-14')).toBe(0);
    expect(await inGroup('NI', 'D:5', '2024-03-15')).toBe(1);
    expect(await inGroup('NI', 'B', '2024-03-14')).toBe(1);
    expect(await inGroup('NI', 'B', '2024-03-15')).toBe(0);
    for (const code of ['CN', 'RU', 'IR', 'KP', 'VE']) expect(await inGroup(code, 'D:5', '2025-01-13')).toBe(1);
    const [links] = await graph.read<{ addedBy: string; removedBy: string; countryCode: string; groupId: string }>({
      name: 'testGroupLinks',
      cypher: `
MATCH (:Country {code: 'KH'})-[m:IN_GROUP]->(g:CountryGroup {id: 'countryGroup:D5'})
RETURN m.addedBy AS addedBy, m.removedBy AS removedBy, m.countryCode AS countryCode, g.id AS groupId`,
    });
    expect(links).toEqual({ addedBy: 'rule:cambodia-2021', removedBy: 'rule:cambodia-2026', countryCode: 'KH', groupId: 'countryGroup:D5' });
  });

  it('links listings to their party and the rule that added them, and ECCNs to the rules that made them', async () => {
    const listings = await graph.read<{ id: string; party: string; by: string; policy: string | null; confidence: string }>({
      name: 'testListings',
      cypher: `
MATCH (party:Company)-[:LISTED]->(l:Listing)<-[:ADDS_LISTING]-(rule:Rule)
RETURN l.id AS id, party.id AS party, rule.id AS by, l.licensePolicy AS policy, l.confidence AS confidence ORDER BY id`,
    });
    expect(listings.map((l) => l.id)).toEqual(expect.arrayContaining([
      'listing:huawei-entity-list-2019-05-16', 'listing:smic-entity-list-2020-12-18', 'listing:ymtc-entity-list-2022-12-16',
      'listing:biren-entity-list-2023-10-17', 'listing:moore-threads-entity-list-2023-10-17',
    ]));
    expect(listings.find((l) => l.id === 'listing:huawei-entity-list-2019-05-16')).toMatchObject({
      party: 'company:huawei', by: 'rule:huawei-entity-list-2019', policy: 'Presumption of denial', confidence: 'STATED',
    });
    expect(listings.find((l) => l.id === 'listing:biren-entity-list-2023-10-17')?.confidence).toBe('UNCONFIRMED');
    const controls = await graph.read<{ link: string }>({
      name: 'testControls',
      cypher: 'MATCH (r:Rule)-[:CONTROLS]->(e:Eccn) RETURN r.id + " " + e.code AS link ORDER BY link',
    });
    expect(controls.map((c) => c.link)).toEqual(expect.arrayContaining([
      'rule:advanced-computing-2022 3A090', 'rule:advanced-computing-2022 4A090', 'rule:ai-diffusion 4E091',
      'rule:advanced-computing-2023 3A001.z', 'rule:advanced-computing-2023 4A003.z',
    ]));
    const [h100] = await graph.read<{ eccn: string; confidence: string; tpp: number; parent: string }>({
      name: 'testClassification',
      cypher: `
MATCH (:ChipProduct {id: 'chipProduct:nvidia-h100'})-[c:CLASSIFIED_AS]->(e:Eccn), (p:ChipProduct {id: 'chipProduct:nvidia-h100'})
MATCH (:Company {id: 'company:huawei-cloud-computing'})-[:SUBSIDIARY_OF]->(parent:Company)
RETURN e.id AS eccn, c.confidence AS confidence, p.tpp AS tpp, parent.id AS parent`,
    });
    expect(h100).toEqual({ eccn: 'eccn:3A090', confidence: 'INFERRED', tpp: 15831, parent: 'company:huawei' });
  });

  it('gives every dated fact a confidence, a note when it is not STATED, and no old markers in notes', async () => {
    const [row] = await graph.read<Record<string, string[]>>({
      name: 'testConfidence',
      cypher: `
CALL {
  MATCH (a)-[r:IN_TIER|TARGETS|RESTRICTS|PROHIBITS_USE|IN_GROUP|CLASSIFIED_AS|SUBSIDIARY_OF|HOLDS_OFFICE|AMENDS|SUPERSEDES|IMPLEMENTS|SUSPENDS|CORRECTS]->(b)
  WHERE NOT r.confidence IN ['STATED', 'INFERRED', 'UNCONFIRMED'] OR r.confidence IS NULL
  RETURN collect(a.id + ' ' + type(r) + ' ' + b.id) AS withoutConfidence
}
CALL {
  MATCH (a)-[r]->(b) WHERE r.confidence IN ['INFERRED', 'UNCONFIRMED'] AND (r.note IS NULL OR trim(r.note) = '')
  RETURN collect(a.id + ' ' + type(r) + ' ' + b.id) AS unexplained
}
CALL {
  MATCH (l:Listing) WHERE NOT l.confidence IN ['STATED', 'INFERRED', 'UNCONFIRMED'] OR l.confidence IS NULL
  RETURN collect(l.id) AS listingsWithoutConfidence
}
CALL {
  MATCH (a)-[r]->(b) WHERE toLower(r.note) CONTAINS '(unconfirmed)' OR toLower(r.note) CONTAINS '(inference)'
  RETURN collect(a.id + ' ' + type(r) + ' ' + b.id) AS markedRelationships
}
CALL {
  MATCH (n) WHERE toLower(n.note) CONTAINS '(unconfirmed)' OR toLower(n.note) CONTAINS '(inference)'
  RETURN collect(n.id) AS markedNodes
}
RETURN withoutConfidence, unexplained, listingsWithoutConfidence, markedRelationships, markedNodes`,
    });
    expect(row).toEqual({ withoutConfidence: [], unexplained: [], listingsWithoutConfidence: [], markedRelationships: [], markedNodes: [] });
  });

  it('gives every node and every relationship a source, and every source a URL or a date', async () => {
    const [row] = await graph.read<Record<string, string[]>>({
      name: 'testProvenance',
      cypher: `
CALL {
  MATCH (n) WHERE NOT n:Source AND NOT n:Migration AND NOT n:Change AND NOT n:ChangeSequence AND NOT n:LineageLock AND NOT n:NameKey AND NOT (n)-[:CITES]->(:Source)
  RETURN collect(coalesce(n.id, labels(n)[0])) AS uncitedNodes
}
CALL {
  MATCH (a)-[r]->(b) WHERE type(r) <> 'CITES' AND NOT a:Change AND NOT b:Change AND NOT a:NameKey
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
      cypher: 'MATCH (a:Rule)-[r:REVOKES|AMENDS|SUPERSEDES|IMPLEMENTS|ENDS_ENFORCEMENT|SUSPENDS|CORRECTS]->(b:Rule) RETURN a.id + " " + type(r) + " " + b.id AS link ORDER BY link',
    });
    expect(rows.map((r) => r.link)).toEqual(
      expect.arrayContaining([
        'rule:ai-diffusion-rescission ENDS_ENFORCEMENT rule:ai-diffusion',
        'rule:advanced-computing-2023 AMENDS rule:advanced-computing-2022',
        'rule:macau-2023 AMENDS rule:advanced-computing-2022',
        'rule:foundry-due-diligence-2025 AMENDS rule:hbm-equipment-2024',
        'rule:foundry-due-diligence-2025 AMENDS rule:ai-diffusion',
        'rule:ai-diffusion AMENDS rule:data-center-veu-2024',
        'rule:huawei-affiliates-2019 AMENDS rule:huawei-entity-list-2019',
        'rule:huawei-fdp-2020-08 AMENDS rule:huawei-fdp-2020',
        'rule:advanced-computing-corrections-2024 CORRECTS rule:advanced-computing-2023',
        'rule:advanced-computing-corrections-2024 CORRECTS rule:chipmaking-equipment-2023',
        'rule:foundry-due-diligence-correction-2025 CORRECTS rule:foundry-due-diligence-2025',
        'rule:affiliates-suspension-2025 SUSPENDS rule:affiliates-rule-2025',
      ]),
    );
    // The GP10 guidance applies General Prohibition 10; no source says it implements the 2019 Entity List action.
    expect(rows.map((r) => r.link).filter((link) => link.startsWith('rule:gp10'))).toEqual([]);
  });

  it('records what a load changes as Changes by editor seed, with the values before and after', async () => {
    // A seeded value drifts (as an editor's write would change it); the seed puts it back and says so in the feed.
    await graph.write((tx) => tx.run({ name: 'testSeedDrift', cypher: "MATCH (r:Rule {id: 'rule:ai-diffusion'}) SET r.title = 'Drifted title'" }));
    await loadSeed(graph);
    const [change] = await graph.read<{ before: string; after: string; entityIds: string[] }>({
      name: 'testSeedChange',
      cypher: `MATCH (c:Change {editor: 'seed'}) WHERE 'rule:ai-diffusion' IN c.entityIds
RETURN c.before AS before, c.after AS after, c.entityIds AS entityIds ORDER BY c.position DESC LIMIT 1`,
    });
    expect(change.entityIds).toEqual(['rule:ai-diffusion']);
    // The write service that put the title back also moved the rule to its next version.
    const [before, after] = [JSON.parse(change.before)['rule:ai-diffusion'], JSON.parse(change.after)['rule:ai-diffusion']];
    expect(Object.keys(after).sort()).toEqual(['title', 'version']);
    expect(before.title).toBe('Drifted title');
    expect(after.title).toBe('Framework for Artificial Intelligence Diffusion');
    expect(after.version).toBe((before.version ?? 0) + 1);
  });

  it('changes no counts and records no Change when loaded a second time', async () => {
    // Other suites may have left a seeded value changed: the first reload puts it back, the second must change nothing.
    await loadSeed(graph);
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
