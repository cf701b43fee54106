import { loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('fills defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_BOLT_PORT).toBe(7687);
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.SEED_ON_EMPTY).toBe(true);
  });

  it('reads numbers, booleans and the external Neo4j settings', () => {
    const config = loadConfig({ PORT: '8080', SEED_ON_EMPTY: 'false', NEO4J_URI: 'neo4j://db:7687', NEO4J_PASSWORD: 'pw' });
    expect(config).toMatchObject({ PORT: 8080, SEED_ON_EMPTY: false, NEO4J_URI: 'neo4j://db:7687', NEO4J_PASSWORD: 'pw' });
  });

  it('reads the optional settings and leaves them unset when absent', () => {
    expect(loadConfig({ EDITOR_TOKENS: 'alice:s3cret', INTROSPECTION: 'false' })).toMatchObject({ EDITOR_TOKENS: 'alice:s3cret', INTROSPECTION: false });
    const defaults = loadConfig({});
    expect([defaults.EDITOR_TOKENS, defaults.INTROSPECTION]).toEqual([undefined, undefined]);
  });

  it('reads CORS origins as a list and the cache age as seconds', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example, http://localhost:5173', CACHE_MAX_AGE: '300' })).toMatchObject({
      CORS_ORIGINS: ['https://app.example', 'http://localhost:5173'],
      CACHE_MAX_AGE: 300,
    });
    expect(loadConfig({})).toMatchObject({ CORS_ORIGINS: undefined, CACHE_MAX_AGE: 60 });
  });

  it('refuses an origin with a path, a wildcard, an empty list or a negative cache age', () => {
    for (const origins of ['https://app.example/', 'https://app.example/graphql', '*', 'app.example', ' , ']) {
      expect(() => loadConfig({ CORS_ORIGINS: origins })).toThrow(/CORS_ORIGINS=/);
    }
    expect(() => loadConfig({ CACHE_MAX_AGE: '-1' })).toThrow(/CACHE_MAX_AGE=-1/);
  });

  it('names every bad setting at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_BOLT_PORT: '70000', LOG_LEVEL: 'loud' })).toThrow(
      /PORT=NaN.*NEO4J_BOLT_PORT=70000.*LOG_LEVEL=loud/s,
    );
  });
});
