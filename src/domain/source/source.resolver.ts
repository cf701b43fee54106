import { Context } from '../../graphql/context';
import { sourcesById } from './source.queries';
import { Source } from './source.type';

/** Resolves a relationship fact's sourceIds to Source nodes, batched across the whole request. */
export async function sourcesOf(ids: string[] | null | undefined, { loaders }: Context): Promise<Source[]> {
  const sources = await Promise.all((ids ?? []).map((id) => loaders.one<Source>(sourcesById, id)));
  return sources.filter((source): source is Source => source !== null);
}
