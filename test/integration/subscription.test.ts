import { Client, createClient } from 'graphql-ws/client';
import WebSocket from 'ws';
import { Editors } from '../../src/domain/editor/editors';
import { createSchema } from '../../src/graphql/schema';
import { RunningServer, startServer } from '../../src/http/server';
import { Graph } from '../../src/neo4j/graph';
import { connectTestGraph, testApolloOptions } from '../support/app';
import { post } from '../support/server';

const ALICE = 'Bearer s3cret';
const ALLOWED_ORIGIN = 'https://allowed.example';

/** Everything this file writes is a rule named rule:test-live-..., and the Changes; removed afterwards. */
const cleanUp = {
  name: 'testCleanUp',
  cypher: `CALL { MATCH (n) WHERE n:Change OR (n:Rule AND n.id STARTS WITH 'rule:test-live-') DETACH DELETE n }`,
};

interface Fed {
  id: string;
  position: string;
  operation: string;
  entityIds: string[];
  editor: string;
}

const CHANGED = `subscription ($after: String, $entity: String, $relations: [String!]) {
  changed(after: $after, entity: $entity, relations: $relations) { id position operation entityIds editor }
}`;

async function start(graph: Graph, overrides: Partial<Parameters<typeof startServer>[0]> = {}): Promise<RunningServer> {
  return startServer(
    {
      ...testApolloOptions(),
      corsOrigins: [ALLOWED_ORIGIN],
      graph,
      schema: await createSchema(),
      editors: Editors.parse('alice:s3cret'),
      subscriptions: { pollIntervalMs: 20, maxSubscriptionsPerConnection: 2, maxConnectionsPerClient: 6 },
      ...overrides,
    },
    0,
    '127.0.0.1',
  );
}

const wsUrl = (server: RunningServer) => server.url.replace(/^http/, 'ws');

describe('Subscription.changed over graphql-ws', () => {
  let graph: Graph;
  let server: RunningServer;
  const clients: Client[] = [];
  let version = 0;

  beforeAll(async () => {
    graph = connectTestGraph();
    server = await start(graph);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => {
    await server.stop();
    await graph.write((tx) => tx.run(cleanUp));
    await graph.close();
  });

  function client(authorization?: string): Client {
    const made = createClient({
      url: wsUrl(server),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: authorization ? { authorization } : undefined,
    });
    clients.push(made);
    return made;
  }

  /** Upserts a test rule through the HTTP mutation (each with a new title, so each records a Change); returns its title. */
  async function write(n: number, named?: string): Promise<string> {
    version += 1;
    const title = named ?? `Live feed rule ${n} version ${version}`;
    const response = await post(
      server.url,
      { query: 'mutation ($input: RuleInput!) { upsertRule(input: $input) { id } }', variables: { input: { id: `rule:test-live-${n}`, title, kind: 'GUIDANCE' } } },
      { authorization: ALICE },
    );
    expect(response.json.errors).toBeUndefined();
    return title;
  }

  /**
   * The position of the last change committed. Read from the counter, not from the newest Change:
   * other suites delete their Changes when they clean up, while positions go on from the counter.
   */
  async function latest(): Promise<number> {
    const [row] = await graph.read<{ last: number }>({ name: 'testLatestPosition', cypher: "MATCH (s:ChangeSequence {id: 'changes'}) RETURN s.last AS last" });
    return Number(row?.last ?? 0);
  }

  /** The first `count` changes a subscription delivers. */
  async function take(iterator: AsyncIterableIterator<any>, count: number): Promise<Fed[]> {
    const taken: Fed[] = [];
    while (taken.length < count) {
      const { value, done } = await iterator.next();
      if (done) throw new Error(`the subscription ended after ${taken.length} changes`);
      expect(value.errors).toBeUndefined();
      taken.push(value.data.changed);
    }
    return taken;
  }

  /** The errors an operation ends with, whether sent as a result with errors or as an error message. */
  async function errorsOf(iterator: AsyncIterableIterator<any>): Promise<{ message: string; extensions?: Record<string, unknown> }[]> {
    try {
      const { value } = await iterator.next();
      return value?.errors ?? [];
    } catch (errors) {
      return errors as never;
    }
  }

  const positions = (changes: Fed[]) => changes.map((change) => Number(change.position));
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

  it('delivers exactly the N writes after `after`, in position order', async () => {
    const from = await latest();
    const changes = client().iterate({ query: CHANGED, variables: { after: String(from) } });
    for (let n = 1; n <= 5; n += 1) await write(n);
    const got = await take(changes, 5);
    expect(positions(got)).toEqual(range(from + 1, 5));
    expect(got.map((change) => change.entityIds)).toEqual(range(1, 5).map((n) => [`rule:test-live-${n}`]));
    expect(got.every((change) => change.operation === 'upsertRule' && change.editor === 'alice')).toBe(true);
    expect(new Set(got.map((change) => change.id)).size).toBe(5);
  });

  it('replays the backlog from an older position, then live changes, with no gap or duplicate', async () => {
    const from = await latest();
    for (let n = 1; n <= 4; n += 1) await write(n);
    const changes = client().iterate({ query: CHANGED, variables: { after: String(from) } });
    const backlog = await take(changes, 4);
    for (let n = 5; n <= 7; n += 1) await write(n);
    const live = await take(changes, 3);
    expect(positions([...backlog, ...live])).toEqual(range(from + 1, 7));
    expect([...backlog, ...live].map((change) => change.entityIds[0])).toEqual(range(1, 7).map((n) => `rule:test-live-${n}`));
  });

  it('replays more than one page of backlog in order (the feed reads 100 at a time)', async () => {
    const from = await latest();
    for (let n = 0; n < 101; n += 1) await write(100 + (n % 3));
    const got = await take(client().iterate({ query: CHANGED, variables: { after: String(from) } }), 101);
    expect(positions(got)).toEqual(range(from + 1, 101));
  });

  it('narrows to an entity by id and by name, and to operations', async () => {
    const from = await latest();
    // A name no other rule shares a word with, so it resolves to this rule alone.
    const title = await write(20, 'Zephyrine quota notice');
    await write(21);
    // An id or name resolves when the subscription starts, to what exists then.
    const byId = client().iterate({ query: CHANGED, variables: { after: String(from), entity: 'rule:test-live-21' } });
    const byName = client().iterate({ query: CHANGED, variables: { after: String(from), entity: title } });
    await write(21);
    await write(22);
    await write(21);
    await write(20, 'Zephyrine quota notice (amended)');
    const sentinel = await latest();
    await write(21);
    const onlyTwentyOne = await take(byId, 4);
    expect(onlyTwentyOne.map((change) => change.entityIds)).toEqual(Array(4).fill(['rule:test-live-21']));
    expect(positions(onlyTwentyOne)).toEqual([from + 2, from + 3, from + 5, sentinel + 1]);
    const onlyTwenty = await take(byName, 2);
    expect(positions(onlyTwenty)).toEqual([from + 1, from + 6]);

    const upserts = client().iterate({ query: CHANGED, variables: { after: String(from), relations: ['upsertRule'] } });
    expect(positions(await take(upserts, 7))).toEqual(range(from + 1, 7));
  });

  it('refuses an unknown relation, an entity nothing matches and a bad position, with codes', async () => {
    const unknown = await errorsOf(client().iterate({ query: CHANGED, variables: { relations: ['upsertRule', 'PART_OF'] } }));
    expect(unknown[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'relations' });
    const missing = await errorsOf(client().iterate({ query: CHANGED, variables: { entity: 'rule:test-live-does-not-exist' } }));
    expect(missing[0].extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'entity' });
    const nameless = await errorsOf(client().iterate({ query: CHANGED, variables: { entity: '!!!' } }));
    expect(nameless[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const badAfter = await errorsOf(client().iterate({ query: CHANGED, variables: { after: 'yesterday' } }));
    expect(badAfter[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('validates and prices documents before they start, as over HTTP', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: countries(first: 100) { edges { node { code tierAssignments { validFrom } } } }`).join(' ');
    const costly = await errorsOf(client().iterate({ query: `{ ${aliases} }` }));
    expect(costly[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 50000 });
    const invalid = await errorsOf(client().iterate({ query: 'subscription { changed { nope } }' }));
    expect(invalid[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const twoRoots = await errorsOf(client().iterate({ query: 'subscription { changed { id } again: changed { id } }' }));
    expect(twoRoots[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });

    // A subscription document is priced too: with a budget of 0, even the smallest one is refused.
    const strict = await start(graph, { limits: { maxDepth: 10, maxCost: 0 } });
    const strictClient = createClient({ url: wsUrl(strict), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const refused = await errorsOf(strictClient.iterate({ query: 'subscription { changed { id } }' }));
      expect(refused[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 1, limit: 0 });
    } finally {
      await strictClient.dispose();
      await strict.stop();
    }
  });

  it('keeps subscriptions off HTTP POST', async () => {
    const response = await post(server.url, { query: 'subscription { changed { id } }' });
    expect(response.json.data ?? null).toBeNull();
    expect(response.json.errors?.[0].extensions?.code).toEqual(expect.any(String));
  });

  it('takes the editor token from connectionParams: writes over the socket need it, reads do not', async () => {
    const mutation = { query: 'mutation { upsertRule(input: {id: "rule:test-live-30", title: "Live feed socket write", kind: GUIDANCE}) { id } }' };
    expect((await errorsOf(client().iterate(mutation)))[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const { value } = await client(ALICE).iterate(mutation).next();
    expect(value).toMatchObject({ data: { upsertRule: { id: 'rule:test-live-30' } } });
  });

  it('bounds subscriptions per connection with a coded error', async () => {
    const one = client();
    const from = String(await latest());
    const first = one.iterate({ query: CHANGED, variables: { after: from } });
    const second = one.iterate({ query: CHANGED, variables: { after: from } });
    await write(40);
    await take(first, 1);
    await take(second, 1);
    const third = await errorsOf(one.iterate({ query: CHANGED, variables: { after: from } }));
    expect(third[0].extensions).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: 2 });
  });

  /** Opens a raw socket; resolves with 'open' or the HTTP status it was refused with. */
  function upgrade(headers: Record<string, string> = {}, path = '/graphql'): Promise<{ outcome: number | 'open'; socket: WebSocket; body: string }> {
    const socket = new WebSocket(wsUrl(server).replace('/graphql', path), 'graphql-transport-ws', { headers });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve({ outcome: 'open', socket, body: '' }));
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ outcome: response.statusCode ?? 0, socket, body }));
      });
      socket.once('error', reject);
    });
  }

  it('refuses an upgrade from an origin CORS_ORIGINS does not list; allows listed, same-origin and origin-less clients', async () => {
    const evil = await upgrade({ origin: 'https://evil.example' });
    expect(evil.outcome).toBe(403);
    expect(JSON.parse(evil.body).errors[0].extensions.code).toBe('FORBIDDEN_ORIGIN');
    const opened = [await upgrade({ origin: ALLOWED_ORIGIN }), await upgrade({ origin: `http://127.0.0.1:${server.port}` }), await upgrade()];
    expect(opened.map((socket) => socket.outcome)).toEqual(['open', 'open', 'open']);
    opened.forEach(({ socket }) => socket.close());
    expect((await upgrade({}, '/elsewhere')).outcome).toBe(404);
  });

  it('bounds connections per client, refusing one more with 429', async () => {
    const opened = [];
    for (let i = 0; i < 6; i += 1) opened.push(await upgrade());
    expect(opened.every((socket) => socket.outcome === 'open')).toBe(true);
    const over = await upgrade();
    expect(over.outcome).toBe(429);
    expect(JSON.parse(over.body).errors[0].extensions.code).toBe('TOO_MANY_CONNECTIONS');
    await Promise.all(opened.map(({ socket }) => new Promise((resolve) => {
      socket.once('close', resolve);
      socket.close();
    })));
    const again = await upgrade();
    expect(again.outcome).toBe('open');
    again.socket.close();
  });

  it('stops cleanly with subscriptions open: their sockets close', async () => {
    const other = await start(graph);
    let connected!: () => void;
    const watching = new Promise<void>((resolve) => { connected = resolve; });
    const socketClosed = new Promise<number>((resolve) => {
      const watcher = createClient({
        url: wsUrl(other), webSocketImpl: WebSocket, retryAttempts: 0,
        on: { connected: () => connected(), closed: (event) => resolve((event as { code: number }).code) },
      });
      const changes = watcher.iterate({ query: CHANGED });
      void changes.next().catch(() => undefined);
    });
    const subscribed = createClient({ url: wsUrl(other), webSocketImpl: WebSocket, retryAttempts: 0 });
    const from = String(await latest());
    const live = subscribed.iterate({ query: CHANGED, variables: { after: from } });
    await write(50);
    await take(live, 1);
    // On a loaded machine the watcher may not have connected yet: the server must be stopped under an open socket.
    await watching;
    await other.stop();
    expect(await socketClosed).toBe(1001);
    // The live subscription ends (completed or failed), never hangs.
    expect(await live.next().then((result) => result.done, () => true)).toBe(true);
    await subscribed.dispose();
  });
});
