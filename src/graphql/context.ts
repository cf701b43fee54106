import { Graph } from '../neo4j/graph';
import { Loaders } from './loaders';

/** What every resolver gets: the graph, this request's batching loaders, and the id that ties its log lines together. */
export interface Context {
  graph: Graph;
  loaders: Loaders;
  requestId: string;
}

export function createContext(graph: Graph, requestId: string): Context {
  return { graph, loaders: new Loaders(graph), requestId };
}
