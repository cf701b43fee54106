import { readFileSync } from 'node:fs';
import path from 'node:path';
import { currentSection, renderQuestions } from '../../src/docs/questions';
import { createTestApp } from '../support/app';

describe('README "Questions analysts ask"', () => {
  it('shows the answers the graph gives now (run `npm run docs:questions` to refresh)', async () => {
    const app = await createTestApp();
    try {
      const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
      expect(currentSection(readme)).toBe(await renderQuestions((query) => app.execute(query)));
    } finally {
      await app.close();
    }
    // Nineteen questions, each several statements: minutes on a machine whose cores are busy.
  }, 300_000);
});
