import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { connectNeo4j } from '../../src/neo4j/connect';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { Graph } from '../../src/neo4j/graph';
import { applyMigrations } from '../../src/neo4j/migrations';
import { connectTestGraph } from '../support/app';
import { translate } from '../support/translate';

describe('the test Neo4j', () => {
  let graph: Graph;
  beforeAll(() => {
    graph = connectTestGraph();
  });
  afterAll(() => graph.close());

  it('is a real Neo4j 5.26 reached over Bolt', async () => {
    const [row] = await graph.read<{ version: string; edition: string }>({
      name: 'dbmsComponents',
      cypher: 'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
    });
    expect(row.version).toMatch(/^5\.26\./);
    expect(row.edition).toBe('community');
  });

  it('has every migration recorded once, and applying them again changes nothing', async () => {
    expect(await applyMigrations(graph)).toEqual([]);
    const rows = await graph.read<{ id: string }>({ name: 'migrations', cypher: 'MATCH (m:Migration) RETURN m.id AS id ORDER BY id' });
    expect(rows.map((r) => r.id)).toEqual(['001_constraints', '002_fulltext', '003_changes', '004_tier_windows', '005_lineage_lock', '006_entity_names', '007_in_tier_country', '008_change_sequence', '009_v3_entities', '010_fact_dates', '011_name_keys']);
    const constraints = await graph.read<{ name: string }>({ name: 'constraints', cypher: 'SHOW CONSTRAINTS YIELD name RETURN name' });
    expect(constraints.map((c) => c.name)).toEqual(expect.arrayContaining(['country_id', 'rule_id', 'source_id']));
  });

  /** The operators Neo4j plans for a statement, without running it. */
  async function plannedOperators(cypher: string, params: Record<string, unknown>): Promise<string[]> {
    const session = graph.driver.session({ database: graph.database });
    try {
      const { summary } = await session.run(`EXPLAIN ${cypher}`, params);
      const operators: string[] = [];
      const walk = (plan: { operatorType: string; children: unknown[] }) => {
        operators.push(plan.operatorType.replace(/@.*/, ''));
        plan.children.forEach((child) => walk(child as typeof plan));
      };
      walk(summary.plan as never);
      return operators;
    } finally {
      await session.close();
    }
  }

  /** The one statement a document compiles to. */
  async function compiled(document: string): Promise<{ cypher: string; params: Record<string, unknown> }> {
    const { statements } = await translate(document);
    expect(statements).toHaveLength(1);
    return statements[0];
  }

  it('plans tierChanges as seeks on the IN_TIER date indexes, not walks over every membership', async () => {
    const { cypher, params } = await compiled('{ tierChanges(from: "2025-05-01", to: "2025-05-31", fromLevel: 2) { on country { code } entered { validFrom } } }');
    const operators = await plannedOperators(cypher, params);
    // The window by validTo, then the assignment that began the day each ended by validFrom.
    expect(operators.filter((op) => /RelationshipIndexSeek/.test(op))).toEqual(['DirectedRelationshipIndexSeekByRange', 'DirectedRelationshipIndexSeek']);
    expect(operators.filter((op) => /RelationshipTypeScan|AllNodesScan|OptionalExpand/.test(op))).toEqual([]);
  });

  it('plans factChanges over a window as seeks on the date indexes of every kind of fact, never a scan', async () => {
    const { cypher, params } = await compiled('{ factChanges(from: "2025-01-01", to: "2025-12-31") { on change relation subject { ... on Node { id } } cause { id } } }');
    const operators = await plannedOperators(cypher, params);
    // Eight relationship types by validFrom and by validTo, and SUSPENDS by from and by until.
    expect(operators.filter((op) => /RelationshipIndexSeekByRange/.test(op))).toHaveLength(18);
    // Listings by validFrom and validTo, rules by effectiveOn, issuedOn, publishedOn and revokedOn.
    expect(operators.filter((op) => /NodeIndexSeekByRange/.test(op))).toHaveLength(6);
    expect(operators.filter((op) => /AllNodesScan|NodeByLabelScan|RelationshipTypeScan|RelationshipIndexScan|NodeIndexScan/.test(op))).toEqual([]);
  });

  it('plans the exact step of a name as a seek on the NameKey index, with no full-text query unless nothing is named', async () => {
    const documents = [
      '{ rulesTouching(entity: "Nvidia") { rule { id } } }',
      '{ search(text: "Nvidia", first: 5) { score } }',
      '{ factChanges(entity: "Nvidia", from: "2025-01-01", to: "2025-12-31") { on } }',
    ];
    for (const document of documents) {
      const { cypher, params } = await compiled(document);
      expect(await plannedOperators(cypher, params)).toContain('NodeUniqueIndexSeek');
      expect(cypher).not.toContain('entity_names');
    }
  });

  it("plans a country's tier assignments as one seek on IN_TIER(countryCode, validFrom), not a walk over its history", async () => {
    const documents = [
      '{ country(code: "SG") { tierAssignments(asOf: "2025-03-01") { tier { name } } } }',
      '{ country(code: "SG") { tierAssignments { validFrom } } }',
    ];
    for (const document of documents) {
      const { cypher, params } = await compiled(document);
      const operators = await plannedOperators(cypher, params);
      expect(operators).toContain('DirectedRelationshipIndexSeek');
      expect(operators.filter((op) => /Expand\(All\)|RelationshipIndexScan|RelationshipTypeScan/.test(op))).toEqual([]);
    }
  });

  it('gives up on an unreachable NEO4J_URI after retrying with backoff, with a clear message', async () => {
    const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_CONNECT_ATTEMPTS: '2', NEO4J_MAX_RETRY_MS: '0' });
    const started = Date.now();
    await expect(connectNeo4j(config, createLogger('silent'))).rejects.toThrow(/not reachable after 2 attempts/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('refuses to start a second embedded Neo4j on a taken port, naming the cause', async () => {
    const port = Number(new URL(process.env.NEO4J_URI!.replace('bolt:', 'http:')).port);
    await expect(
      startEmbeddedNeo4j({ dataDir: '/tmp/unused', port, heapMb: 256, pageCacheMb: 16, txMemoryMb: 16, startTimeoutMs: 5000 }),
    ).rejects.toThrow(/port \d+ .*already taken/);
  });
});
