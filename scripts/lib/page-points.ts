/** Where things are on a page under puppeteer, for taps and pointer moves (tests and npm start -- --phone). */
import type { Page } from 'puppeteer-core';

/**
 * The middle, in viewport coordinates, of the first occurrence of `word` in a single text node
 * inside the elements matching `scope` (in document order); throws when there is none.
 */
export function pointOfWord(page: Page, word: string, scope = 'article'): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (w: string, sel: string) => {
      for (const root of document.querySelectorAll(sel)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.nodeValue!.indexOf(w);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + w.length);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      throw new Error(`no "${w}" in ${sel}`);
    },
    word,
    scope,
  );
}
