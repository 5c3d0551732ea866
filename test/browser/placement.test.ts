// The panel clear of the article's text (issue 20): on pages laid out like news sites (centred
// columns of 600, 700 and 760 px, text across the whole window, a right-hand rail) at three
// laptops' window sizes and a desktop's, no line of the article's reading text lies under the panel
// or its tab as it first appears, and the panel or tab is wholly in the window. It opens beside the
// text where the window has room; the reader's own opening puts it at the bottom right; a resize
// keeps it on screen. One tab per browser, resized and reloaded between cases.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LAYOUTS, WINDOW_SIZES, coveredLines, waitForPlacedPanel } from '../../scripts/lib/covered-lines';
import { describeEachBrowser, SCREENSHOTS, openFixture, waitFor } from './harness';

/**
 * Window widths where each layout has room for the panel beside its text (it opens) and where it
 * has not (the tab). Widths left out leave a margin within a few px of the narrowest panel, where
 * the browsers' scrollbars and fonts decide.
 */
const EXPECTED: Record<string, { open: number[]; tab: number[] }> = {
  'centred column, 600 px': { open: [1366, 1440, 1920], tab: [] },
  'centred column, 700 px': { open: [1440, 1920], tab: [1280, 1366] },
  'centred column, 760 px': { open: [1920], tab: [1280, 1366] },
  'full width': { open: [], tab: [1280, 1366, 1440, 1920] },
  'right rail': { open: [1280, 1366, 1440, 1920], tab: [] },
};

const CASES = LAYOUTS.flatMap(([what, file]) => WINDOW_SIZES.map((size) => ({ what, file, size, label: `${what} at ${size.width} x ${size.height}` })));

describeEachBrowser('%s: the panel clear of the text', (name, session) => {
  let page: Page;
  const figures: string[] = [];

  /** Loads `file` in a window of `size` and waits until the panel is placed and has slid in. */
  async function load(file: string, size: { width: number; height: number }): Promise<void> {
    await page.setViewport(size);
    await page.goto(session.server.url(file), { waitUntil: 'load' });
    await waitForPlacedPanel(page);
  }

  beforeAll(async () => {
    ({ page } = await openFixture(session, 'placement-centred.html'));
  });
  afterAll(() => {
    console.info(`${name}, lines of reading text under the panel as it first appears:\n  ${figures.join('\n  ')}`);
  });

  it.each(CASES)('covers no line of the text and is in view: $label', async ({ what, file, size }) => {
    await load(file, size);
    const measured = await coveredLines(page);
    figures.push(`${what} at ${size.width} x ${size.height}: ${measured.covered.length} of ${measured.inView} (${measured.state}, ${measured.box.join(' ')})`);
    expect(measured.covered, `lines under the ${measured.state} at ${measured.box.join(' ')}`).toEqual([]);
    expect(measured.visible).toBe(true);
    expect(measured.inView).toBeGreaterThan(10);
    const expected = EXPECTED[what]!;
    if (expected.open.includes(size.width)) expect(measured.state).toBe('open');
    if (expected.tab.includes(size.width)) expect(measured.state).toBe('tab');
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-placement-${path.basename(file, '.html')}-${file.split('=')[1] ?? ''}-${size.width}.png`) });
  });

  it("opens at the bottom right at the reader's click, and stays in the window when the window is resized", async () => {
    await load('placement-full-width.html', { width: 1280, height: 800 });
    const tab = await coveredLines(page);
    expect(tab.state).toBe('tab');
    // Lifted above the text: the window's bottom right holds text.
    expect(tab.box[1] + tab.box[3]).toBeLessThan(400);
    await page.evaluate(() => (document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.collapse') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await waitFor(async () => (await coveredLines(page)).state === 'open', 'the panel to open');
    const open = await coveredLines(page);
    expect(open.visible).toBe(true);
    expect(open.box[1] + open.box[3]).toBe(800 - 16);
    // A shorter and narrower window: still wholly in view, open or folded.
    await page.setViewport({ width: 1000, height: 560 });
    await waitFor(async () => (await coveredLines(page)).visible, 'the open panel in the smaller window');
    await load('placement-full-width.html', { width: 1280, height: 800 });
    await page.setViewport({ width: 1100, height: 520 });
    await waitFor(async () => (await coveredLines(page)).visible, 'the lifted tab in the smaller window');
  });
});
