import { Editors } from '../domain/editor/editors';
import { Graph } from '../neo4j/graph';

/** What every resolver gets: the graph, who may write, and the request id. */
export interface Context {
  graph: Graph;
  requestId: string;
  editors: Editors;
  /** The request's Authorization header, checked only by mutations. */
  authorization?: string;
  /** Set once the header has been checked. */
  editor?: string;
}

export function createContext(graph: Graph, requestId: string, editors: Editors, authorization?: string): Context {
  return { graph, requestId, editors, authorization };
}

/** The name of the editor making this request; throws UNAUTHENTICATED or FORBIDDEN before any write. */
export function requireEditor(context: Context): string {
  context.editor ??= context.editors.authenticate(context.authorization);
  return context.editor;
}
