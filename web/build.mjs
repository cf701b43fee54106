// Builds the explorer (web/) into dist-web/: everything bundled, nothing loaded from another host.
// Every file under assets/ has a hash of its content in its name, so the server can let browsers keep it
// for good (Cache-Control: immutable); the two HTML pages, which name them, are always revalidated.
// `npm run build` runs it after tsc; it prints the JavaScript sizes the README reports.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
};

/** A copy of `file` in assets/ named after its content, as esbuild names its outputs; returns its URL path. */
async function hashedCopy(file, name) {
  const bytes = await readFile(file);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const [base, ext] = name.split(/\.(?=[^.]+$)/);
  await writeFile(path.join(assets, `${base}-${hash}.${ext}`), bytes);
  return `assets/${base}-${hash}.${ext}`;
}

/** The URL path (relative to dist-web/) of the output built from `entry`, and of the CSS it imported. */
function outputOf(result, entry, ext = '.js') {
  const [file, output] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === entry || o.entryPoint?.endsWith(`node_modules/${entry}`));
  const wanted = ext === '.js' ? file : output.cssBundle;
  return path.relative(out, path.join(root, wanted)).split(path.sep).join('/');
}

await rm(out, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

const atlas = await hashedCopy(require.resolve('world-atlas/countries-50m.json'), 'countries-50m.json');
const style = await hashedCopy(path.join(root, 'web', 'style.css'), 'style.css');
// GraphiQL's editor (Monaco) runs its language services in these workers; GraphiQL is told their hashed names.
const workerEntries = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
};
const workerBuild = await build({ ...common, entryPoints: Object.fromEntries(Object.entries(workerEntries).map(([label, entry]) => [`${label}.worker`, entry])), format: 'iife', outdir: path.join(assets, 'workers') });
const workers = Object.fromEntries(Object.entries(workerEntries).map(([label, entry]) => [label, outputOf(workerBuild, entry)]));

const [explorer, graphiql] = await Promise.all([
  // The explorer page; mermaid is imported only by the lineage view, so it lands in chunks of its own.
  build({ ...common, entryPoints: { app: 'web/src/main.ts' }, format: 'esm', splitting: true, outdir: assets, chunkNames: 'chunks/[name]-[hash]', define: { ...common.define, __ATLAS_URL__: JSON.stringify(atlas) } }),
  build({ ...common, entryPoints: { graphiql: 'web/src/graphiql.tsx' }, format: 'esm', outdir: assets, jsx: 'automatic', loader: { '.ttf': 'file' }, define: { ...common.define, __WORKERS__: JSON.stringify(workers) } }),
]);

/** Copies an HTML page, pointing it at the hashed names. */
async function page(name, replacements) {
  let html = await readFile(path.join(root, 'web', name), 'utf8');
  for (const [from, to] of Object.entries(replacements)) {
    if (!html.includes(from)) throw new Error(`web/${name} does not name ${from}`);
    html = html.replace(from, to);
  }
  await writeFile(path.join(out, name), html);
}
await page('index.html', { 'assets/app.js': outputOf(explorer, 'web/src/main.ts'), 'style.css': style });
await page('graphiql.html', { 'assets/graphiql.js': outputOf(graphiql, 'web/src/graphiql.tsx'), 'assets/graphiql.css': outputOf(graphiql, 'web/src/graphiql.tsx', '.css') });

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
console.log(`graphiql: ${await jsSize(graphiql.metafile, { entry: 'web/src/graphiql.tsx' })} plus Monaco workers (${await jsSize(workerBuild.metafile, { all: true })})`);
