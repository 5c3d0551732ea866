// Runs a TypeScript script with Node 20, which cannot strip types itself: esbuild bundles the
// script (its npm imports stay external) into node_modules/.cache, then Node imports the bundle.
// Usage: node scripts/ts-run.mjs scripts/NAME.ts [args...]
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/ts-run.mjs scripts/NAME.ts [args...]');
  process.exit(2);
}
const outDir = path.resolve('node_modules/.cache/ts-run');
mkdirSync(outDir, { recursive: true });
// The cache may be shared by several checkouts (git worktrees linking one node_modules): name the
// bundle after the entry's absolute path so two checkouts running the same script never swap bundles.
const tag = createHash('sha256').update(path.resolve(entry)).digest('hex').slice(0, 10);
const outfile = path.join(outDir, `${path.basename(entry, '.ts')}-${tag}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  // The build defines the first stage's pattern; a script gets it from the detector's terms.
  inject: [fileURLToPath(new URL('lib/candidate-global.ts', import.meta.url))],
  logLevel: 'warning',
});
process.argv = [process.argv[0], path.resolve(entry), ...args];
await import(pathToFileURL(outfile).href);
