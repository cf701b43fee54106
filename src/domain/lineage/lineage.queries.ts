import { NamedQuery, Statement } from '../../neo4j/graph';

export const MAX_LINEAGE_DEPTH = 25;

const lineageTypes = 'REVOKES|AMENDS|SUPERSEDES|IMPLEMENTS';

/**
 * Cypher cannot take a variable-length bound as a parameter, so there is one named statement per
 * depth, 1 to 25, each with its bound written in: the planner then knows how far to walk.
 * Ancestors follow edges out of the root (what it acted on), descendants follow edges into it.
 * Each rule comes back once and edges name their ends by id: a rule on many edges is decoded once.
 */
function lineageQuery(depth: number): NamedQuery {
  return {
    name: `ruleLineageDepth${depth}`,
    cypher: `
MATCH (root:Rule {id: $id})
CALL (root) {
  OPTIONAL MATCH path = (root)-[:${lineageTypes}*1..${depth}]->(:Rule)
  WHERE $direction IN ['ANCESTORS', 'BOTH']
  RETURN collect(path) AS up
}
CALL (root) {
  OPTIONAL MATCH path = (root)<-[:${lineageTypes}*1..${depth}]-(:Rule)
  WHERE $direction IN ['DESCENDANTS', 'BOTH']
  RETURN collect(path) AS down
}
CALL (up, down) {
  UNWIND up + down AS path
  UNWIND relationships(path) AS link
  RETURN collect(DISTINCT link) AS links
}
CALL (links) {
  UNWIND links AS link
  UNWIND [startNode(link), endNode(link)] AS rule
  WITH DISTINCT rule
  RETURN collect(rule {.*}) AS rules
}
RETURN root {.*} AS root, rules,
       [link IN links | {fromId: startNode(link).id, toId: endNode(link).id, kind: type(link), on: link.on, note: link.note}] AS edges`,
  };
}

export const lineageQueries: NamedQuery[] = Array.from({ length: MAX_LINEAGE_DEPTH + 1 }, (_, depth) => lineageQuery(Math.max(depth, 1)));

export const lineageStatement = ({ id, direction, maxDepth }: { id: string; direction: string; maxDepth: number }): Statement => ({
  query: lineageQueries[maxDepth],
  params: { id, direction },
});
