// Builds the explorer (web/) into dist-web/: everything bundled, nothing loaded from another host.
// `npm run build` runs it after tsc; it prints the JavaScript sizes the README reports.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist-web');
const assets = path.join(out, 'assets');
const require = createRequire(import.meta.url);

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  target: 'es2022',
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
};

await rm(out, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

const [explorer, graphiql] = await Promise.all([
  // The explorer page; mermaid is imported only by the lineage view, so it lands in chunks of its own.
  build({ ...common, entryPoints: { app: 'web/src/main.ts' }, format: 'esm', splitting: true, outdir: assets, chunkNames: 'chunks/[name]-[hash]' }),
  build({ ...common, entryPoints: { graphiql: 'web/src/graphiql.tsx' }, format: 'esm', outdir: assets, jsx: 'automatic', loader: { '.ttf': 'file' } }),
  // GraphiQL's editor (Monaco) runs its language services in these workers.
  build({
    ...common,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    format: 'iife',
    outdir: path.join(assets, 'workers'),
  }),
]);

for (const file of ['index.html', 'graphiql.html', 'style.css']) await copyFile(path.join(root, 'web', file), path.join(out, file));
await copyFile(require.resolve('world-atlas/countries-50m.json'), path.join(assets, 'countries-50m.json'));

/** Bytes (raw and gzipped) of an entry and the chunks it imports statically, or of every JS output. */
async function jsSize(metafile, { entry, all = false }) {
  const outputs = metafile.outputs;
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of outputs[file].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  if (all) Object.keys(outputs).filter((file) => file.endsWith('.js')).forEach((file) => files.add(file));
  else visit(Object.keys(outputs).find((file) => outputs[file].entryPoint === entry));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(path.join(root, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return `${(raw / 1024).toFixed(0)} KiB (${(gzip / 1024).toFixed(0)} KiB gzipped)`;
}

console.log(`explorer: ${await jsSize(explorer.metafile, { entry: 'web/src/main.ts' })} on load, ${await jsSize(explorer.metafile, { all: true })} with the lineage view's mermaid chunks`);
console.log(`graphiql: ${await jsSize(graphiql.metafile, { entry: 'web/src/graphiql.tsx' })} plus Monaco workers`);
