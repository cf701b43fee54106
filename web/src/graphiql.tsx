import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { QUESTIONS } from '../../src/docs/questions';

/** Monaco's workers by label, under their content-hashed names (web/build.mjs defines this). */
declare const __WORKERS__: Record<'editor' | 'json' | 'graphql', string>;

// Monaco's language services run in workers built next to this bundle (web/build.mjs), not fetched from a CDN.
Object.assign(globalThis, {
  MonacoEnvironment: { getWorker: (_id: string, label: string) => new Worker(__WORKERS__[label as 'json' | 'graphql'] ?? __WORKERS__.editor) },
});

// createGraphiQLFetcher posts application/json, which Apollo's CSRF prevention accepts.
const fetcher = createGraphiQLFetcher({ url: 'graphql' });

/** An operation name from the question's first words, so each tab has a title. */
const operationName = (question: string) =>
  question.replace(/[^A-Za-z0-9 ]/g, '').split(' ').slice(0, 5).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');

/** The README's analyst questions, one tab each. */
const defaultTabs = QUESTIONS.map(({ question, query }) => ({ query: `# ${question}\nquery ${operationName(question)} ${query}\n` }));

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultTabs={defaultTabs} />);
