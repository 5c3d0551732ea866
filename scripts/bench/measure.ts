/**
 * The bench: the extension's own main-thread time, measured from outside by profiler attribution
 * (profilers.ts, attribution.ts) in Chromium and Firefox and split by script (the first stage, the
 * full stage), on generated pages (relevant, irrelevant, and a busy page that keeps changing its
 * DOM) and on the saved real pages in ../shared/real-pages; and on the relevant pages the panel's
 * arrival, stamped by an observer in the page itself (generate-page.ts). Each build is measured
 * beside the floor (floor-build.ts), and two builds beside each other (A/B), in alternating
 * browser sessions; the budgets are ratios to those references (budgets.ts).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { serveDirectory, type StaticServer } from '../lib/serve';
import { BUSY_DURATION_MS, generateBusyPage, generatePage, withPanelObserver } from './generate-page';
import { CHROMIUM_SAMPLING_US, FIREFOX_SAMPLING_MS, SETTLE_MS, launchProfiler, type Profiler } from './profilers';
import { BUSY_ID, checkBudgets, formatBudgetCheck, type Figures } from './budgets';
import { FLOOR_LABEL } from './floor-build';
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
  /** The irrelevant 10 MB page in a --quick run too (a full run always has it). */
  huge?: boolean;
  /** The saved real pages, or null when they are missing (the reason is printed). */
  realPagesDir: string | null;
}

/** Times on the page's clock, in ms from the navigation's start. */
export interface PanelTiming {
  /** When the panel's host was in the page (after the task that added it), or null when it never came. */
  panelAt: number | null;
  /** The end of the DOMContentLoaded event: the first stage runs after it (document_idle). */
  domContentLoaded: number;
}

/** One load of one page. */
export interface Load {
  /** The extension's main-thread ms, and that split by script file ("first-stage.js", "full-stage.js"). */
  ms: number;
  byScript: Record<string, number>;
  /** Samples with an extension frame. */
  samples: number;
  /** Pages about the story: what their observer saw. */
  panel?: PanelTiming;
  /** The busy page: how many DOM changes it made. */
  busyChanges?: number;
}

export interface PageRow {
  browser: BrowserName;
  build: string;
  page: string;
  kind: 'generated' | 'real';
  loads: Load[];
  errors: string[];
}

/** What a run measured: written to artifacts/bench/results.json. */
export type AttributionResults = Awaited<ReturnType<typeof runAttribution>>;
type RealSummary = ReturnType<typeof summariseRealPages>[number];

/** A page to load: generated ones carry their HTML, real ones are served from their folder. */
interface PageSpec {
  id: string;
  kind: 'generated' | 'real';
  html?: () => string;
  url: string;
  blankUrl: string;
  extraWaitMs?: number;
  observesPanel?: boolean;
}

const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>';

/** The generated pages (their addresses are filled in once the server runs). */
function generatedPages(quick: boolean, huge: boolean): PageSpec[] {
  const page = (id: string, html: () => string, more: Partial<PageSpec> = {}): PageSpec => ({ id, kind: 'generated', html, url: '', blankUrl: '', ...more });
  return [
    page('relevant 20 KB', () => withPanelObserver(generatePage(20_000, 1000).html), { observesPanel: true }),
    page('relevant 200 KB', () => withPanelObserver(generatePage(200_000, 1001).html), { observesPanel: true }),
    page('irrelevant 20 KB', () => generatePage(20_000, 2000, false).html),
    page('irrelevant 200 KB', () => generatePage(200_000, 2001, false).html),
    // A 10 MB page takes 10–20 s to load here: only in full runs (or --huge), and only the irrelevant one the budgets name.
    ...(quick && !huge ? [] : [page('irrelevant 10 MB', () => generatePage(10_000_000, 2003, false).html)]),
    // The profile runs across the whole busy time after load, then the usual settle time.
    page(BUSY_ID, () => generateBusyPage(3000).html, { extraWaitMs: BUSY_DURATION_MS }),
  ];
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

/** The median of `of` over a row's loads, rounded; NaN when there are none. */
export const medianOf = (row: PageRow | undefined, of: (load: Load) => number | null | undefined): number =>
  round(median((row?.loads ?? []).map(of).filter((x): x is number => typeof x === 'number' && !Number.isNaN(x))));

const totalMs = (load: Load): number => load.ms;

/** The panel's arrival after DOMContentLoaded in one load, or null when it never came. */
const panelAfter = (load: Load): number | null => (load.panel?.panelAt == null ? null : load.panel.panelAt - load.panel.domContentLoaded);

/** What the page's own observer saw (withPanelObserver): the panel's arrival and DOMContentLoaded. */
function readPanelTiming(page: Page): Promise<PanelTiming> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      panelAt: (globalThis as { __backstoryPanelAt?: number }).__backstoryPanelAt ?? null,
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
    };
  });
}

/** Serves the pages: the generated ones from a temporary folder, the real ones where they are. */
async function servePages(options: AttributionOptions, genDir: string): Promise<{ pages: PageSpec[]; servers: StaticServer[]; warmUp: PageSpec }> {
  const pages = generatedPages(options.quick, options.huge === true);
  mkdirSync(genDir, { recursive: true });
  for (const page of pages) writeFileSync(path.join(genDir, fileName(page.id)), page.html!());
  writeFileSync(path.join(genDir, 'blank.html'), BLANK);
  const genServer = await serveDirectory(genDir);
  for (const page of pages) Object.assign(page, { url: genServer.url(fileName(page.id)), blankUrl: genServer.url('blank.html') });
  const servers = [genServer];
  if (options.realPagesDir) {
    // A blank page of the same origin, held in memory: nothing is written into the shared folder.
    const realServer = await serveDirectory(options.realPagesDir, () => ({}), { '/__backstory-blank.html': BLANK });
    servers.push(realServer);
    for (const file of realPageFiles(options.realPagesDir, options.quick))
      pages.push({ id: file, kind: 'real', url: realServer.url(file), blankUrl: realServer.url('__backstory-blank.html') });
  }
  return { pages, servers, warmUp: pages.find((p) => p.id === 'irrelevant 20 KB')! };
}

/** Loads one page under the profiler, with what its observers saw. */
async function measureLoad(profiler: Profiler, page: PageSpec): Promise<Load> {
  const result = await profiler.load(page.url, { blankUrl: page.blankUrl, extraWaitMs: page.extraWaitMs });
  const load: Load = {
    ms: round(result.ms),
    byScript: Object.fromEntries(Object.entries(result.byScript).map(([k, v]) => [k, round(v)])),
    samples: result.samples,
  };
  if (page.observesPanel) load.panel = await readPanelTiming(profiler.page());
  if (page.id === BUSY_ID) load.busyChanges = await profiler.page().evaluate(() => (globalThis as { __busyChanges?: number }).__busyChanges ?? 0);
  return load;
}

export async function runAttribution(options: AttributionOptions) {
  const began = performance.now();
  const genLoads = options.quick ? 3 : 5;
  const realLoads = options.quick ? 1 : 3;
  const genDir = path.join(os.tmpdir(), `backstory-bench-${process.pid}`);
  const { pages, servers, warmUp } = await servePages(options, genDir);
  const rows = new Map<string, PageRow>();
  const rowFor = (browser: BrowserName, build: string, page: PageSpec): PageRow => {
    const key = `${browser}\u0000${build}\u0000${page.id}`;
    if (!rows.has(key)) rows.set(key, { browser, build, page: page.id, kind: page.kind, loads: [], errors: [] });
    return rows.get(key)!;
  };
  const versions: Partial<Record<BrowserName, string>> = {};
  const durations: Record<string, number> = {};
  try {
    for (const browser of options.browsers) {
      const browserBegan = performance.now();
      // One browser session per build per round, builds in alternating order, so no build always
      // runs first or on the warmer machine. With one build, one session serves all rounds.
      let session: { build: string; profiler: Profiler } | null = null;
      const close = async (): Promise<void> => {
        const closing = session;
        session = null;
        await closing?.profiler.close();
      };
      const open = async (build: Build): Promise<Profiler> => {
        if (session?.build === build.label) return session.profiler;
        await close();
        const profiler = await launchProfiler(browser, browser === 'chromium' ? build.chrome : build.firefox);
        versions[browser] = profiler.version;
        session = { build: build.label, profiler };
        // One load that does not count, so the first measured page does not also pay for the browser's and the extension's start.
        await profiler.load(warmUp.url, { blankUrl: warmUp.blankUrl }).catch(() => undefined);
        return profiler;
      };
      try {
        for (let round = 0; round < Math.max(genLoads, realLoads); round += 1) {
          for (const build of round % 2 === 0 ? options.builds : [...options.builds].reverse()) {
            const realMs: number[] = [];
            for (const page of pages.filter((p) => round < (p.kind === 'generated' ? genLoads : realLoads))) {
              const row = rowFor(browser, build.label, page);
              const at = `  ${browser} ${build.label} round ${round + 1}: ${page.id}`;
              try {
                const load = await measureLoad(await open(build), page);
                row.loads.push(load);
                const panel = load.panel ? `, panel at ${load.panel.panelAt === null ? 'none' : `${Math.round(load.panel.panelAt)} ms`}` : '';
                const changes = load.busyChanges === undefined ? '' : `, ${load.busyChanges} DOM changes`;
                if (page.kind === 'generated') console.log(`${at} ${fmt(load.ms)} ms (${load.samples} samples${panel}${changes})`);
                else realMs.push(load.ms);
              } catch (error) {
                const message = (error as Error).message.split('\n')[0]!;
                row.errors.push(message);
                console.log(`${at} failed: ${message}`);
                // A fresh browser for what follows: the old one may be stuck on the page.
                await close();
              }
            }
            if (realMs.length)
              console.log(
                `  ${browser} ${build.label} round ${round + 1}: ${realMs.length} real pages, median ${fmt(median(realMs))} ms, worst ${fmt(Math.max(...realMs))} ms`,
              );
            if (options.builds.length > 1) await close();
          }
        }
      } finally {
        await close();
      }
      durations[browser] = Math.round((performance.now() - browserBegan) / 1000);
    }
  } finally {
    for (const server of servers) await server.close();
    rmSync(genDir, { recursive: true, force: true });
  }
  const pageRows = [...rows.values()];
  const realPages = summariseRealPages(options, pageRows);
  return {
    settings: { CHROMIUM_SAMPLING_US, FIREFOX_SAMPLING_MS, SETTLE_MS, genLoads, realLoads, quick: options.quick, secondsPerBrowser: durations },
    browsers: versions,
    builds: options.builds,
    pages: pageRows,
    realPages,
    budgets: checkBudgets(
      options.browsers,
      options.builds.map((b) => b.label),
      (browser, build) => figuresOf(pageRows, realPages, browser, build),
    ),
    skipped: options.quick ? [`--quick: ${options.huge ? '' : 'no 10 MB page, '}3 loads per generated page, every 4th real page once`] : [],
    durationS: Math.round((performance.now() - began) / 1000),
  };
}

/** Per browser and build: the median, 90th percentile and worst over the real pages of each page's median. */
function summariseRealPages(options: AttributionOptions, rows: PageRow[]) {
  const summaries: { browser: BrowserName; build: string; pages: number; medianMs: number; p90Ms: number; worstMs: number; worstPage: string }[] = [];
  for (const browser of options.browsers) {
    for (const { label: build } of options.builds) {
      const perPage = rows
        .filter((r) => r.browser === browser && r.build === build && r.kind === 'real' && r.loads.length)
        .map((r) => ({ page: r.page, ms: medianOf(r, totalMs) }));
      if (!perPage.length) continue;
      const worst = perPage.reduce((a, b) => (b.ms > a.ms ? b : a));
      const all = perPage.map((p) => p.ms);
      summaries.push({
        browser,
        build,
        pages: perPage.length,
        medianMs: round(median(all)),
        p90Ms: round(percentile(all, 90)),
        worstMs: worst.ms,
        worstPage: worst.page,
      });
    }
  }
  return summaries;
}

/** What one build measured in one browser, for the budgets. */
function figuresOf(rows: PageRow[], real: RealSummary[], browser: BrowserName, build: string): Figures {
  const row = (id: string) => rows.find((r) => r.browser === browser && r.build === build && r.page === id);
  return {
    pageMs: (id) => medianOf(row(id), totalMs),
    panelAfterMs: (id) => medianOf(row(id), panelAfter),
    real: real.find((r) => r.browser === browser && r.build === build),
  };
}

/** Prints the bench's tables and budgets. */
export function printAttribution(results: AttributionResults): void {
  const several = results.builds.length > 1;
  const s = results.settings;
  const named = several ? `; ${results.builds.map((b) => `${b.label} = ${path.dirname(b.chrome)}`).join(', ')}` : '';
  console.log(
    `\nThe extension's own main-thread time by profiler attribution, ms: medians of ${s.genLoads} loads per generated page, ` +
      `${s.realLoads} per real page${named}`,
  );
  for (const browser of Object.keys(results.browsers) as BrowserName[]) {
    console.log(`\n${browser} ${results.browsers[browser]} (${s.secondsPerBrowser[browser] ?? '?'} s)`);
    console.table(totalsTable(results, browser));
    console.log(`${browser}, pages about the story: each script's ms, and the page's clock (ms from the navigation's start)`);
    console.table(storyTable(results, browser));
  }
  const failed = results.pages.filter((r) => r.errors.length);
  if (failed.length)
    console.log(`loads that failed: ${failed.map((r) => `${r.browser} ${r.build} ${r.page} ×${r.errors.length} (${r.errors[0]})`).join('; ')}`);
  for (const note of results.skipped) console.log(note);
  console.log('\nbudgets: each a ratio to a reference measured in the same run');
  for (const check of results.budgets) console.log(formatBudgetCheck(check, several));
  console.log(`the bench took ${Math.floor(results.durationS / 60)} min ${results.durationS % 60} s`);
}

type TableRow = Record<string, string | number>;

/**
 * One browser's totals: a line per generated page and three for the real pages, a column per build,
 * each build's ratio to the floor and, in an A/B run, B's ratio to A.
 */
function totalsTable(results: AttributionResults, browser: BrowserName): TableRow[] {
  const builds = results.builds.map((b) => b.label);
  const compared = builds.filter((b) => b !== FLOOR_LABEL);
  const line = (page: string, values: (number | undefined)[]): TableRow => {
    const out: TableRow = { page };
    const of = (build: string) => values[builds.indexOf(build)];
    for (const build of builds) out[build] = of(build) ?? '–';
    if (builds.includes(FLOOR_LABEL)) for (const build of compared) out[`${build} ÷ ${FLOOR_LABEL}`] = ratio(of(FLOOR_LABEL), of(build));
    if (compared.length === 2) out[`${compared[1]} ÷ ${compared[0]}`] = ratio(of(compared[0]!), of(compared[1]!));
    return out;
  };
  const row = (build: string, id: string) => results.pages.find((r) => r.browser === browser && r.build === build && r.page === id);
  const ids = [...new Set(results.pages.filter((r) => r.browser === browser && r.kind === 'generated').map((r) => r.page))];
  const table = ids.map((id) =>
    line(
      id,
      builds.map((build) => medianOf(row(build, id), totalMs)),
    ),
  );
  const summaries = builds.map((build) => results.realPages.find((r) => r.browser === browser && r.build === build));
  const real = (key: 'medianMs' | 'p90Ms' | 'worstMs') => summaries.map((r) => r?.[key]);
  table.push(line(`real pages (${summaries[0]?.pages ?? 0}): median`, real('medianMs')), line('real pages: 90th percentile', real('p90Ms')));
  table.push(line(`real pages: worst (${summaries[0]?.worstPage ?? '–'})`, real('worstMs')));
  return table;
}

/** One browser's pages about the story, a line per page and build: each script's share, and when the panel came. */
function storyTable(results: AttributionResults, browser: BrowserName): TableRow[] {
  return results.pages
    .filter((r) => r.browser === browser && r.build !== FLOOR_LABEL && r.loads.some((l) => l.panel))
    .map((row) => ({
      page: row.page,
      ...(results.builds.length > 2 ? { build: row.build } : {}),
      'first-stage.js': medianOf(row, (l) => l.byScript['first-stage.js'] ?? 0),
      'full-stage.js': medianOf(row, (l) => l.byScript['full-stage.js'] ?? 0),
      total: medianOf(row, totalMs),
      DOMContentLoaded: medianOf(row, (l) => l.panel?.domContentLoaded),
      'panel at': medianOf(row, (l) => l.panel?.panelAt),
      'panel after DOMContentLoaded': medianOf(row, panelAfter),
      'loads with a panel': `${row.loads.filter((l) => l.panel?.panelAt != null).length} of ${row.loads.length}`,
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
