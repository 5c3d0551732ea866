// Never a long task: on a page whose article is one 10 MB text node, and on one with 100,000
// mentions, no task of the extension's takes over 50 ms of the page's main thread, the frames its
// marks cause stay cheap, and the page keeps drawing, while the extension works on the page and
// while the reader steps through the marks from the panel; and the panel's count is the true
// number of mentions though no more than MAX_DRAWN are marked. Tasks are measured by a profile of
// the browser (scripts/lib/task-recorder.ts), in CPU time, so a busy machine does not make them longer. The
// pages are generated into a temporary folder, not committed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/serve';
import { MAX_DRAWN } from '../../src/content/marks/annotator';
import { describeEachBrowser, SCREENSHOTS, openPanel, openUrl, waitFor } from './harness';
import { PANEL_MARK, hugeTextNodePage, manyMentionsPage, type HugePage } from './huge-pages';
import type { Task } from '../../scripts/lib/main-thread-tasks';
import { recordTasks } from '../../scripts/lib/task-recorder';

/** The most CPU time the extension may take in one task of the page's main thread, in ms. */
const MAX_EXTENSION_TASK_MS = 50;
/**
 * The most CPU time any task of the page's main thread may take once the panel is there, in ms:
 * the page is still, so these are the extension's tasks and the frames that draw its marks
 * (before the cap on marks, each frame took Chromium 350 to 650 ms of CPU painting them).
 */
const MAX_PAGE_TASK_MS = 150;
/** The longest the page may go without a frame: it never stops drawing, however busy the machine, in ms. */
const MAX_FRAME_GAP_MS = 5_000;

const describeTask = (task: Task | undefined): string =>
  task
    ? `${task.extensionMs.toFixed(1)} ms the extension's, ${task.cpuMs.toFixed(1)} ms CPU, ${task.wallMs.toFixed(1)} ms by the clock, at ${task.at.toFixed(0)} ms`
    : 'none';
const longest = (tasks: Task[], by: (task: Task) => number): Task | undefined =>
  tasks.reduce<Task | undefined>((a, b) => (a && by(a) >= by(b) ? a : b), undefined);

/** The panel's mention count as a number (digits only, so a grouped "100,002" reads too), or null before it shows one. */
function panelCount(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const text = document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.count')?.textContent ?? '';
    const digits = /^([\d\s.,\u202f]+) mention/.exec(text)?.[1]?.replace(/\D/g, '');
    return digits ? Number(digits) : null;
  });
}

/** What the page's probe recorded (see huge-pages.ts). */
function probe(page: Page): Promise<{ panelAt: number; maxGap: number; longGaps: string }> {
  return page.evaluate(() => {
    const data = document.documentElement.dataset;
    return { panelAt: Number(data.panelAt ?? NaN), maxGap: Number(data.maxGap ?? NaN), longGaps: data.longGaps ?? '[]' };
  });
}

/** Waits until the panel's count has stayed the same for `quietMs`, and returns it. */
async function settledCount(page: Page, quietMs = 2_000): Promise<number> {
  let last = (await waitFor(() => panelCount(page), 'the panel to count the mentions', 120_000)) ?? 0;
  for (let since = Date.now(); Date.now() - since < quietMs; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await panelCount(page);
    if (now !== last) [last, since] = [now ?? 0, Date.now()];
  }
  return last;
}

/** Presses the panel's `button` (prev or next) from the keyboard, as a reader does; returns what the panel announced. */
async function press(page: Page, button: 'prev' | 'next'): Promise<string> {
  await page.evaluate((b: string) => (document.querySelector('backstory-panel')!.shadowRoot!.querySelector(`button.${b}`) as HTMLElement).focus(), button);
  await page.keyboard.press('Enter');
  return page.evaluate(() => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.said')!.textContent ?? '');
}

const PAGES: [string, () => HugePage][] = [
  ['huge-text-node.html', () => hugeTextNodePage()],
  ['many-mentions.html', () => manyMentionsPage()],
];

describeEachBrowser('%s: never a long task', { oneAtATime: true }, (name, session) => {
  let server: StaticServer;
  let dir: string;
  const mentions = new Map<string, number>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-long-tasks-'));
    for (const [file, generate] of PAGES) {
      const { html, mentions: count } = generate();
      writeFileSync(path.join(dir, file), html);
      mentions.set(file, count);
    }
    server = await serveDirectory(dir);
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(PAGES.map(([file]) => file))(
    'takes no task over 50 ms of CPU on %s, keeps the page drawing, counts every mention and steps through the marks',
    { timeout: 240_000 },
    async (file) => {
      const errors = session.pageErrors.length;
      const total = mentions.get(file)!;
      const recording = await recordTasks(session.ext, PANEL_MARK);
      onTestFinished(() => recording.discard());
      // A 10 MB page takes Chromium about 10 s to load on a small machine.
      const { page } = await openUrl(session, server.url(file), (p) => p.setDefaultNavigationTimeout(120_000));
      onTestFinished(() => page.close());
      await waitFor(() => page.$('backstory-panel'), 'the panel', 60_000);
      expect(await settledCount(page)).toBe(total);
      // Marked: the page's highlight holds one range per mark, and Previous goes first to the last mark.
      const marks = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('backstory-mention')?.size ?? 0);
      expect(marks).toBeGreaterThan(0);
      expect(marks).toBeLessThanOrEqual(MAX_DRAWN);
      // The text runs across the window, so the panel started as the tab: the reader opens it.
      await openPanel(page);
      // The counts are written as English writes them ("1,000"), the browser's language here.
      const count = (n: number) => n.toLocaleString('en');
      expect(await press(page, 'prev')).toMatch(new RegExp(`^Mention ${count(marks)} of ${count(marks)}: `));
      // Next wraps round to the first, then moves on.
      expect(await press(page, 'next')).toMatch(new RegExp(`^Mention 1 of ${count(marks)}: `));
      expect(await press(page, 'next')).toMatch(new RegExp(`^Mention ${Math.min(2, marks)} of ${count(marks)}: `));
      // Marks and the steps' scrolling are drawn in the frames that follow: let them into the record.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const tasks = await recording.stop(page);
      const record = await probe(page);
      const own = longest(tasks, (t) => t.extensionMs);
      const afterPanel = longest(
        tasks.filter((t) => t.at >= 0),
        (t) => t.cpuMs,
      );
      console.log(
        `${name} ${file}: ${tasks.filter((t) => t.extensionMs > 0).length} tasks of the extension's; the longest: ${describeTask(own)}; ` +
          `the page's longest task after the panel arrived: ${describeTask(afterPanel)}; largest frame gap since then ${record.maxGap} ms; gaps over 50 ms [end, length]: ${record.longGaps}`,
      );
      expect(own?.extensionMs, 'the extension took no main-thread time at all').toBeGreaterThan(0);
      expect(own!.extensionMs, `the extension's longest task: ${describeTask(own)}`).toBeLessThanOrEqual(MAX_EXTENSION_TASK_MS);
      expect(afterPanel!.cpuMs, `the page's longest task after the panel arrived: ${describeTask(afterPanel)}`).toBeLessThanOrEqual(MAX_PAGE_TASK_MS);
      expect(record.panelAt).toBeGreaterThan(0);
      expect(record.maxGap, `gaps over 50 ms [end, length]: ${record.longGaps}`).toBeLessThanOrEqual(MAX_FRAME_GAP_MS);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-long-tasks-${path.basename(file, '.html')}.png`) });
      expect(session.pageErrors.slice(errors)).toEqual([]);
    },
  );
});
