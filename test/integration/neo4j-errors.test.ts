import { GraphQLError, locatedError } from 'graphql';
import { Driver, SessionConfig } from 'neo4j-driver';
import { formatError } from '../../src/graphql/errors';
import { GraphMemoryError, GraphTimeoutError, GraphUnavailableError } from '../../src/neo4j/errors';
import { Graph } from '../../src/neo4j/graph';
import { connectTestGraph } from '../support/app';
import { post, startTestServer } from '../support/server';

const testNeo4j = () => ({ uri: process.env.NEO4J_URI!, user: 'neo4j', password: '', database: 'neo4j' });

/** Counts the sessions a graph opens (one per attempt of a read), keeping each session's config. */
function recordSessions(driver: Driver): SessionConfig[] {
  const configs: SessionConfig[] = [];
  const open = driver.session.bind(driver);
  driver.session = (config: SessionConfig = {}) => {
    configs.push(config);
    return open(config);
  };
  return configs;
}

/** Runs long: Neo4j's transaction monitor stops it once the timeout has passed. */
const slowRead = { name: 'testSlowRead', cypher: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n' };
/** Collects far more than the test Neo4j's transaction memory pool (global setup: 256 MiB) holds. */
const bigList = { name: 'testBigList', cypher: 'UNWIND range(1, 50000000) AS x RETURN size(collect(x)) AS n' };

/** What a client sees when a resolver throws this error (graphql-js wraps it, then formatError shapes it). */
function asClientSees(error: unknown) {
  const located = locatedError(error, null, ['field']);
  return formatError({ message: located.message, path: located.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located);
}

describe('errors from Neo4j', () => {
  it('reports a statement that outruns the query timeout as GraphTimeoutError, and QUERY_TIMEOUT to clients', async () => {
    const graph = Graph.connect({ ...testNeo4j(), queryTimeoutMs: 200 });
    try {
      const error = await graph.read(slowRead).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphTimeoutError);
      expect(asClientSees(error).extensions).toMatchObject({ code: 'QUERY_TIMEOUT' });
      expect(asClientSees(error).message).toMatch(/ran past the database's time limit/);
    } finally {
      await graph.close();
    }
  });

  it('answers a mutation stuck behind a lock past the query timeout with QUERY_TIMEOUT over HTTP', async () => {
    const holder = connectTestGraph();
    const graph = Graph.connect({ ...testNeo4j(), queryTimeoutMs: 300 });
    const server = await startTestServer(graph);
    const session = holder.driver.session({ database: 'neo4j' });
    const tx = session.beginTransaction();
    try {
      // Holds Iceland's write lock, which assignTier takes first, until the mutation has timed out.
      await tx.run("MATCH (c:Country {code: 'IS'}) SET c.assignmentLock = true");
      const answer = await post(server.url, {
        query: 'mutation { assignTier(input: {countryCode: "IS", tierId: "tier:ai-diffusion-1", validFrom: "2031-01-01"}) { validFrom } }',
      }, { authorization: 'Bearer s3cret' });
      expect(answer.status).toBe(200);
      expect(answer.json.errors[0].extensions.code).toBe('QUERY_TIMEOUT');
    } finally {
      await tx.rollback();
      await session.close();
      await server.stop();
      await graph.close();
      await holder.close();
    }
  });

  it('answers SERVICE_UNAVAILABLE when no pooled connection comes free within the acquisition timeout', async () => {
    const graph = Graph.connect({ ...testNeo4j(), maxPoolSize: 1, acquisitionTimeoutMs: 300 });
    const server = await startTestServer(graph);
    // The pool's only connection, held by an open transaction.
    const session = graph.driver.session({ database: 'neo4j' });
    const tx = session.beginTransaction();
    try {
      await tx.run('RETURN 1');
      const error = await graph.read({ name: 'testOne', cypher: 'RETURN 1 AS one' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphUnavailableError);
      expect((error as Error).message).toMatch(/no connection came free/);
      const answer = await post(server.url, { query: '{ country(code: "JP") { name } }' });
      expect(answer.json.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await tx.rollback();
      await session.close();
    }
    try {
      // Once the connection is back in the pool, the same request succeeds.
      expect((await post(server.url, { query: '{ country(code: "JP") { name } }' })).json.data.country.name).toBe('Japan');
    } finally {
      await server.stop();
      await graph.close();
    }
  });

  describe('out of memory', () => {
    let graph: Graph;
    beforeAll(() => {
      // The memory pool must fill before the query timeout: beside two busy test suites, 10 s (the default) ran out first.
      graph = Graph.connect({ ...testNeo4j(), maxRetryMs: 5_000, queryTimeoutMs: 120_000 });
    });
    afterAll(() => graph.close());

    it('fails a read at once as GraphMemoryError, RESOURCE_EXHAUSTED to clients, without retrying it', async () => {
      const sessions = recordSessions(graph.driver);
      const error = await graph.read(bigList).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphMemoryError);
      expect(((error as Error).cause as { code: string }).code).toMatch(/^Neo\.TransientError\.General\..*(Memory|OutOfMemory)/);
      expect(sessions).toHaveLength(1);
      const seen = asClientSees(error);
      expect(seen.extensions).toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
      expect(seen.message).not.toMatch(/unavailable/);
    }, 180_000);

    it('fails a write transaction at once, running its work once, not retrying it', async () => {
      let runs = 0;
      const error = await graph.write(async (tx) => {
        runs += 1;
        return tx.run(bigList);
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphMemoryError);
      expect(runs).toBe(1);
    }, 180_000);

    it('leaves Neo4j serving afterwards', async () => {
      expect(await graph.read<{ one: number }>({ name: 'testOne', cypher: 'RETURN 1 AS one' })).toEqual([{ one: 1 }]);
    });
  });

  it('keeps the code of errors that are not from Neo4j', () => {
    const error = new GraphQLError('nope', { extensions: { code: 'FORBIDDEN' } });
    expect(formatError({ message: 'nope', extensions: { code: 'FORBIDDEN' } }, error).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('bookmarks', () => {
  it('opens every session of the service with the driver bookmark manager, so a read after a write sees it', async () => {
    const graph = connectTestGraph();
    const sessions = recordSessions(graph.driver);
    const server = await startTestServer(graph);
    const manager = graph.driver.executeQueryBookmarkManager;
    try {
      for (let round = 1; round <= 5; round += 1) {
        const id = `rule:test-bookmark-${round}`;
        const written = await post(server.url, {
          query: 'mutation ($input: RuleInput!) { upsertRule(input: $input) { id } }',
          variables: { input: { id, title: `Bookmark test ${round}`, kind: 'GUIDANCE' } },
        }, { authorization: 'Bearer s3cret' });
        expect(written.json.data.upsertRule.id).toBe(id);
        // The write's bookmark is in the shared manager, which the next read's session sends.
        expect([...(await manager.getBookmarks())].length).toBeGreaterThan(0);
        const read = await post(server.url, { query: `{ rule(id: "${id}") { title } changes(first: 1) { edges { node { entityIds } } } }` });
        expect(read.json.data.rule.title).toBe(`Bookmark test ${round}`);
        expect(read.json.data.changes.edges[0].node.entityIds).toEqual([id]);
      }
      expect(sessions.length).toBeGreaterThanOrEqual(10);
      for (const config of sessions) expect(config.bookmarkManager).toBe(manager);
    } finally {
      await graph.write((tx) => tx.run({
        name: 'testBookmarkCleanUp',
        cypher: "MATCH (n) WHERE (n:Rule AND n.id STARTS WITH 'rule:test-bookmark-') OR (n:Change AND any(id IN n.entityIds WHERE id STARTS WITH 'rule:test-bookmark-')) DETACH DELETE n",
      }));
      await server.stop();
      await graph.close();
    }
  });
});
