import { Graph } from '../neo4j/graph';

/** What every resolver gets: the graph to read from and the id that ties its log lines together. */
export interface Context {
  graph: Graph;
  requestId: string;
}
