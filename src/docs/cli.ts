import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import { loadConfig } from '../config';
import { Editors } from '../domain/editor/editors';
import { createContext } from '../graphql/context';
import { createSchema } from '../graphql/schema';
import { apolloOptionsFrom, createApollo } from '../http/server';
import { createLogger } from '../logger';
import { connectNeo4j } from '../neo4j/connect';
import { renderQuestions, replaceSection } from './questions';

/** `npm run docs:questions`: runs the README's questions against the configured Neo4j and writes the answers in. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const neo4j = await connectNeo4j(config, logger);
  const apollo = createApollo(await createSchema(), apolloOptionsFrom(config, logger));
  await apollo.start();
  try {
    const section = await renderQuestions(async (query) => {
      const response = await apollo.executeOperation({ query }, { contextValue: createContext(neo4j.graph, 'docs', Editors.parse('')) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult;
    });
    const readme = path.join(projectRoot, 'README.md');
    writeFileSync(readme, replaceSection(readFileSync(readme, 'utf8'), section));
    console.log('README.md: questions section rewritten');
  } finally {
    await apollo.stop();
    await neo4j.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
