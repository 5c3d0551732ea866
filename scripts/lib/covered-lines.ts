/**
 * How many lines of an article's reading text lie under the panel as it first appears: used by the
 * placement browser tests and by `scripts/placement-report.ts`, so the tests and the figures come
 * from the same code. A line is a line box of a paragraph's text (Range.getClientRects over its
 * text nodes, the pieces on one line counted once), and it is covered when it overlaps the panel's
 * host by more than half a pixel both ways.
 */
import type { Page } from 'puppeteer-core';

/** The reading text of the test pages and the demo: the article's paragraphs, list items, headings and quotes, not its asides or figures. */
export const READING_TEXT = 'article :is(p, li, h1, h2, h3, blockquote):not(aside *, nav *, figure *)';

/** What the panel covers as it first appears. */
export interface CoveredLines {
  /** Open, the tab, or no panel. */
  state: 'open' | 'tab' | 'none';
  /** The host's box, rounded: left, top, width, height. */
  box: [number, number, number, number];
  /** Whether the panel is drawn, with a size, wholly inside the window. */
  visible: boolean;
  /** Lines of reading text in the window. */
  inView: number;
  /** Lines of reading text under the panel: for each, the start of the text node it belongs to (for failure messages). */
  covered: string[];
}

/** Waits until the panel has been placed and has finished sliding in (an older build has no placing step). */
export async function waitForPlacedPanel(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.panel:not(.placing)'), { timeout, polling: 50 });
  await page.evaluate(() =>
    Promise.all(
      document
        .querySelector('backstory-panel')!
        .shadowRoot!.getAnimations()
        .map((a) => a.finished),
    ),
  );
}

/** Measures, in `page` as it is now, the lines of `readingText` under the panel. */
export function coveredLines(page: Page, readingText = READING_TEXT): Promise<CoveredLines> {
  return page.evaluate((selector: string) => {
    const host = document.querySelector('backstory-panel');
    const panel = host?.shadowRoot?.querySelector('.panel');
    const r = host?.getBoundingClientRect();
    const vv = visualViewport!;
    if (!host || !panel || !r) return { state: 'none' as const, box: [0, 0, 0, 0] as [number, number, number, number], visible: false, inView: 0, covered: [] };
    const overlaps = (a: DOMRect) => Math.min(a.right, r.right) - Math.max(a.left, r.left) > 0.5 && Math.min(a.bottom, r.bottom) - Math.max(a.top, r.top) > 0.5;
    let inView = 0;
    const covered: string[] = [];
    for (const block of document.querySelectorAll(selector)) {
      // One entry per line of this block: its middle, whether it is covered, and the start of its first text node.
      const lines = new Map<number, { covered: boolean; words: string }>();
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          if (rect.width < 1 || rect.height < 1) continue;
          const top = Math.round(rect.top + rect.height / 2);
          const key = [...lines.keys()].find((k) => Math.abs(k - top) < rect.height / 2) ?? top;
          const line = lines.get(key) ?? { covered: false, words: '' };
          line.covered ||= overlaps(rect);
          if (!line.words) line.words = (node.textContent ?? '').trim().slice(0, 40);
          lines.set(key, line);
        }
      }
      for (const [top, line] of lines) {
        if (top < 0 || top > innerHeight) continue;
        inView += 1;
        if (line.covered) covered.push(line.words);
      }
    }
    const collapse = panel.querySelector('.collapse');
    const inside =
      r.left >= vv.offsetLeft - 0.5 && r.top >= vv.offsetTop - 0.5 && r.right <= vv.offsetLeft + vv.width + 0.5 && r.bottom <= vv.offsetTop + vv.height + 0.5;
    return {
      state: collapse?.getAttribute('aria-expanded') === 'false' ? ('tab' as const) : ('open' as const),
      box: [r.left, r.top, r.width, r.height].map(Math.round) as [number, number, number, number],
      visible: inside && r.width > 0 && r.height > 0 && getComputedStyle(panel).visibility === 'visible',
      inView,
      covered,
    };
  }, readingText);
}

/** The window sizes the placement is checked at: three laptops' and a desktop's, in CSS px. */
export const WINDOW_SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** The test pages laid out like news sites (in test/fixtures/browser), by what their layout is. */
export const LAYOUTS = [
  ['centred column, 600 px', 'placement-centred.html?column=600'],
  ['centred column, 700 px', 'placement-centred.html?column=700'],
  ['centred column, 760 px', 'placement-centred.html?column=760'],
  ['full width', 'placement-full-width.html'],
  ['right rail', 'placement-right-rail.html'],
] as const;
