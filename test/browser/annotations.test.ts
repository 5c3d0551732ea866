// Inline marks, their cards, keyboard travel between mentions, and pages that change under the
// extension, in real Chromium and Firefox with the built dist/ loaded.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { pointOfWord } from '../../scripts/lib/page-points';
import { describeEachBrowser, SCREENSHOTS, openFixture, panelReadyForClicks, waitFor } from './harness';

/** The text of `selector` inside the panel's shadow root, or null. */
function panelTextOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel: string) => document.querySelector('backstory-panel')?.shadowRoot?.querySelector(sel)?.textContent ?? null, selector);
}

const mentionCount = async (page: Page) => Number(/^(\d+) mention/.exec((await panelTextOf(page, '.count')) ?? '')?.[1] ?? 0);

const cardText = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('backstory-card') as HTMLElement | null;
    return host && !host.hidden ? host.shadowRoot!.textContent : null;
  });

describeEachBrowser('%s: inline annotations', (name, session) => {
  it('marks every mention in the article and explains one on hover', async () => {
    const { page } = await openFixture(session, 'kaspersky-article.html');
    await page.waitForSelector('backstory-panel');
    expect(await waitFor(() => mentionCount(page), 'mentions to be counted')).toBe(6);
    const before = await page.evaluate(() => document.querySelector('article')!.textContent);
    // The marks are highlight ranges styled by the manifest's content.css: no element of ours in the page but the panel and the card.
    expect(
      await page.evaluate(() => ({
        ranges: (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('backstory-mention')?.size,
        ours:
          document.querySelectorAll('head > [id^="backstory"]').length +
          [...document.querySelectorAll('*')].filter(
            (el) => el.localName.startsWith('backstory-') && el.localName !== 'backstory-panel' && el.localName !== 'backstory-card',
          ).length,
      })),
    ).toEqual({ ranges: 6, ours: 0 });
    const point = await pointOfWord(page, 'Kaspersky', 'article p');
    await page.mouse.move(point.x, point.y);
    const text = await waitFor(() => cardText(page), 'the card');
    expect(text).toContain('Kaspersky Lab');
    expect(text).toContain('Russian antivirus maker');
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-marks.png`) });
    await page.mouse.move(5, 5);
    await waitFor(async () => (await cardText(page)) === null, 'the card to hide');
    expect(await page.evaluate(() => document.querySelector('article')!.textContent)).toBe(before);
    await page.close();
  });

  it('steps through the mentions from the panel with the keyboard, announcing each card', async () => {
    const { page } = await openFixture(session, 'kaspersky-article.html');
    await panelReadyForClicks(page);
    await waitFor(() => mentionCount(page), 'mentions to be counted');
    await page.evaluate(() => (document.querySelector('backstory-panel')!.shadowRoot!.querySelector('button.next') as HTMLElement).focus());
    const said: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      await page.keyboard.press('Enter');
      said.push((await panelTextOf(page, '.said')) ?? '');
    }
    expect(said[0]).toMatch(/^Mention 1 of 6: Kaspersky Lab: /);
    expect(said[5]).toMatch(/^Mention 6 of 6: /);
    expect(said[6]).toMatch(/^Mention 1 of 6: /);
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Enter');
    expect(await panelTextOf(page, '.said')).toMatch(/^Mention 6 of 6: /);
    expect(await cardText(page)).toContain('Kaspersky Lab');
    await page.close();
  });

  it('marks text a live page adds after load', async () => {
    const { page } = await openFixture(session, 'live-blog.html');
    await page.waitForSelector('backstory-panel');
    const first = await waitFor(() => mentionCount(page), 'the first marks');
    const later = await waitFor(async () => {
      const n = await mentionCount(page);
      return n > first ? n : 0;
    }, 'marks in the added entry');
    expect(later).toBe(first + 1);
    await page.close();
  });

  it('follows a single-page app to a new article and back', async () => {
    const { page } = await openFixture(session, 'spa.html');
    await page.waitForSelector('backstory-panel');
    await page.click('#to-plain');
    await waitFor(async () => (await page.$('backstory-panel')) === null, 'the panel to go');
    expect(await page.$('backstory-card')).toBeNull();
    await page.click('#to-story');
    await page.waitForSelector('backstory-panel', { timeout: 10_000 });
    expect(await waitFor(() => mentionCount(page), 'marks on the new article')).toBeGreaterThanOrEqual(3);
    expect(await page.$$eval('backstory-panel', (els) => els.length)).toBe(1);
    await page.close();
  });

  it('keeps marks on text that a re-rendering page replaces, without errors', async () => {
    const errors = session.pageErrors.length;
    const { page } = await openFixture(session, 'rerender.html');
    await page.waitForSelector('backstory-panel');
    await waitFor(async () => Number(await page.evaluate(() => document.body.dataset.renders)) >= 8, 'eight re-renders');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await mentionCount(page)).toBe(4);
    // A reader's pointer keeps moving; each move is hit-tested against the marks of the text now on the page.
    let nudge = 0;
    const card = await waitFor(async () => {
      const point = await pointOfWord(page, 'National Cyber Security Centre', 'article p');
      await page.mouse.move(point.x + (nudge++ % 3), point.y);
      return cardText(page);
    }, 'the card on re-rendered text');
    expect(card).toContain('National Cyber Security Centre');
    expect(session.pageErrors.slice(errors)).toEqual([]);
    await page.close();
  });
});
