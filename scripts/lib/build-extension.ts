/** Builds dist/chrome and dist/firefox: validated story, bundled scripts, static files, manifests. */
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateStory } from '../../src/shared/story';
import { manifestFor, type Target } from './manifest';
import { minifyCssPlugin } from './minify-css-plugin';
import { DIST, ROOT, distFor } from './paths';

const ENTRIES = {
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  'popup/popup': 'src/popup/index.ts',
  'options/options': 'src/options/index.ts',
};
const STATIC: [string, string][] = [
  ['src/popup/popup.html', 'popup/popup.html'],
  ['src/popup/popup.css', 'popup/popup.css'],
  ['src/content/marks.css', 'content.css'],
  ['src/options/options.html', 'options/options.html'],
  ['src/options/options.css', 'options/options.css'],
];
const ICON_SIZES = [16, 32, 48, 128];

/** Reads and checks src/story/story.json; throws a message naming the bad field. */
export function checkStory(): void {
  const file = path.join(ROOT, 'src/story/story.json');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`src/story/story.json is not valid JSON: ${(error as Error).message}`);
  }
  validateStory(data);
}

/** Sizes in bytes of every file of a built extension, keyed by path inside it. */
export function fileSizes(dir: string, prefix = ''): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(sizes, fileSizes(full, `${prefix}${name}/`));
    else sizes[`${prefix}${name}`] = statSync(full).size;
  }
  return sizes;
}

/** Builds both browsers' unpacked extensions and returns their folders. */
export async function buildExtension(): Promise<Record<Target, string>> {
  checkStory();
  const source = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  const staging = path.join(DIST, '.staging');
  rmSync(DIST, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([out, src]) => [out, src])),
    outdir: staging,
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['chrome120', 'firefox140'],
    legalComments: 'none',
    plugins: [minifyCssPlugin],
    charset: 'utf8',
    logLevel: 'warning',
  });
  for (const [from, to] of STATIC) {
    mkdirSync(path.dirname(path.join(staging, to)), { recursive: true });
    cpSync(path.join(ROOT, from), path.join(staging, to));
  }
  cpSync(path.join(ROOT, 'src/_locales'), path.join(staging, '_locales'), { recursive: true });
  mkdirSync(path.join(staging, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) cpSync(path.join(ROOT, `icons/icon-${size}.png`), path.join(staging, `icons/icon-${size}.png`));
  const out = {} as Record<Target, string>;
  for (const target of ['chrome', 'firefox'] as const) {
    const dir = distFor(target);
    cpSync(staging, dir, { recursive: true });
    writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(source, target), null, 2)}\n`);
    out[target] = dir;
  }
  rmSync(staging, { recursive: true, force: true });
  return out;
}
