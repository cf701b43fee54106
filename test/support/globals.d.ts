declare global {
  // Set by global setup, read by global teardown (they run in the same process).
  // eslint-disable-next-line no-var
  var __testNeo4j: { stop(): Promise<void>; dataDir: string } | undefined;
}

export {};
