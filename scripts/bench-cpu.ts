// npm run bench:cpu -- --ab=DIR_A,DIR_B [--browser=chromium|firefox] [--rounds=N] [--real=N] [--huge] [--fresh-tab]:
// the extension's CPU time per load for two unpacked builds and the floor (a reference extension
// that reads the address and the title and tests one pattern, scripts/bench/floor-build.ts), in
// alternating browser sessions (each round reverses the builds' order): on the two relevant
// generated pages (20 KB, 200 KB, with when the panel arrives), the irrelevant 200 KB page (and
// with --huge the 10 MB one), the busy page (the bench's, whose own scripts change its DOM 60 times
// a second for 10 s after load), and the saved real pages in ../shared/real-pages (--real=N: N of
// them, spread over the list). CPU time, not the clock: each main-thread task's CPU time with the
// extension's share of it, from the task recorder the long-tasks test shares (scripts/lib/task-recorder.ts),
// so a machine that other processes keep busy slows a load down without making its figure larger.
// In Chromium the share counts each of the extension's script evaluations by its own thread time,
// so a content script too short for V8's samples still counts; in Firefox it includes Firefox
// putting the content scripts into the page, which 1 ms samples see where they almost never see
// the floor's own line of code. Each page follows a blank page of its origin in the same tab; with
// --fresh-tab it follows about:blank instead, so that no build's content script has run in the tab
// before it (Firefox makes a content script's first use of an extension API in a fresh tab's
// process pay about 10 ms: a build whose script uses the API on the blank page pays it there,
// outside the figure). Prints each page kind's
// CPU per build, each build ÷ the floor, and the budgets. See docs/performance.md.
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { recordTasks } from './lib/task-recorder';
import { BUSY_ID, checkBudgets, formatBudgetCheck } from './bench/budgets';
import { cpuFigures, cpuTable, pickEvenly, type CpuRow } from './bench/cpu-table';
import { FLOOR_LABEL, writeFloorBuild } from './bench/floor-build';
import { BUSY_DURATION_MS, generateBusyPage, generatePage, withPanelObserver, withStartMark } from './bench/generate-page';
import { findRealPages, realPageFiles } from './bench/measure';
import { firefoxGoto, launchBlocked, newTab } from './bench/profilers';
import { scriptArgs } from './lib/args';
import type { ExtensionBrowser } from './lib/launch';
import { ROOT } from './lib/paths';
import { serveDirectory } from './lib/serve';

const USAGE = 'npm run bench:cpu -- --ab=DIR_A,DIR_B [--browser=chromium|firefox] [--rounds=N] [--real=N] [--huge] [--fresh-tab]';
const { values: args } = scriptArgs(USAGE, {
  ab: { type: 'string' },
  browser: { type: 'string' },
  rounds: { type: 'string' },
  /** How many of the real pages to load (spread over the sorted list); all of them by default. */
  real: { type: 'string' },
  /** The irrelevant 10 MB page too (10–20 s a load here). */
  huge: { type: 'boolean' },
  /** Each page after about:blank, not after a blank page of its origin (see above). */
  'fresh-tab': { type: 'boolean' },
});
const dirs = args.ab?.split(',').filter(Boolean) ?? [];
const rounds = Number(args.rounds ?? 3);
const realCount = args.real === undefined ? Number.POSITIVE_INFINITY : Number(args.real);
if (dirs.length !== 2 || !(rounds > 0) || !(realCount >= 0) || (args.browser && !['chromium', 'firefox'].includes(args.browser))) {
  console.error(`usage: ${USAGE} (each DIR holds chrome/ and firefox/)`);
  process.exit(2);
}
const floorDir = mkdtempSync(path.join(os.tmpdir(), 'backstory-floor-'));
writeFloorBuild(floorDir);
const builds: Record<string, string> = { A: path.resolve(dirs[0]!), B: path.resolve(dirs[1]!), [FLOOR_LABEL]: floorDir };
const labels = Object.keys(builds);
const browsers = (['chromium', 'firefox'] as const).filter((name) => !args.browser || args.browser === name);

/** The pages call this mark first thing: the recorder times tasks from it (and finds the page's renderer by it). */
const MARK = 'backstory-bench-start';
const BLANK = '<!doctype html><html lang="en"><head><title>blank</title></head><body></body></html>';
const GENERATED: Record<string, () => string> = {
  'relevant 20 KB': () => withPanelObserver(generatePage(20_000, 1000).html),
  'relevant 200 KB': () => withPanelObserver(generatePage(200_000, 1001).html),
  'irrelevant 200 KB': () => generatePage(200_000, 2001, false).html,
  ...(args.huge ? { 'irrelevant 10 MB': () => generatePage(10_000_000, 2003, false).html } : {}),
  [BUSY_ID]: () => generateBusyPage(3000).html,
};
/** How long after its load event each page is recorded: the busy page through its changes, every page 1.5 s more. */
const recordAfterLoadMs = (id: string): number => (id === BUSY_ID ? BUSY_DURATION_MS : 0) + 1_500;
const fileOf = (id: string): string => `${id.replace(/\W+/g, '-')}.html`;
const genDir = mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-cpu-'));
for (const [id, html] of Object.entries(GENERATED)) writeFileSync(path.join(genDir, fileOf(id)), withStartMark(html(), MARK));
writeFileSync(path.join(genDir, 'blank.html'), BLANK);
const genServer = await serveDirectory(genDir);

/** A page to load, with a blank page of its origin shown first (the navigation then keeps the tab's process). */
interface PageSpec {
  id: string;
  kind: CpuRow['kind'];
  url: string;
  blankUrl: string;
}
const pages: PageSpec[] = Object.keys(GENERATED).map((id) => ({
  id,
  kind: 'generated',
  url: genServer.url(fileOf(id)),
  blankUrl: genServer.url('blank.html'),
}));
const real = findRealPages(ROOT);
// The real pages with the mark added, held in memory and served at their own paths (their
// relative addresses resolve in their folder); nothing is written into the shared folder.
const realFiles = real.dir ? pickEvenly(realPageFiles(real.dir, false), realCount) : [];
const realServer = real.dir
  ? await serveDirectory(real.dir, () => ({}), {
      '/__backstory-blank.html': BLANK,
      ...Object.fromEntries(realFiles.map((file) => [`/${file}`, withStartMark(readFileSync(path.join(real.dir!, file), 'utf8'), MARK)])),
    })
  : null;
if (realServer)
  for (const file of realFiles) pages.push({ id: file, kind: 'real', url: realServer.url(file), blankUrl: realServer.url('__backstory-blank.html') });
else console.log(`skipping the real pages: ${real.reason}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let blanks = 0;

/**
 * One load of `spec` in a new tab: the extension's CPU ms from the page's mark to recordAfterLoadMs
 * after its load event, the panel's arrival, and the DOM changes the busy page made (0 on others).
 */
async function measure(ext: ExtensionBrowser, spec: PageSpec): Promise<{ cpu: number; panel: number; changes: number }> {
  const page: Page = await newTab(ext.browser);
  try {
    blanks += 1;
    await page.goto(args['fresh-tab'] ? 'about:blank' : `${spec.blankUrl}?${blanks}`, { waitUntil: 'load' });
    const recording = await recordTasks(ext, MARK, { injection: true });
    try {
      // Firefox's way of waiting for the load event also serves Chromium (which never rejects an address).
      await firefoxGoto(page, spec.url);
      await sleep(recordAfterLoadMs(spec.id));
      const cpu = (await recording.stop(page)).filter((task) => task.at >= 0).reduce((sum, task) => sum + task.extensionMs, 0);
      // What the page's observers saw; null, not NaN, where no panel came (NaN does not survive the trip back).
      const seen = await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const stamps = globalThis as { __backstoryPanelAt?: number; __busyChanges?: number };
        return { panelAt: stamps.__backstoryPanelAt ?? null, domContentLoaded: navigation.domContentLoadedEventEnd, changes: stamps.__busyChanges ?? 0 };
      });
      return { cpu, panel: seen.panelAt === null ? Number.NaN : seen.panelAt - seen.domContentLoaded, changes: seen.changes };
    } finally {
      await recording.discard();
    }
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
  }
}

const rows = new Map<string, CpuRow>();
const failures: string[] = [];
const began = performance.now();
try {
  for (const browser of browsers) {
    for (let r = 0; r < rounds; r += 1) {
      for (const label of r % 2 === 0 ? labels : [...labels].reverse()) {
        const extDir = path.join(builds[label]!, browser === 'chromium' ? 'chrome' : 'firefox');
        let ext = await launchBlocked(browser, extDir);
        try {
          // One load that does not count: the browser's and the extension's own start.
          await measure(ext, pages[0]!).catch(() => undefined);
          const realCpu: number[] = [];
          for (const spec of pages) {
            try {
              const { cpu, panel, changes } = await measure(ext, spec);
              const key = `${browser}\u0000${label}\u0000${spec.id}`;
              const row = rows.get(key) ?? { browser, build: label, page: spec.id, kind: spec.kind, cpuMs: [], panelMs: [] };
              row.cpuMs.push(cpu);
              row.panelMs.push(panel);
              rows.set(key, row);
              if (spec.kind === 'real') realCpu.push(cpu);
              else
                console.log(
                  `  ${browser} round ${r + 1} ${label} ${spec.id}: extension CPU ${cpu.toFixed(2)} ms` +
                    `${Number.isNaN(panel) ? '' : `, panel ${Math.round(panel)} ms after DOMContentLoaded`}${changes ? `, ${changes} DOM changes` : ''}`,
                );
            } catch (error) {
              const message = `${browser} round ${r + 1} ${label} ${spec.id}: ${(error as Error).message.split('\n')[0]}`;
              failures.push(message);
              console.log(`  failed: ${message}`);
              // A fresh browser for what follows: the old one may be stuck on the page.
              await ext.close().catch(() => undefined);
              ext = await launchBlocked(browser, extDir);
            }
          }
          if (realCpu.length)
            console.log(`  ${browser} round ${r + 1} ${label}: ${realCpu.length} real pages, ${realCpu.filter((x) => x === 0).length} at 0 ms`);
        } finally {
          await ext.close();
        }
      }
    }
  }
} finally {
  await genServer.close();
  await realServer?.close();
  rmSync(genDir, { recursive: true, force: true });
  rmSync(floorDir, { recursive: true, force: true });
}

const all = [...rows.values()];
console.log(
  `\n${os.cpus().length} cores, ${os.loadavg()[0]!.toFixed(1)} load average now; A = ${builds.A}, B = ${builds.B}; ` +
    `the extension's CPU ms, medians of ${rounds} loads per page; real pages: over each page's median; ` +
    `${Math.round((performance.now() - began) / 60_000)} min`,
);
for (const browser of browsers) {
  console.log(`\n${browser}`);
  console.table(cpuTable(all, browser, labels));
  for (const id of Object.keys(GENERATED).filter((id) => id.startsWith('relevant'))) {
    const [a, b] = [cpuFigures(all, browser, 'A').panelAfterMs(id), cpuFigures(all, browser, 'B').panelAfterMs(id)];
    console.log(`${browser}, ${id}: panel after DOMContentLoaded A ${a ?? '–'} ms, B ${b ?? '–'} ms`);
  }
}
if (failures.length) console.log(`\nloads that failed (${failures.length}): ${failures.join('; ')}`);
console.log('\nbudgets: each a ratio to a reference measured in the same run (CPU ms)');
for (const check of checkBudgets([...browsers], labels, (browser, build) => cpuFigures(all, browser, build))) {
  if (check.figureMs !== null || check.referenceMs !== null) console.log(formatBudgetCheck(check, true));
}
