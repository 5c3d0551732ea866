/**
 * The bench: the extension's own main-thread time, measured from outside by profiler attribution
 * (profilers.ts, attribution.ts), in Chromium and Firefox, on generated pages (relevant,
 * irrelevant, and a busy page that keeps changing its DOM) and on the saved real pages in
 * ../shared/real-pages, split by script (the first stage, the full stage); and, on the relevant
 * pages, when the panel arrived, stamped by an observer in the page itself (generate-page.ts). One
 * build, or several (A/B) measured in alternating browser sessions.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { serveDirectory, type StaticServer } from '../lib/serve';
import { BUSY_DURATION_MS, BUSY_RATE_HZ, generateBusyPage, generatePage, withPanelObserver } from './generate-page';
import { CHROMIUM_SAMPLING_US, FIREFOX_SAMPLING_MS, SETTLE_MS, launchProfiler, type Profiler } from './profilers';
import { median, percentile, round } from './stats';

type BrowserName = 'chromium' | 'firefox';

/** An unpacked build: the folders `buildExtension({into})` writes. */
export interface Build {
  label: string;
  chrome: string;
  firefox: string;
}

export interface AttributionOptions {
  browsers: BrowserName[];
  builds: Build[];
  quick: boolean;
  /** The saved real pages, or null when they are missing (the reason is printed). */
  realPagesDir: string | null;
}

interface PageSpec {
  id: string;
  kind: 'generated' | 'real';
  /** The page's address once the servers run. */
  url: string;
  blankUrl: string;
  extraWaitMs?: number;
  /** The page carries the panel observer (withPanelObserver): read when the panel came. */
  observesPanel?: boolean;
}

export interface PageRow {
  browser: BrowserName;
  build: string;
  page: string;
  kind: 'generated' | 'real';
  /** The extension's ms in each load, in load order. */
  loads: number[];
  medianMs: number;
  /** Samples with an extension frame, median over loads. */
  medianSamples: number;
  errors: string[];
  /** The extension's ms per script file in each load (a script with no sample in a load has 0 there). */
  scriptLoads: Record<string, number[]>;
  /** Median over loads per script file. */
  medianByScript: Record<string, number>;
  /** The busy page only: how many DOM changes it made in each load. */
  busyChanges?: number[];
  /** Pages about the story only: what the page's own clock saw in each load. */
  panel?: PanelTiming[];
  /** Medians over the loads where the panel came: its arrival from the navigation's start and after DOMContentLoaded. */
  panelAtMs?: number;
  panelAfterDomContentLoadedMs?: number;
}

/** Times on the page's clock, in ms from the navigation's start. */
export interface PanelTiming {
  /** When the panel's host was in the page, or null when it never came. */
  panelAt: number | null;
  /** The end of the DOMContentLoaded event: the extension's first stage runs after it (document_idle). */
  domContentLoaded: number;
}

export interface RealSummary {
  browser: BrowserName;
  build: string;
  pages: number;
  loadsPerPage: number;
  medianMs: number;
  p90Ms: number;
  worstMs: number;
  worstPage: string;
}

export interface BudgetCheck {
  build: string;
  budget: string;
  limitMs: number;
  measuredMs: number | null;
  met: boolean | null;
}

export interface AttributionResults {
  settings: Record<string, unknown>;
  browsers: Partial<Record<BrowserName, string>>;
  builds: { label: string; chrome: string; firefox: string }[];
  pages: PageRow[];
  realPages: RealSummary[];
  budgets: BudgetCheck[];
  skipped: string[];
  durationS: number;
}

const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>';
const BUSY_ID = 'busy (irrelevant, DOM changes 60/s for 10 s)';

/** The generated pages, by id. */
function generatedPages(quick: boolean): { id: string; html: () => string; extraWaitMs?: number; observesPanel?: boolean }[] {
  const pages: { id: string; html: () => string; extraWaitMs?: number; observesPanel?: boolean }[] = [
    { id: 'relevant 20 KB', html: () => withPanelObserver(generatePage(20_000, 1000).html), observesPanel: true },
    { id: 'relevant 200 KB', html: () => withPanelObserver(generatePage(200_000, 1001).html), observesPanel: true },
    { id: 'irrelevant 20 KB', html: () => generatePage(20_000, 2000, false).html },
    { id: 'irrelevant 200 KB', html: () => generatePage(200_000, 2001, false).html },
  ];
  // A 10 MB page takes 10–20 s to load here: only in full runs, and only the irrelevant one the budgets name.
  if (!quick) pages.push({ id: 'irrelevant 10 MB', html: () => generatePage(10_000_000, 2003, false).html });
  // The profile runs across the whole busy time after load, then the usual settle time.
  pages.push({ id: BUSY_ID, html: () => generateBusyPage(3000).html, extraWaitMs: BUSY_DURATION_MS });
  return pages;
}

const fileName = (id: string) => `${id.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '')}.html`;

/** Every *.html page in the real-pages folder, sorted; every 4th in quick mode. */
export function realPageFiles(dir: string, quick: boolean): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  return quick ? files.filter((_, i) => i % 4 === 0) : files;
}

const fmt = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));

export async function runAttribution(options: AttributionOptions): Promise<AttributionResults> {
  const began = performance.now();
  const genLoads = options.quick ? 3 : 5;
  const realLoads = options.quick ? 1 : 3;
  const skipped: string[] = [];
  const generated = generatedPages(options.quick);
  if (options.quick) skipped.push('--quick: no 10 MB page, 3 loads per generated page, every 4th real page once');

  // Pages: the generated ones written to a temporary folder; the real ones served where they are.
  const genDir = path.join(os.tmpdir(), `backstory-bench-f-${process.pid}`);
  rmSync(genDir, { recursive: true, force: true });
  mkdirSync(genDir, { recursive: true });
  for (const page of generated) writeFileSync(path.join(genDir, fileName(page.id)), page.html());
  writeFileSync(path.join(genDir, 'blank.html'), BLANK);
  const servers: StaticServer[] = [];
  const genServer = await serveDirectory(genDir);
  servers.push(genServer);
  const pages: PageSpec[] = generated.map((page) => ({
    id: page.id,
    kind: 'generated',
    url: genServer.url(fileName(page.id)),
    blankUrl: genServer.url('blank.html'),
    extraWaitMs: page.extraWaitMs,
    observesPanel: page.observesPanel,
  }));
  const warmUp = genServer.url(fileName('irrelevant 20 KB'));
  let realFiles: string[] = [];
  if (options.realPagesDir) {
    realFiles = realPageFiles(options.realPagesDir, options.quick);
    // A blank page of the same origin, held in memory: nothing is written into the shared folder.
    const realServer = await serveDirectory(options.realPagesDir, () => ({}), { '/__backstory-blank.html': BLANK });
    servers.push(realServer);
    for (const file of realFiles) pages.push({ id: file, kind: 'real', url: realServer.url(file), blankUrl: realServer.url('__backstory-blank.html') });
  }

  const rows = new Map<string, PageRow>();
  const rowFor = (browser: BrowserName, build: string, page: PageSpec): PageRow => {
    const key = `${browser}\u0000${build}\u0000${page.id}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        browser,
        build,
        page: page.id,
        kind: page.kind,
        loads: [],
        medianMs: Number.NaN,
        medianSamples: Number.NaN,
        errors: [],
        scriptLoads: {},
        medianByScript: {},
      };
      rows.set(key, row);
    }
    return row;
  };
  const samples = new Map<PageRow, number[]>();
  const versions: Partial<Record<BrowserName, string>> = {};
  const durations: Record<string, number> = {};

  try {
    for (const browser of options.browsers) {
      const browserBegan = performance.now();
      const rounds = Math.max(genLoads, realPages(pages).length ? realLoads : 0);
      // One browser session per build per round, builds in alternating order, so neither build
      // always runs first or on the warmer machine. With one build, one session serves all rounds.
      let session: { build: string; profiler: Profiler } | null = null;
      const closeSession = async (): Promise<void> => {
        const closing = session;
        session = null;
        await closing?.profiler.close();
      };
      const open = async (build: Build): Promise<Profiler> => {
        if (session?.build === build.label) return session.profiler;
        await closeSession();
        const profiler = await launchProfiler(browser, browser === 'chromium' ? build.chrome : build.firefox);
        versions[browser] = profiler.version;
        session = { build: build.label, profiler };
        // One load that does not count, so the first measured page does not also pay for the
        // browser's and the extension's own start.
        await profiler.load(warmUp, { blankUrl: genServer.url('blank.html') }).catch(() => undefined);
        return profiler;
      };
      try {
        for (let round = 0; round < rounds; round += 1) {
          const order = round % 2 === 0 ? options.builds : [...options.builds].reverse();
          for (const build of order) {
            let profiler = await open(build);
            const todo = pages.filter((p) => (p.kind === 'generated' ? round < genLoads : round < realLoads));
            const realMs: number[] = [];
            for (const page of todo) {
              const row = rowFor(browser, build.label, page);
              try {
                const result = await profiler.load(page.url, { blankUrl: page.blankUrl, extraWaitMs: page.extraWaitMs });
                addLoad(row, result.ms, result.byScript);
                samples.set(row, [...(samples.get(row) ?? []), result.samples]);
                if (page.observesPanel) {
                  row.panel ??= [];
                  row.panel.push(await readPanelTiming(profiler.page()));
                }
                if (page.id === BUSY_ID) {
                  const changes = await profiler.page().evaluate(() => (globalThis as { __busyChanges?: number }).__busyChanges ?? 0);
                  row.busyChanges ??= [];
                  row.busyChanges.push(changes);
                }
                if (page.kind === 'generated') {
                  const panelAt = row.panel?.at(-1)?.panelAt;
                  const panel = page.observesPanel ? `, panel at ${panelAt === null || panelAt === undefined ? 'none' : `${Math.round(panelAt)} ms`}` : '';
                  console.log(
                    `  ${browser} ${build.label} round ${round + 1}: ${page.id} ${fmt(result.ms)} ms (${result.samples} samples, load ${Math.round(result.loadMs)} ms${panel})`,
                  );
                } else realMs.push(result.ms);
              } catch (error) {
                const message = (error as Error).message.split('\n')[0]!;
                row.errors.push(message);
                console.log(`  ${browser} ${build.label} round ${round + 1}: ${page.id} failed: ${message}`);
                // A fresh browser for what follows: the old one may be stuck on the page.
                await closeSession();
                profiler = await open(build);
              }
            }
            if (realMs.length) {
              console.log(
                `  ${browser} ${build.label} round ${round + 1}: ${realMs.length} real pages, median ${fmt(median(realMs))} ms, worst ${fmt(Math.max(...realMs))} ms`,
              );
            }
            if (options.builds.length > 1) await closeSession();
          }
        }
      } finally {
        await closeSession();
      }
      durations[browser] = Math.round((performance.now() - browserBegan) / 1000);
    }
  } finally {
    for (const server of servers) await server.close();
    rmSync(genDir, { recursive: true, force: true });
  }

  const pageRows = [...rows.values()];
  for (const row of pageRows) {
    row.loads = row.loads.map(round);
    row.medianMs = round(median(row.loads));
    row.medianSamples = median(samples.get(row) ?? []);
    row.medianByScript = Object.fromEntries(Object.entries(row.scriptLoads).map(([script, loads]) => [script, round(median(loads))]));
    const arrived = (row.panel ?? []).filter((t): t is PanelTiming & { panelAt: number } => t.panelAt !== null);
    if (row.panel) {
      row.panelAtMs = round(median(arrived.map((t) => t.panelAt)));
      row.panelAfterDomContentLoadedMs = round(median(arrived.map((t) => t.panelAt - t.domContentLoaded)));
    }
  }
  const realSummaries: RealSummary[] = [];
  for (const browser of options.browsers) {
    for (const build of options.builds) {
      const perPage = pageRows.filter((r) => r.browser === browser && r.build === build.label && r.kind === 'real' && r.loads.length);
      if (!perPage.length) continue;
      const worst = perPage.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
      realSummaries.push({
        browser,
        build: build.label,
        pages: perPage.length,
        loadsPerPage: realLoads,
        medianMs: round(median(perPage.map((r) => r.medianMs))),
        p90Ms: round(
          percentile(
            perPage.map((r) => r.medianMs),
            90,
          ),
        ),
        worstMs: worst.medianMs,
        worstPage: worst.page,
      });
    }
  }
  const budgets = checkBudgets(options, pageRows, realSummaries);
  const results: AttributionResults = {
    settings: {
      chromiumSamplingUs: CHROMIUM_SAMPLING_US,
      firefoxSamplingMs: FIREFOX_SAMPLING_MS,
      settleMs: SETTLE_MS,
      busy: { rateHz: BUSY_RATE_HZ, durationMs: BUSY_DURATION_MS },
      loadsPerGeneratedPage: genLoads,
      loadsPerRealPage: realLoads,
      realPages: realFiles.length,
      quick: options.quick,
      secondsPerBrowser: durations,
    },
    browsers: versions,
    builds: options.builds,
    pages: pageRows,
    realPages: realSummaries,
    budgets,
    skipped,
    durationS: Math.round((performance.now() - began) / 1000),
  };
  return results;
}

const realPages = (pages: PageSpec[]) => pages.filter((p) => p.kind === 'real');

/** Adds one load's figures to a row: its total, and each script's share (0 for a script seen in other loads only). */
export function addLoad(row: Pick<PageRow, 'loads' | 'scriptLoads'>, ms: number, byScript: Record<string, number>): void {
  const before = row.loads.length;
  row.loads.push(ms);
  for (const script of new Set([...Object.keys(row.scriptLoads), ...Object.keys(byScript)])) {
    const loads = row.scriptLoads[script] ?? Array.from({ length: before }, () => 0);
    loads.push(round(byScript[script] ?? 0));
    row.scriptLoads[script] = loads;
  }
}

/** What the page's own observer saw (withPanelObserver): the panel's arrival and DOMContentLoaded. */
async function readPanelTiming(page: Page): Promise<PanelTiming> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      panelAt: (globalThis as { __backstoryPanelAt?: number }).__backstoryPanelAt ?? null,
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
    };
  });
}

/** The budgets the bench checks, each with its measured figure, for every build. */
function checkBudgets(options: AttributionOptions, rows: PageRow[], real: RealSummary[]): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const page = (browser: BrowserName, build: string, id: string) => {
    const row = rows.find((r) => r.browser === browser && r.build === build && r.page === id && r.loads.length);
    return row ? row.medianMs : null;
  };
  const summary = (browser: BrowserName, build: string) => real.find((r) => r.browser === browser && r.build === build);
  const panelAfter = (browser: BrowserName, build: string, id: string) =>
    rows.find((r) => r.browser === browser && r.build === build && r.page === id)?.panelAfterDomContentLoadedMs;
  for (const build of options.builds) {
    const b = build.label;
    const add = (browser: BrowserName, budget: string, limitMs: number, measuredMs: number | null | undefined) => {
      if (!options.browsers.includes(browser)) return;
      const measured = measuredMs ?? null;
      checks.push({ build: b, budget, limitMs, measuredMs: measured, met: measured === null ? null : measured <= limitMs });
    };
    add('chromium', 'Chromium, real pages: median over pages', 1, summary('chromium', b)?.medianMs);
    add('chromium', 'Chromium, real pages: 90th percentile over pages', 2.5, summary('chromium', b)?.p90Ms);
    add('chromium', 'Chromium, generated 200 KB page without topic words', 1, page('chromium', b, 'irrelevant 200 KB'));
    add('chromium', 'Chromium, generated 10 MB page without topic words', 1, page('chromium', b, 'irrelevant 10 MB'));
    add('firefox', 'Firefox, real pages: median over pages', 1, summary('firefox', b)?.medianMs);
    add('firefox', 'Firefox, real pages: 90th percentile over pages', 3, summary('firefox', b)?.p90Ms);
    add('chromium', 'Chromium, relevant 20 KB page, cold start included', 12, page('chromium', b, 'relevant 20 KB'));
    add('firefox', 'Firefox, relevant 20 KB page, cold start included', 25, page('firefox', b, 'relevant 20 KB'));
    for (const browser of ['chromium', 'firefox'] as const) {
      const name = browser === 'chromium' ? 'Chromium' : 'Firefox';
      add(browser, `${name}, relevant 200 KB page: the panel after DOMContentLoaded`, 200, panelAfter(browser, b, 'relevant 200 KB'));
    }
    add('chromium', 'Chromium, busy page (10 s of DOM changes + settle)', 2, page('chromium', b, BUSY_ID));
    add('firefox', 'Firefox, busy page (10 s of DOM changes + settle)', 2, page('firefox', b, BUSY_ID));
  }
  return checks;
}

/** Prints the bench's tables and budgets. */
export function printAttribution(results: AttributionResults): void {
  const builds = results.builds.map((b) => b.label);
  const several = builds.length > 1;
  const s = results.settings as { loadsPerGeneratedPage: number; loadsPerRealPage: number; secondsPerBrowser: Record<string, number> };
  const named = several ? `; ${results.builds.map((b) => `${b.label} = ${path.dirname(b.chrome)}`).join(', ')}` : '';
  console.log(
    `\nThe extension's own main-thread time by profiler attribution, ms: medians of ${s.loadsPerGeneratedPage} loads per generated page, ` +
      `${s.loadsPerRealPage} per real page${named}`,
  );
  for (const browser of Object.keys(results.browsers) as BrowserName[]) {
    console.log(`\n${browser} ${results.browsers[browser]} (${s.secondsPerBrowser[browser] ?? '?'} s)`);
    console.table(totalsTable(results, browser));
    const story = storyTable(results, browser);
    if (story.length) {
      console.log(`${browser}, pages about the story: each script's ms, and the panel's arrival on the page's clock (ms from the navigation's start)`);
      console.table(story);
    }
  }
  const failed = results.pages.filter((r) => r.errors.length);
  if (failed.length)
    console.log(`loads that failed: ${failed.map((r) => `${r.browser} ${r.build} ${r.page} ×${r.errors.length} (${r.errors[0]})`).join('; ')}`);
  for (const note of results.skipped) console.log(note);
  console.log('\nbudgets');
  for (const check of results.budgets) {
    const verdict = check.met === null ? 'not measured' : check.met ? 'met' : 'not met';
    console.log(`  ${several ? `${check.build}: ` : ''}${check.budget} ≤ ${check.limitMs} ms: ${fmt(check.measuredMs)} ms, ${verdict}`);
  }
  console.log(`the bench took ${Math.floor(results.durationS / 60)} min ${results.durationS % 60} s`);
}

type TableRow = Record<string, string | number>;

/**
 * One browser's totals: a line per generated page and three for the real pages. One build: its
 * figure and every load; several: a column per build and each later build's ratio to the first.
 */
function totalsTable(results: AttributionResults, browser: BrowserName): TableRow[] {
  const builds = results.builds.map((b) => b.label);
  const several = builds.length > 1;
  const cell = (build: string, id: string) => results.pages.find((r) => r.browser === browser && r.build === build && r.page === id);
  const withRatios = (line: TableRow, values: (number | undefined)[]): TableRow => {
    for (const [i, build] of builds.entries()) if (i > 0) line[`${build} ÷ ${builds[0]}`] = ratio(values[0], values[i]);
    return line;
  };
  const table: TableRow[] = [];
  const ids = [...new Set(results.pages.filter((r) => r.browser === browser && r.kind === 'generated').map((r) => r.page))];
  for (const id of ids) {
    const line: TableRow = { page: id };
    for (const build of builds) {
      const row = cell(build, id);
      line[several ? build : 'ms'] = row?.loads.length ? row.medianMs : '–';
      if (!several) line.loads = row ? row.loads.map(fmt).join(' ') : '';
      if (id === BUSY_ID && row?.busyChanges) line[several ? `${build} changes` : 'changes'] = row.busyChanges.join(' ');
    }
    const values = builds.map((build) => cell(build, id)?.medianMs);
    table.push(withRatios(line, values));
  }
  for (const [label, key] of [
    ['real pages: median', 'medianMs'],
    ['real pages: 90th percentile', 'p90Ms'],
    ['real pages: worst', 'worstMs'],
  ] as const) {
    const line: TableRow = { page: label };
    const values: (number | undefined)[] = [];
    for (const build of builds) {
      const summary = results.realPages.find((r) => r.browser === browser && r.build === build);
      values.push(summary?.[key]);
      line[several ? build : 'ms'] = summary ? summary[key] : '–';
      if (!several) line.loads = summary ? (key === 'worstMs' ? summary.worstPage : `${summary.pages} pages`) : '';
    }
    table.push(withRatios(line, values));
  }
  return table;
}

/** One browser's pages about the story, a line per page and build: each script's share, and the panel's arrival. */
function storyTable(results: AttributionResults, browser: BrowserName): TableRow[] {
  return results.pages
    .filter((r) => r.browser === browser && r.panel)
    .map((row) => ({
      page: row.page,
      ...(results.builds.length > 1 ? { build: row.build } : {}),
      'first-stage.js': row.medianByScript['first-stage.js'] ?? '–',
      'full-stage.js': row.medianByScript['full-stage.js'] ?? '–',
      total: row.medianMs,
      DOMContentLoaded: round(median(row.panel!.map((t) => t.domContentLoaded))),
      'panel at': row.panelAtMs ?? '–',
      'panel after DOMContentLoaded': row.panelAfterDomContentLoadedMs ?? '–',
      'loads with a panel': `${row.panel!.filter((t) => t.panelAt !== null).length} of ${row.panel!.length}`,
    }));
}

const ratio = (a: number | undefined, b: number | undefined): string | number =>
  a && b !== undefined && !Number.isNaN(a) && !Number.isNaN(b) ? round(b / a) : '–';

/** The real pages' folder beside the repository, or why it cannot be used. */
export function findRealPages(root: string): { dir: string | null; reason?: string } {
  const dir = path.join(root, '../shared/real-pages');
  if (!existsSync(dir)) return { dir: null, reason: `no real pages: ${dir} does not exist (copy shared/ beside the repository as ../shared)` };
  if (!readdirSync(dir).some((f) => f.endsWith('.html'))) return { dir: null, reason: `no real pages: ${dir} holds no .html file` };
  return { dir };
}
