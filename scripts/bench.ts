// npm run bench [-- --quick] [-- --browser=chromium|firefox] [-- --page-load] [-- --content-script] [-- --attribution]
//   [-- --ext=DIR | --ab=DIR_A,DIR_B]: what the extension costs a page,
// against a bare text walk (the floor) and mark.js, on generated news pages of 20 KB to 10 MB of
// text, in real headless Chromium and Firefox, and (f) the extension's own main-thread time by
// profiler attribution on generated and real pages. Medians of fresh page loads; prints a table
// and the ratios, and writes artifacts/bench/results.json. See docs/performance.md.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findRealPages, printAttribution, runAttribution, type AttributionResults, type Build } from './bench/attribution-part';
import { generatePage } from './bench/generate-page';
import type { BenchApi } from './bench/in-page';
import { median, round } from './bench/stats';
import { findBrowser } from './lib/browsers';
import { buildExtension } from './lib/build-extension';
import { CHROMIUM_FLAGS, launchChromium, launchWithExtension } from './lib/launch';
import { ROOT } from './lib/paths';
import { scriptArgs } from './lib/args';
import { serveDirectory } from './lib/serve';

const { values: args } = scriptArgs(
  'npm run bench [-- --quick] [--browser=chromium|firefox] [--page-load] [--content-script] [--attribution] [--ext=DIR | --ab=DIR_A,DIR_B]',
  {
    quick: { type: 'boolean' },
    browser: { type: 'string' },
    'page-load': { type: 'boolean' },
    'content-script': { type: 'boolean' },
    attribution: { type: 'boolean' },
    ext: { type: 'string' },
    ab: { type: 'string' },
  },
);
const quick = args.quick === true;
const only = args.browser;
/** Only (d), the whole-extension page-load comparison in Chromium. */
const pageLoadOnly = args['page-load'] === true;
/** Only (e), the content script's own timings as the browser runs it. */
const contentScriptOnly = args['content-script'] === true;
/** Only (f), the extension's own main-thread time by profiler attribution. */
const attributionOnly = args.attribution === true;
/** (f) measures this already-built extension (DIR/chrome, DIR/firefox) instead of building one. */
const extArg = args.ext;
/** (f) measures two such builds, A and B, in alternating browser sessions. */
const abArg = args.ab;
const RUNS = quick ? 3 : 5;
const SIZES: [string, number][] = quick
  ? [
      ['20 KB', 20_000],
      ['200 KB', 200_000],
      ['2 MB', 2_000_000],
    ]
  : [
      ['20 KB', 20_000],
      ['200 KB', 200_000],
      ['2 MB', 2_000_000],
      ['10 MB', 10_000_000],
    ];
const TERMS = ['Kaspersky Lab', 'Kaspersky', 'National Cyber Security Centre', 'NCSC', 'Barclays', 'Ciaran Martin', 'Reuters', 'UK government'];

async function preparePages(dir: string): Promise<void> {
  // The browser injects the extension's marks.css into every page before it is built; the bench
  // pages link it in their head for the same effect (it matches nothing until marks exist).
  const withMarksCss = (html: string) => html.replace('<head>', '<head><link rel="stylesheet" href="/content.css">');
  for (const [i, [, bytes]] of SIZES.entries()) writeFileSync(path.join(dir, `page-${bytes}.html`), withMarksCss(generatePage(bytes, 1000 + i).html));
  writeFileSync(path.join(dir, 'irrelevant-10000000.html'), withMarksCss(generatePage(10_000_000, 7, false).html));
  copyFileSync(path.join(ROOT, 'src/content/marks.css'), path.join(dir, 'content.css'));
  await build({
    entryPoints: [path.join(ROOT, 'scripts/bench/in-page.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    outfile: path.join(dir, 'in-page.js'),
    define: { __BACKSTORY_BENCH__: 'false' },
    logLevel: 'warning',
  });
  copyFileSync(path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), path.join(dir, 'mark.min.js'));
}

/** Fine timers need cross-origin isolation (Chromium 5 µs, Firefox 20 µs steps). */
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function launchPlain(name: 'chromium' | 'firefox'): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), `backstory-bench-${name}-`));
  return name === 'chromium'
    ? puppeteer.launch({ executablePath: findBrowser('chromium'), headless: true, userDataDir, args: CHROMIUM_FLAGS, protocolTimeout: 600_000 })
    : puppeteer.launch({
        browser: 'firefox',
        executablePath: findBrowser('firefox'),
        headless: true,
        userDataDir,
        protocolTimeout: 600_000,
        extraPrefsFirefox: { 'privacy.reduceTimerPrecision': false, 'dom.max_script_run_time': 0 },
      });
}

async function freshPage(browser: Browser, url: string, scripts: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
  for (const script of scripts) await page.addScriptTag({ url: script });
  return page;
}

type Row = Record<string, number | string>;

async function inPageMethods(name: 'chromium' | 'firefox', origin: string): Promise<Row[]> {
  const browser = await launchPlain(name);
  const rows: Row[] = [];
  try {
    for (const [label, bytes] of SIZES) {
      const url = `${origin}/page-${bytes}.html`;
      const walk: number[] = [];
      const ext: number[] = [];
      const extSync: number[] = [];
      const extWork: number[] = [];
      const mark: number[] = [];
      let mentions = 0;
      for (let run = 0; run < RUNS; run += 1) {
        let page = await freshPage(browser, url, [`${origin}/in-page.js`]);
        walk.push((await page.evaluate(() => (globalThis as unknown as { __backstoryBench: BenchApi }).__backstoryBench.walk())).ms);
        await page.close();
        page = await freshPage(browser, url, [`${origin}/in-page.js`]);
        const r = await page.evaluate(() => (globalThis as unknown as { __backstoryBench: BenchApi }).__backstoryBench.extension());
        ext.push(r.ms);
        extSync.push(r.syncMs);
        extWork.push(r.workMs);
        mentions = r.mentions;
        await page.close();
        page = await freshPage(browser, url, [`${origin}/in-page.js`, `${origin}/mark.min.js`]);
        mark.push((await page.evaluate((t: string[]) => (globalThis as unknown as { __backstoryBench: BenchApi }).__backstoryBench.markjs(t), TERMS)).ms);
        await page.close();
      }
      const row = {
        browser: name,
        size: label,
        walkMs: round(median(walk)),
        extensionMs: round(median(ext)),
        extensionWorkMs: round(median(extWork)),
        extensionFirstTaskMs: round(median(extSync)),
        markjsMs: round(median(mark)),
        mentions,
      };
      rows.push({
        ...row,
        extensionOverWalk: round(row.extensionMs / row.walkMs),
        workOverWalk: round(row.extensionWorkMs / row.walkMs),
        markjsOverExtension: round(row.markjsMs / row.extensionMs),
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
    if (!quick) {
      const cost: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const page = await freshPage(browser, `${origin}/irrelevant-10000000.html`, [`${origin}/in-page.js`]);
        const r = await page.evaluate(() => (globalThis as unknown as { __backstoryBench: BenchApi }).__backstoryBench.extension());
        if (r.relevant) throw new Error('the irrelevant page was classified as relevant');
        cost.push(r.workMs);
        await page.close();
      }
      rows.push({ browser: name, size: '10 MB, irrelevant', extensionMs: round(median(cost)) });
      console.log(JSON.stringify(rows.at(-1)));
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/** (d) Whole-extension cost on page load in Chromium: CDP ScriptDuration with minus without, and long tasks. */
async function pageLoadCost(origin: string, chromeDir: string): Promise<Row[]> {
  const withExt = await launchChromium(chromeDir);
  const without = await launchPlain('chromium');
  const rows: Row[] = [];
  const measure = async (browser: Browser, url: string) => {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(() => {
      (globalThis as unknown as { __longTasks: number[] }).__longTasks = [];
      new PerformanceObserver((list) =>
        (globalThis as unknown as { __longTasks: number[] }).__longTasks.push(...list.getEntries().map((e) => e.duration)),
      ).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
    const longTasks: number[] = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks);
    await page.close();
    return { script: get('ScriptDuration'), task: get('TaskDuration'), longTasks };
  };
  try {
    for (const [label, bytes] of SIZES) {
      const url = `${origin}/page-${bytes}.html`;
      const script: number[] = [];
      const task: number[] = [];
      const extraLong: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        // Which browser loads first alternates, so neither always gets the warmer machine.
        const first = await measure(run % 2 === 0 ? withExt.browser : without, url);
        const second = await measure(run % 2 === 0 ? without : withExt.browser, url);
        const [a, b] = run % 2 === 0 ? [first, second] : [second, first];
        script.push(a.script - b.script);
        task.push(a.task - b.task);
        extraLong.push(a.longTasks.filter((d) => d > 50).length - b.longTasks.filter((d) => d > 50).length);
      }
      rows.push({
        browser: 'chromium',
        size: label,
        scriptMsAdded: round(median(script)),
        taskMsAdded: round(median(task)),
        extraLongTasks: median(extraLong),
        extraLongTasksWorst: Math.max(...extraLong),
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
  } finally {
    await withExt.close();
    await without.close();
  }
  return rows;
}

/**
 * (e) The content scripts as the browser runs them, in the bench build of the extension (which adds
 * only timing marks, see src/content/bench.ts): the first stage, and where it asks for the full
 * stage, that stage's own set-up with the extension APIs, the handling of the background's answer,
 * the first run (classify, panel) and the marking slices, on fresh loads; and how long after the
 * first stage's start the panel was in the page. Unlike (b) this includes what the browser's extension APIs cost the page, and
 * unlike (d) it is the extension's own time, not a difference of two noisy totals.
 */
async function contentScriptCost(name: 'chromium' | 'firefox', origin: string, extDir: string): Promise<Row[]> {
  const ext = await launchWithExtension(name, extDir);
  const rows: Row[] = [];
  const pages = SIZES.map(([label, bytes]): [string, string] => [label, `page-${bytes}.html`]);
  if (!quick) pages.push(['10 MB, irrelevant', 'irrelevant-10000000.html']);
  try {
    for (const [label, file] of pages) {
      const marks: Record<string, number>[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const page = await ext.browser.newPage();
        await page.goto(`${origin}/${file}?run=${run}`, { waitUntil: 'load', timeout: 300_000 });
        await page.bringToFront();
        const read = () => JSON.parse(document.documentElement.dataset.backstoryBench ?? '{}') as Record<string, number>;
        const has = (key: string) =>
          page.waitForFunction(
            (k: string) => JSON.parse(document.documentElement.dataset.backstoryBench ?? '{}')[k] !== undefined,
            { timeout: 300_000, polling: 100 },
            key,
          );
        await has('firstStageMs');
        // A page about the story gets the full stage; on the other the first stage is all there is: wait as long as a full stage takes to come.
        if (file.startsWith('irrelevant')) await new Promise((resolve) => setTimeout(resolve, 1_500));
        else await has('markingMs');
        marks.push(await page.evaluate(read));
        await page.close();
      }
      const of = (key: string) => marks.map((m) => m[key] ?? 0);
      const parts = ['firstStageMs', 'scriptMs', 'setupMs', 'firstRunMs', 'markingMs'];
      rows.push({
        browser: name,
        size: label,
        firstStageMs: round(median(of('firstStageMs'))),
        scriptMs: round(median(of('scriptMs'))),
        setupMs: round(median(of('setupMs'))),
        firstRunMs: round(median(of('firstRunMs'))),
        markingMs: round(median(of('markingMs'))),
        totalMs: round(median(marks.map((m) => parts.reduce((sum, key) => sum + (m[key] ?? 0), 0)))),
        // From the first stage's start to the panel in the page: the background's injection and the full stage's start-up included.
        panelAfterMs: file.startsWith('irrelevant') ? '-' : round(median(marks.map((m) => (m.panelAt ?? NaN) - (m.firstStageStartAt ?? NaN)))),
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
  } finally {
    await ext.close();
  }
  return rows;
}

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

if (only && only !== 'chromium' && only !== 'firefox') {
  console.error(`--browser=${only}: use chromium or firefox`);
  process.exit(2);
}
const abDirs = abArg?.split(',').filter(Boolean);
if (abDirs && abDirs.length !== 2) {
  console.error('--ab takes two build folders: --ab=DIR_A,DIR_B');
  process.exit(2);
}
if (extArg && abDirs) {
  console.error('--ext and --ab do not go together');
  process.exit(2);
}
const partOnly = pageLoadOnly || contentScriptOnly || attributionOnly;
const runParts = {
  methods: !partOnly,
  contentScript: !partOnly || contentScriptOnly,
  pageLoad: !partOnly || pageLoadOnly,
  attribution: !partOnly || attributionOnly,
};
if ((extArg || abDirs) && !attributionOnly) console.log('(--ext and --ab apply to part (f); the other parts measure the build made from this checkout)');
const browsers = (['chromium', 'firefox'] as const).filter((name) => !only || only === name);
const began = performance.now();

// Builds only what the chosen parts need.
const needsSourceBuild = runParts.pageLoad || (runParts.attribution && !extArg && !abDirs);
const dirs = needsSourceBuild ? await buildExtension() : null;
const benchDirs = runParts.contentScript ? await buildExtension({ into: mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-build-')), bench: true }) : null;
const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-'));
const results: {
  machine: string;
  browsers: Record<string, string>;
  methods: Row[];
  pageLoad: Row[];
  contentScript: Row[];
  attribution: AttributionResults | null;
} = {
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
  browsers: {},
  methods: [],
  pageLoad: [],
  contentScript: [],
  attribution: null,
};
const needsBenchPages = runParts.methods || runParts.contentScript || runParts.pageLoad;
const server = needsBenchPages
  ? await (async () => {
      await preparePages(dir);
      return serveDirectory(dir, () => ISOLATION);
    })()
  : null;
try {
  for (const name of browsers) {
    if (!needsBenchPages) continue;
    const browser = await launchPlain(name);
    results.browsers[name] = await browser.version();
    await browser.close();
    if (runParts.methods) results.methods.push(...(await inPageMethods(name, server!.origin)));
    if (runParts.contentScript)
      results.contentScript.push(...(await contentScriptCost(name, server!.origin, name === 'chromium' ? benchDirs!.chrome : benchDirs!.firefox)));
  }
  if (browsers.includes('chromium') && runParts.pageLoad) results.pageLoad = await pageLoadCost(server!.origin, dirs!.chrome);
  if (runParts.attribution) {
    const builds: Build[] = abDirs
      ? [givenBuild('A', abDirs[0]!), givenBuild('B', abDirs[1]!)]
      : extArg
        ? [givenBuild('ext', extArg)]
        : [{ label: 'current', chrome: dirs!.chrome, firefox: dirs!.firefox }];
    const real = findRealPages(ROOT);
    if (real.reason) console.log(`(f) skipping the real pages: ${real.reason}`);
    results.attribution = await runAttribution({ browsers: [...browsers], builds, quick, realPagesDir: real.dir });
    if (real.reason) results.attribution.skipped.push(real.reason);
    for (const [name, version] of Object.entries(results.attribution.browsers)) results.browsers[name] ??= version;
  }
} finally {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  if (benchDirs) rmSync(path.dirname(benchDirs.chrome), { recursive: true, force: true });
}
const out = path.join(ROOT, 'artifacts/bench');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\n${results.machine}; ${Object.entries(results.browsers)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}; medians of ${RUNS} fresh loads`,
);
if (results.methods.length) console.table(results.methods);
if (results.pageLoad.length) console.table(results.pageLoad);
if (results.contentScript.length) console.table(results.contentScript);
if (results.attribution) printAttribution(results.attribution);
console.log(`Written to ${path.join(out, 'results.json')}; the run took ${Math.round((performance.now() - began) / 1000)} s`);
