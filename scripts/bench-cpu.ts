// npm run bench:cpu -- --ab=DIR_A,DIR_B [--browser=chromium|firefox] [--rounds=N]: the extension's CPU
// time on the bench's two relevant generated pages (20 KB and 200 KB), two unpacked builds in
// alternating browser sessions (A first in odd rounds), and when the panel arrives. CPU time, not
// the clock: each main-thread task's CPU time with the extension's share of it, from the long-tasks
// test's recorder (test/browser/task-recorder.ts), so a machine that other processes keep busy
// slows a load down without making its figure larger. See docs/performance.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordTasks } from '../test/browser/task-recorder';
import { generatePage, withPanelObserver } from './bench/generate-page';
import { median, round } from './bench/stats';
import { scriptArgs } from './lib/args';
import { launchWithExtension } from './lib/launch';
import { serveDirectory } from './lib/serve';

const { values: args } = scriptArgs('npm run bench:cpu -- --ab=DIR_A,DIR_B [--browser=chromium|firefox] [--rounds=N]', {
  ab: { type: 'string' },
  browser: { type: 'string' },
  rounds: { type: 'string' },
});
const dirs = args.ab?.split(',').filter(Boolean) ?? [];
const rounds = Number(args.rounds ?? 5);
if (dirs.length !== 2 || !(rounds > 0) || (args.browser && !['chromium', 'firefox'].includes(args.browser))) {
  console.error('usage: npm run bench:cpu -- --ab=DIR_A,DIR_B [--browser=chromium|firefox] [--rounds=N] (each DIR holds chrome/ and firefox/)');
  process.exit(2);
}
const builds = { A: path.resolve(dirs[0]!), B: path.resolve(dirs[1]!) };
const browsers = (['chromium', 'firefox'] as const).filter((name) => !args.browser || args.browser === name);

/** The page calls this mark first thing: the recorder times tasks from it (and finds the page's renderer by it). */
const MARK = 'backstory-bench-start';
const PAGES = { 'relevant 20 KB': generatePage(20_000, 1000).html, 'relevant 200 KB': generatePage(200_000, 1001).html };
const fileOf = (id: string): string => `${id.replace(/\W+/g, '-')}.html`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-cpu-'));
for (const [id, html] of Object.entries(PAGES)) {
  writeFileSync(path.join(dir, fileOf(id)), withPanelObserver(html).replace('<body>', `<body><script>performance.mark('${MARK}')</script>`));
}
writeFileSync(path.join(dir, 'blank.html'), '<!doctype html><html lang="en"><head><title>blank</title></head><body></body></html>');
const server = await serveDirectory(dir);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Per browser, build and page: each load's extension CPU ms and panel arrival after DOMContentLoaded. */
const loads = new Map<string, { cpu: number[]; panel: number[] }>();
try {
  for (const browser of browsers) {
    for (let r = 0; r < rounds; r += 1) {
      for (const label of r % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
        const ext = await launchWithExtension(browser, path.join(builds[label], browser === 'chromium' ? 'chrome' : 'firefox'));
        try {
          // One load that does not count: the browser's and the extension's own start.
          const warm = await ext.browser.newPage();
          await warm.goto(server.url(fileOf('relevant 20 KB')));
          await sleep(1_500);
          await warm.close();
          for (const id of Object.keys(PAGES)) {
            const page = await ext.browser.newPage();
            await page.goto(server.url(`blank.html?${r}${label}`), { waitUntil: 'load' });
            const recording = await recordTasks(ext, MARK);
            await page.goto(server.url(fileOf(id)), { waitUntil: 'load' });
            await sleep(1_500);
            const cpu = (await recording.stop(page)).filter((task) => task.at >= 0).reduce((sum, task) => sum + task.extensionMs, 0);
            const panel = await page.evaluate(() => {
              const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
              return ((globalThis as { __backstoryPanelAt?: number }).__backstoryPanelAt ?? Number.NaN) - navigation.domContentLoadedEventEnd;
            });
            const key = `${browser} ${label} ${id}`;
            const row = loads.get(key) ?? { cpu: [], panel: [] };
            row.cpu.push(cpu);
            row.panel.push(panel);
            loads.set(key, row);
            console.log(`  ${browser} round ${r + 1} ${label} ${id}: extension CPU ${cpu.toFixed(2)} ms, panel ${Math.round(panel)} ms after DOMContentLoaded`);
            await page.close();
          }
        } finally {
          await ext.close();
        }
      }
    }
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nA = ${builds.A}, B = ${builds.B}; medians of ${rounds} loads; ${os.loadavg()[0]!.toFixed(1)} load average now`);
for (const browser of browsers) {
  for (const id of Object.keys(PAGES)) {
    const [a, b] = [loads.get(`${browser} A ${id}`), loads.get(`${browser} B ${id}`)];
    if (!a || !b) continue;
    const [cpuA, cpuB] = [round(median(a.cpu)), round(median(b.cpu))];
    console.log(
      `${browser}, ${id}: extension CPU A ${cpuA} ms, B ${cpuB} ms, B ÷ A ${round(cpuB / cpuA)}; panel after DOMContentLoaded A ${Math.round(median(a.panel))} ms, B ${Math.round(median(b.panel))} ms`,
    );
  }
}
