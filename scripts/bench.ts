// npm run bench [-- --quick] [--huge] [--browser=chromium|firefox] [--ext=DIR | --ab=DIR_A,DIR_B]:
// the extension's own main-thread time in real headless Chromium and Firefox, measured from outside
// by profiler attribution (split into the first stage's and the full stage's), on generated pages,
// a busy page and the saved real pages, and when the panel arrives on the pages about the story;
// every build beside the floor, a reference extension the bench writes itself. Prints tables and
// the budgets as ratios, and writes artifacts/bench/results.json. See docs/performance.md.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFloorBuild } from './bench/floor-build';
import { findRealPages, printAttribution, runAttribution, type Build } from './bench/measure';
import { scriptArgs } from './lib/args';
import { buildExtension } from './lib/build-extension';
import { ROOT } from './lib/paths';

const { values: args } = scriptArgs('npm run bench [-- --quick] [--huge] [--browser=chromium|firefox] [--ext=DIR | --ab=DIR_A,DIR_B]', {
  quick: { type: 'boolean' },
  /** With --quick: the irrelevant 10 MB page too (a full run always has it). */
  huge: { type: 'boolean' },
  browser: { type: 'string' },
  /** Measure this already-built extension (DIR/chrome, DIR/firefox) instead of building one. */
  ext: { type: 'string' },
  /** Measure two such builds, A and B, in alternating browser sessions. */
  ab: { type: 'string' },
});

/** An unpacked build folder given on the command line, checked. */
function givenBuild(label: string, dir: string): Build {
  const full = path.resolve(dir);
  for (const target of ['chrome', 'firefox']) {
    if (!existsSync(path.join(full, target, 'manifest.json'))) {
      console.error(`${dir}: no ${target}/manifest.json there (give a folder as buildExtension({ into }) writes it: chrome/ and firefox/)`);
      process.exit(2);
    }
  }
  return { label, chrome: path.join(full, 'chrome'), firefox: path.join(full, 'firefox') };
}

if (args.browser && args.browser !== 'chromium' && args.browser !== 'firefox') {
  console.error(`--browser=${args.browser}: use chromium or firefox`);
  process.exit(2);
}
const abDirs = args.ab?.split(',').filter(Boolean);
if (abDirs && abDirs.length !== 2) {
  console.error('--ab takes two build folders: --ab=DIR_A,DIR_B');
  process.exit(2);
}
if (args.ext && abDirs) {
  console.error('--ext and --ab do not go together');
  process.exit(2);
}

const measured: Build[] = abDirs
  ? [givenBuild('A', abDirs[0]!), givenBuild('B', abDirs[1]!)]
  : args.ext
    ? [givenBuild('ext', args.ext)]
    : [{ label: 'current', ...(await buildExtension()) }];
const floorDir = mkdtempSync(path.join(os.tmpdir(), 'backstory-floor-'));
const builds = [...measured, writeFloorBuild(floorDir)];
const real = findRealPages(ROOT);
if (real.reason) console.log(`skipping the real pages: ${real.reason}`);
const browsers = (['chromium', 'firefox'] as const).filter((name) => !args.browser || args.browser === name);
const attribution = await runAttribution({ browsers, builds, quick: args.quick === true, huge: args.huge === true, realPagesDir: real.dir }).finally(() =>
  rmSync(floorDir, { recursive: true, force: true }),
);
if (real.reason) attribution.skipped.push(real.reason);
const results = { machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`, ...attribution };

const out = path.join(ROOT, 'artifacts/bench');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\n${results.machine}; ${Object.entries(results.browsers)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')}`,
);
printAttribution(results);
console.log(`Written to ${path.join(out, 'results.json')}`);
