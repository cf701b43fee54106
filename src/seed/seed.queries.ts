import { NamedQuery } from '../neo4j/graph';

/** What the seed reports when it is done: nodes per label and relationships per type (the seed writes through the services). */
const query = (name: string, cypher: string): NamedQuery => ({ name, cypher });

export const countLabels = query('countLabels', `
MATCH (n) WHERE NOT n:Migration
UNWIND labels(n) AS label
RETURN label, count(*) AS count ORDER BY label`);

export const countRelationships = query('countRelationships', `
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count ORDER BY type`);
