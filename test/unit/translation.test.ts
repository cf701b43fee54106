import { changesStatement } from '../../src/domain/change/change.queries';
import { countriesStatement, countryStatement, tierAssignmentsOfCountry } from '../../src/domain/country/country.queries';
import { lineageStatement } from '../../src/domain/lineage/lineage.queries';
import { nodeStatement } from '../../src/domain/node/node.queries';
import { rulesStatement, rulesTouchingStatement } from '../../src/domain/rule/rule.queries';
import { RuleKind } from '../../src/domain/rule/rule.type';
import { searchStatement } from '../../src/domain/search/search.queries';
import { tierChangesStatement } from '../../src/domain/tier/tier.queries';
import { encodeCursor } from '../../src/graphql/pagination';
import { withNested } from '../../src/graphql/prefetch';
import { toNeo4jDate } from '../../src/graphql/scalars';
import { Statement } from '../../src/neo4j/graph';

/** What a root field sends to Neo4j, without a database: the Cypher is named and every input is a parameter. */
function translated(statement: Statement | null) {
  if (!statement) return null;
  return { name: statement.query.name, cypher: statement.query.cypher.trim(), params: statement.params };
}

describe('root fields translate to one named, parameterised statement', () => {
  it.each([
    ['country', () => countryStatement('sg')],
    ['countries', () => countriesStatement({ first: 50, after: encodeCursor('SG') })],
    ['countries with their tier assignments sent along', () => withNested(countriesStatement({ first: 50 }), { column: 'countries', many: true }, [
      { nested: tierAssignmentsOfCountry, params: tierAssignmentsOfCountry.params({ asOf: toNeo4jDate('2025-03-01') }) },
    ])],
    ['rules', () => rulesStatement({ filter: { kinds: [RuleKind.GUIDANCE], inForceOn: toNeo4jDate('2025-06-01'), text: 'Huawei' }, first: 10 })],
    ['rulesTouching by text', () => rulesTouchingStatement({ entity: 'Huawei Ascend', asOf: toNeo4jDate('2025-06-01') })],
    ['rulesTouching by id', () => rulesTouchingStatement({ entity: 'chipProduct:huawei-ascend-910b' })],
    ['rulesTouching with no words', () => rulesTouchingStatement({ entity: '?!' })],
    ['tierChanges', () => tierChangesStatement({ from: toNeo4jDate('2025-05-01'), to: toNeo4jDate('2025-05-31'), fromLevel: 2 })],
    ['ruleLineage', () => lineageStatement({ id: 'rule:ai-diffusion', direction: 'BOTH', maxDepth: 3 })],
    ['search', () => searchStatement({ text: 'Ascnd 910B', first: 5 })],
    ['node', () => nodeStatement('official:jeffrey-kessler')],
    ['node with a foreign id', () => nodeStatement('planet:mars')],
    ['changes', () => changesStatement({ since: new Date('2026-01-01T00:00:00Z'), first: 20, after: encodeCursor('2026-02-01T00:00:00.000Z|change:0b5cbd6e-94a4-4f0b-9a53-6a4b0e7c2f10') })],
  ])('%s', (_field, build) => {
    expect(translated(build())).toMatchSnapshot();
  });

  it('never puts user text into the Cypher', () => {
    const hostile = "x'}) DETACH DELETE n //";
    for (const statement of [rulesTouchingStatement({ entity: hostile }), searchStatement({ text: hostile, first: 5 }), rulesStatement({ filter: { text: hostile }, first: 5 })]) {
      expect(statement!.query.cypher).not.toContain('DETACH DELETE');
    }
  });

  it('writes the lineage bound into one statement per depth', () => {
    expect(lineageStatement({ id: 'rule:x', direction: 'BOTH', maxDepth: 25 }).query.cypher).toContain('*1..25]');
    expect(lineageStatement({ id: 'rule:x', direction: 'BOTH', maxDepth: 1 }).query.cypher).toContain('*1..1]');
  });
});
