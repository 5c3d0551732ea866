/** Builds dist/chrome and dist/firefox: validated story, bundled scripts, static files, manifests. */
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { candidateSource } from '../../src/shared/detect-topic';
import type { Story } from '../../src/shared/story';
import { validateStory } from './validate-story';
import { builtStoryMessages, englishWords } from '../../src/shared/story-messages';
import { readTranslation } from './story-translation';
import { manifestFor, type Target } from './manifest';
import { minifyCss, minifyCssPlugin } from './minify-css-plugin';
import { DIST, ROOT, distFor, listFiles } from './paths';
import { ARTICLE, checkEvidence, readArticle } from './story-evidence';

const ENTRIES = {
  // The manifest's content script, on every page; the background injects the full stage where it may be needed.
  'first-stage': 'src/content/first-stage/index.ts',
  'full-stage': 'src/content/full-stage/index.ts',
  background: 'src/background/index.ts',
  'popup/popup': 'src/popup/index.ts',
  'options/options': 'src/options/index.ts',
};
const STATIC: [string, string][] = [
  ['src/popup/popup.html', 'popup/popup.html'],
  ['src/popup/popup.css', 'popup/popup.css'],
  ['src/content/marks/marks.css', 'content.css'],
  ['src/options/options.html', 'options/options.html'],
  ['src/options/options.css', 'options/options.css'],
];
const ICON_SIZES = [16, 32, 48, 128];

/**
 * The full stage reads the story's words as messages, so it gets story.json without them: the
 * earlier year, the entities' ids and aliases, and empty strings that keep the
 * number of summary sentences and key points. Other contexts import story.json whole.
 */
const pageStoryPlugin: Plugin = {
  name: 'story-without-prose-for-the-full-stage',
  setup(build) {
    build.onResolve({ filter: /story\/story\.json$/ }, (args) =>
      args.importer.includes(`${path.sep}src${path.sep}content${path.sep}`)
        ? { path: path.resolve(args.resolveDir, args.path), namespace: 'page-story' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'page-story' }, (args) => {
      const story = JSON.parse(readFileSync(args.path, 'utf8')) as Story;
      const stripped = {
        earlier: { year: story.earlier.year },
        summary: story.summary.map(() => ''),
        keyPoints: story.keyPoints.map(() => ''),
        entities: story.entities.map(({ id, aliases }) => ({ id, aliases })),
      };
      return { contents: JSON.stringify(stripped), loader: 'json' };
    });
  },
};

/** The virtual module that gives the first stage its pattern (src/content/candidate.ts) as a regular-expression literal. */
const CANDIDATE_MODULE = 'backstory:candidate';

/**
 * Makes the first stage's pattern from the detector's terms. esbuild's `define` takes only JSON,
 * and a string given to RegExp() costs the first stage's 2 KB a backslash per escape and the call.
 */
const candidatePlugin: Plugin = {
  name: 'candidate-pattern-literal',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^${CANDIDATE_MODULE}$`) }, (args) => ({ path: args.path, namespace: 'candidate' }));
    build.onLoad({ filter: /.*/, namespace: 'candidate' }, () => ({
      contents: `export const __BACKSTORY_CANDIDATE__ = ${new RegExp(candidateSource(), 'i')};`,
      loader: 'js',
    }));
  },
};

/**
 * src/_locales with the story's words added to each language's messages: English from story.json,
 * every other language from src/story/translations/<lang>.json, which must exist and keep the
 * story's facts (story-translation.ts). A key both in a UI file and among the story's words is an error.
 */
export function writeLocales(story: Story, into: string, root = ROOT): void {
  cpSync(path.join(root, 'src/_locales'), path.join(into, '_locales'), { recursive: true });
  for (const language of readdirSync(path.join(root, 'src/_locales')).sort()) {
    const file = path.join(into, '_locales', language, 'messages.json');
    const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    let words = englishWords(story);
    if (language !== 'en') {
      const translation = path.join(root, 'src/story/translations', `${language}.json`);
      const name = path.relative(root, translation);
      if (!existsSync(translation)) throw new Error(`src/_locales/${language} has no translation of the story: write ${name} (see docs/architecture.md)`);
      words = readTranslation(translation, story, name);
    }
    const added = builtStoryMessages(story, words, language);
    const clash = Object.keys(added).find((key) => key in messages);
    if (clash) throw new Error(`src/_locales/${language}/messages.json already has "${clash}", a key the story's words use`);
    writeFileSync(file, `${JSON.stringify({ ...messages, ...added }, null, 2)}\n`);
  }
}

/**
 * Reads and checks src/story/story.json, its evidence included (see story-evidence.ts); throws a
 * message naming the bad field, or listing every statement its evidence does not back. Where the
 * article is not beside the project (a clone without ../shared) the spans cannot be compared with
 * it: the build says so and checks the rest.
 */
export function checkStory(file = path.join(ROOT, 'src/story/story.json')): Story {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${path.relative(ROOT, file)} is not valid JSON: ${(error as Error).message}`);
  }
  const story = validateStory(data);
  const article = readArticle(ROOT);
  if (article === null)
    console.warn(
      `story.json: ${ARTICLE} not found, so its evidence was not compared with the article (names, numbers and dates were checked against the evidence)`,
    );
  const problems = checkEvidence(story, article);
  if (problems.length > 0)
    throw new Error(`story.json: evidence does not back ${problems.length === 1 ? 'a statement' : 'these statements'}:\n  ${problems.join('\n  ')}`);
  return story;
}

/** Sizes in bytes of every file of a built extension, keyed by path inside it. */
export function fileSizes(dir: string): Record<string, number> {
  return Object.fromEntries(listFiles(dir).map((rel) => [rel, statSync(path.join(dir, rel)).size]));
}

/**
 * A short hash of everything the build reads: the popup compares it with the one the first stage
 * left in a page, to tell a page the running build looked at from one an earlier build did. The
 * same sources give the same hash, so a rebuild stays byte-identical.
 */
export function buildId(): string {
  const hash = createHash('sha256');
  for (const file of ['manifest.json', 'package.json', ...listFiles(path.join(ROOT, 'src')).map((rel) => path.join('src', rel))].sort()) {
    hash
      .update(file.split(path.sep).join('/'))
      .update('\0')
      .update(readFileSync(path.join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

export interface BuildOptions {
  /** Where to write the chrome/ and firefox/ folders (default dist/, emptied first). */
  into?: string;
}

/** Builds both browsers' unpacked extensions and returns their folders. */
export async function buildExtension(options: BuildOptions = {}): Promise<Record<Target, string>> {
  const story = checkStory();
  const source = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  const into = options.into ?? DIST;
  const staging = path.join(into, '.staging');
  rmSync(into, { recursive: true, force: true });
  const target = ['chrome120', 'firefox140'];
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([out, src]) => [out, src])),
    outdir: staging,
    bundle: true,
    format: 'iife',
    minify: true,
    target,
    legalComments: 'none',
    plugins: [minifyCssPlugin, pageStoryPlugin, candidatePlugin],
    // The first stage's pattern is made from the detector's terms (src/content/candidate.ts).
    inject: [CANDIDATE_MODULE],
    define: { __BACKSTORY_BUILD__: JSON.stringify(buildId()) },
    charset: 'utf8',
    logLevel: 'warning',
  });
  for (const [from, to] of STATIC) {
    mkdirSync(path.dirname(path.join(staging, to)), { recursive: true });
    if (from.endsWith('.css')) {
      // Stylesheets ship minified like the scripts (content.css is injected into every page).
      const { code, warnings } = await minifyCss(readFileSync(path.join(ROOT, from), 'utf8'), target, from);
      for (const warning of warnings) console.warn(`${from}: ${warning.text}`);
      writeFileSync(path.join(staging, to), `${code}\n`);
    } else cpSync(path.join(ROOT, from), path.join(staging, to));
  }
  writeLocales(story, staging);
  mkdirSync(path.join(staging, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) cpSync(path.join(ROOT, `icons/icon-${size}.png`), path.join(staging, `icons/icon-${size}.png`));
  const out = {} as Record<Target, string>;
  for (const target of ['chrome', 'firefox'] as const) {
    const dir = options.into ? path.join(options.into, target) : distFor(target);
    cpSync(staging, dir, { recursive: true });
    writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(source, target), null, 2)}\n`);
    out[target] = dir;
  }
  rmSync(staging, { recursive: true, force: true });
  return out;
}
