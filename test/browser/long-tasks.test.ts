// Never a long task: on a page whose article is one 10 MB text node, and on one with 100,000
// mentions, the page keeps drawing frames while the extension works, and the panel's count is
// still the true number of mentions. The pages are generated into a temporary folder, not committed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/serve';
import { BROWSERS, SCREENSHOTS, endSession, openUrl, startSession, waitFor, type Session } from './harness';
import { hugeTextNodePage, manyMentionsPage, type HugePage } from './huge-pages';

/** The longest the page may go without a frame while the extension works, in ms. */
const MAX_FRAME_GAP_MS = 100;

/** The panel's mention count as a number (digits only, so a grouped "100,002" reads too), or null before it shows one. */
function panelCount(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const text = document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.count')?.textContent ?? '';
    const digits = /^([\d\s.,\u202f]+) mention/.exec(text)?.[1]?.replace(/\D/g, '');
    return digits ? Number(digits) : null;
  });
}

/** What the page's probe recorded (see huge-pages.ts). */
function probe(page: Page): Promise<{ maxGap: number; longGaps: string; panelBeforeStart: string; longScripts: [string, number, string][] }> {
  return page.evaluate(() => {
    const data = document.documentElement.dataset;
    return {
      maxGap: Number(data.rafMaxGap ?? NaN),
      longGaps: data.rafLongGaps ?? '',
      panelBeforeStart: data.rafPanelBeforeStart ?? '',
      longScripts: JSON.parse(data.longScripts ?? '[]'),
    };
  });
}

/** Waits until the panel's count has stayed the same for `quietMs`, and returns it. */
async function settledCount(page: Page, quietMs = 2_000): Promise<number> {
  let last = await waitFor(() => panelCount(page), 'the panel to count the mentions', 120_000);
  for (let since = Date.now(); Date.now() - since < quietMs; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await panelCount(page);
    if (now !== last) [last, since] = [now ?? 0, Date.now()];
  }
  return last;
}

const PAGES: [string, () => HugePage][] = [
  ['huge-text-node.html', () => hugeTextNodePage()],
  ['many-mentions.html', () => manyMentionsPage()],
];

describe.each(BROWSERS)('%s: never a long task', (name) => {
  let session: Session;
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
    session = await startSession(name);
  });
  afterAll(async () => {
    await endSession(session);
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(PAGES.map(([file]) => file))(
    'keeps answering requestAnimationFrame within 100 ms on %s, and counts every mention',
    async (file) => {
      const errors = session.pageErrors.length;
      // A 10 MB page takes Chromium about 10 s to load on a small machine.
      const { page } = await openUrl(session, server.url(file), (p) => p.setDefaultNavigationTimeout(120_000));
      await waitFor(() => page.$('backstory-panel'), 'the panel', 60_000);
      expect(await settledCount(page)).toBe(mentions.get(file));
      // The marks are drawn in the frames after the last count: give them time to show up in the record.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const record = await probe(page);
      console.log(`${name} ${file}: largest frame gap ${record.maxGap} ms, gaps over 50 ms ${record.longGaps}, panel before the record began: ${record.panelBeforeStart}`);
      expect(record.maxGap, `gaps over 50 ms (end, length): ${record.longGaps}`).toBeLessThanOrEqual(MAX_FRAME_GAP_MS);
      // Chromium also says which script ran in each long frame, from the page's start (Firefox has no such entries).
      expect(record.longScripts.filter(([url]) => url.startsWith(session.ext.baseUrl))).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-long-tasks-${path.basename(file, '.html')}.png`) });
      expect(session.pageErrors.slice(errors)).toEqual([]);
      await page.close();
    },
    240_000,
  );
});
