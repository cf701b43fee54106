import { ApolloServer } from '@apollo/server';
import { Editors } from '../domain/editor/editors';
import { Context, createContext } from '../graphql/context';
import { Logger } from '../logger';
import { Graph } from '../neo4j/graph';
import { QUESTIONS } from './questions';

/** The README's impact questions: their statements are the largest, and plan the slowest on a cold JVM. */
export const WARM_UP_QUESTIONS = QUESTIONS.filter(({ query }) => query.includes('rulesTouching'));

/**
 * Asks the README's impact questions once, one at a time, before the server listens. On a cold JVM the
 * first `rulesTouching` by name took 10.5 s, against a 10 s query timeout; asked once at start (7 to 12 s in
 * all), their statements are planned and Neo4j's planner is compiled before anyone waits on them. Only
 * these: all nineteen questions took 25 s, most of it on statements that answer in 1 to 2 s cold anyway.
 * Never throws: a question that fails is logged, and the server starts all the same.
 */
export async function warmUp(apollo: ApolloServer<Context>, graph: Graph, editors: Editors, logger: Logger): Promise<void> {
  const started = performance.now();
  const failed: string[] = [];
  for (const { question, query } of WARM_UP_QUESTIONS) {
    try {
      const response = await apollo.executeOperation({ query }, { contextValue: createContext(graph, 'warm-up', editors) });
      if (response.body.kind !== 'single' || response.body.singleResult.errors) failed.push(question);
    } catch {
      failed.push(question);
    }
  }
  logger.info({ questions: WARM_UP_QUESTIONS.length, failed, ms: Math.round(performance.now() - started) }, 'warm-up: asked the README impact questions once');
}
