import { batched } from '../../graphql/loaders';

/** Sources by id, for the sourceIds that relationship facts carry. */
export const sourcesById = batched('sourcesById', `
  MATCH (s:Source {id: id})
  RETURN collect(s {.*}) AS items`);

/** The sources a rule CITES. */
export const sourcesCitedByRule = batched('sourcesCitedByRule', `
  MATCH (:Rule {id: id})-[:CITES]->(s:Source)
  WITH s ORDER BY s.id
  RETURN collect(s {.*}) AS items`);
