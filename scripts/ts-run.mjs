// Runs a TypeScript script with Node 20, which cannot strip types itself: esbuild bundles the
// script (its npm imports stay external) into node_modules/.cache, then Node imports the bundle.
// Usage: node scripts/ts-run.mjs scripts/NAME.ts [args...]
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/ts-run.mjs scripts/NAME.ts [args...]');
  process.exit(2);
}
const outDir = path.resolve('node_modules/.cache/ts-run');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
process.argv = [process.argv[0], path.resolve(entry), ...args];
await import(pathToFileURL(outfile).href);
