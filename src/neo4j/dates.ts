import neo4j, { Date as Neo4jDate } from 'neo4j-driver';

/** An ISO calendar date (YYYY-MM-DD, already validated) as the driver's Date, which Cypher stores as a date. */
export function toNeo4jDate(isoDate: string): Neo4jDate<number> {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new neo4j.types.Date(year, month, day);
}
