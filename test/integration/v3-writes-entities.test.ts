import { NamedQuery } from '../../src/neo4j/graph';
import { createTestApp, TestApp } from '../support/app';

const ALICE = 'Bearer s3cret';

/** This file's sources are source:test-we-...; none of the seed's can collide. */
const cleanUp: NamedQuery = {
  name: 'testV3EntityWritesCleanUp',
  cypher: `
CALL { MATCH (s:Source) WHERE s.id STARTS WITH 'source:test-we' DETACH DELETE s }
CALL { MATCH (c:Change) WHERE any(id IN c.entityIds WHERE id STARTS WITH 'source:test-we') DETACH DELETE c }`,
};

const UPSERT_SOURCE = `mutation ($input: SourceInput!) {
  upsertSource(input: $input) { id title kind publisher url publishedOn note }
}`;

describe('v3 writes: upsertSource', () => {
  let app: TestApp;

  async function written(id: string): Promise<{ sources: number; changes: number }> {
    const [row] = await app.graph.read<{ sources: number; changes: number }>({
      name: 'testV3EntityWritesWritten',
      cypher: 'RETURN COUNT { (:Source {id: $id}) } AS sources, COUNT { (c:Change) WHERE $id IN c.entityIds } AS changes',
    }, { id });
    return row;
  }

  beforeAll(async () => {
    app = await createTestApp();
    await app.graph.write((tx) => tx.run(cleanUp));
  });
  afterAll(async () => {
    await app.graph.write((tx) => tx.run(cleanUp));
    await app.close();
  });

  const input = { title: 'Test WE Press Release', kind: 'PRESS_RELEASE', publisher: 'Test office', url: 'https://example.org/test-we', publishedOn: '2030-03-01' };

  it('refuses without a token, with a bad kind, url, id or title, writing nothing', async () => {
    const cases: [Record<string, unknown>, string | undefined, string, string | undefined][] = [
      [input, undefined, 'UNAUTHENTICATED', undefined],
      [{ ...input, kind: 'RUMOUR' }, ALICE, 'BAD_USER_INPUT', 'input.kind'],
      [{ ...input, url: 'javascript:alert(1)' }, ALICE, 'BAD_USER_INPUT', 'input.url'],
      [{ ...input, id: 'rule:test-we-press-release' }, ALICE, 'BAD_USER_INPUT', 'input.id'],
      [{ ...input, title: '!!!' }, ALICE, 'BAD_USER_INPUT', 'input.title'],
    ];
    for (const [given, token, code, argumentName] of cases) {
      const result = await app.execute(UPSERT_SOURCE, { input: given }, token);
      expect(result.errors?.[0].extensions?.code).toBe(code);
      if (argumentName) expect((result.errors?.[0].extensions?.argumentName as string | undefined ?? (result.errors?.[0].extensions?.invalidFields as string[] | undefined)?.[0])?.replace(/^input\./, "")).toBe(argumentName.replace(/^input\./, ""));
      expect(result.data ?? null).toBeNull();
    }
    expect(await written('source:test-we-press-release')).toEqual({ sources: 0, changes: 0 });
  });

  it('creates with an id from the title, reads it back, and records one Change for a repeat', async () => {
    const first = await app.execute(UPSERT_SOURCE, { input }, ALICE);
    expect(first.errors).toBeUndefined();
    expect(first.data!.upsertSource).toEqual({ id: 'source:test-we-press-release', ...input, note: null });
    expect((await app.execute(UPSERT_SOURCE, { input }, ALICE)).errors).toBeUndefined();
    expect(await written('source:test-we-press-release')).toEqual({ sources: 1, changes: 1 });
    const read = await app.execute('{ source(id: "source:test-we-press-release") { title kind } }');
    expect(read.data!.source).toEqual({ title: input.title, kind: 'PRESS_RELEASE' });
  });

  it('updates by id, setting only what the input gives', async () => {
    const updated = await app.execute(UPSERT_SOURCE, { input: { id: 'source:test-we-press-release', title: input.title, kind: 'ARTICLE', note: 'Moved.' } }, ALICE);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.upsertSource).toEqual({ id: 'source:test-we-press-release', ...input, kind: 'ARTICLE', note: 'Moved.' });
    expect(await written('source:test-we-press-release')).toEqual({ sources: 1, changes: 2 });
  });

  it('never overwrites a different source whose id the title gives: CONFLICT, nothing written', async () => {
    const clash = await app.execute(UPSERT_SOURCE, { input: { ...input, title: 'Test WE: press release!' } }, ALICE);
    expect(clash.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.title' });
    const read = await app.execute('{ source(id: "source:test-we-press-release") { title kind } }');
    expect(read.data!.source).toEqual({ title: input.title, kind: 'ARTICLE' });
    expect(await written('source:test-we-press-release')).toEqual({ sources: 1, changes: 2 });
  });
});
