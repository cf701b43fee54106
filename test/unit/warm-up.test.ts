import { ApolloServer } from '@apollo/server';
import { Editors } from '../../src/domain/editor/editors';
import { warmUp, WARM_UP_QUESTIONS } from '../../src/docs/warm-up';
import { Context } from '../../src/graphql/context';
import { Logger } from '../../src/logger';
import { Graph } from '../../src/neo4j/graph';

describe('the warm-up at start', () => {
  it('asks each README impact question once, in order, and logs the ones that failed without throwing', async () => {
    const asked: string[] = [];
    const apollo = {
      executeOperation: async ({ query }: { query: string }) => {
        asked.push(query);
        if (asked.length === 1) return { body: { kind: 'single', singleResult: { errors: [{ message: 'QUERY_TIMEOUT' }] } } };
        if (asked.length === 2) throw new Error('stopped');
        return { body: { kind: 'single', singleResult: { data: {} } } };
      },
    } as unknown as ApolloServer<Context>;
    const logged: Record<string, unknown>[] = [];
    const logger = { info: (fields: Record<string, unknown>) => logged.push(fields) } as unknown as Logger;

    await warmUp(apollo, {} as Graph, Editors.parse(''), logger);

    expect(WARM_UP_QUESTIONS.length).toBeGreaterThanOrEqual(3);
    expect(WARM_UP_QUESTIONS.every(({ query }) => query.includes('rulesTouching('))).toBe(true);
    expect(asked).toEqual(WARM_UP_QUESTIONS.map(({ query }) => query));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ questions: WARM_UP_QUESTIONS.length, failed: [WARM_UP_QUESTIONS[0].question, WARM_UP_QUESTIONS[1].question] });
    expect(typeof logged[0].ms).toBe('number');
  });
});
