// Marks and cards on the story's names as other languages write them, on an English article that
// quotes Russian, Ukrainian, Japanese and Chinese coverage, in real Chromium and Firefox.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { pointOfWord } from '../../scripts/lib/page-points';
import { describeEachBrowser, SCREENSHOTS, openFixture, waitFor } from './harness';

/** The words under every mark, in document order, and the panel's count of mentions. */
const marksAndCount = (page: Page) =>
  page.evaluate(() => {
    const ranges = [...((CSS as unknown as { highlights: Map<string, Set<StaticRange>> }).highlights.get('backstory-mention') ?? [])];
    const words = ranges
      .sort((a, b) =>
        a.startContainer === b.startContainer
          ? a.startOffset - b.startOffset
          : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
            ? -1
            : 1,
      )
      .map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
    const count = document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.count')?.textContent ?? '';
    return { words, count: Number(/^(\d+) mention/.exec(count)?.[1] ?? 0) };
  });

const cardText = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('backstory-card') as HTMLElement | null;
    return host && !host.hidden ? host.shadowRoot!.textContent : null;
  });

/** The NCSC's names: marked only where the detector takes the page's NCSC for the UK's (entitiesToMark), so left out of the comparison. */
const NCSC = new Set(['National Cyber Security Centre', 'NCSC', 'Національний центр кібербезпеки']);

describeEachBrowser('%s: marks on names in other scripts', (name, session) => {
  it('marks the names as Russian, Ukrainian, Japanese, Chinese and Polish write them, counts every mark and explains each', async () => {
    const { page } = await openFixture(session, 'world-coverage.html');
    await page.waitForSelector('backstory-panel');
    const agreed = await waitFor(async () => {
      const found = await marksAndCount(page);
      return found.count > 0 && found.words.length === found.count ? found : null;
    }, 'the marks and the panel to agree on the count');
    const { words, count } = agreed!;
    expect(words.filter((w: string) => !NCSC.has(w))).toEqual([
      'Kaspersky',
      'Kaspersky',
      'Лаборатория Касперского',
      'Чаран Мартін',
      '英国政府',
      'カスペルスキー',
      '卡巴斯基',
      'Kasperskiego',
      'Kaspersky',
    ]);
    expect(count).toBe(words.length);

    // One word of each mark: a mark of two words may wrap, and the middle of its two lines' box is over neither.
    for (const [word, scope, card] of [
      ['Лаборатория', 'article blockquote', 'Kaspersky Lab'],
      ['カスペルスキー', 'article blockquote', 'Kaspersky Lab'],
      ['Мартін', 'article p', 'Ciaran Martin'],
    ]) {
      // A reader's pointer keeps moving: each move is hit-tested against the marks.
      let nudge = 0;
      const text = await waitFor(async () => {
        const point = await pointOfWord(page, word!, scope);
        await page.mouse.move(point.x + (nudge++ % 3), point.y);
        const shown = await cardText(page);
        return shown?.includes(card!) ? shown : null;
      }, `the card on "${word}"`);
      expect(text).toContain(card);
      if (word === 'カスペルスキー') await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-marks-languages.png`) });
      await page.mouse.move(5, 5);
      await waitFor(async () => (await cardText(page)) === null, 'the card to hide');
    }
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });
});
