// Where the context comes from, in real Chromium and Firefox: the popup's Sources section shows
// each key point's sentences from the article, and the panel's "Sources" button opens the popup there.
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { story } from '../../src/shared/story';
import { describeEachBrowser, SCREENSHOTS, inExtension, openAndClassify, openFixture, panelReadyForClicks, waitFor } from './harness';

/** storage.session from an extension page (the function runs in the browser, so it carries its own lookup). */
type Session_ = { get(k: string): Promise<Record<string, unknown>>; set(i: object): Promise<void> };
const storeRequest = () => {
  const g = globalThis as unknown as Record<'browser' | 'chrome', { storage: { session: Session_ } } | undefined>;
  return (g.browser ?? g.chrome)!.storage.session.set({ popupSection: { section: 'sources', at: Date.now() } });
};
const readRequest = () => {
  const g = globalThis as unknown as Record<'browser' | 'chrome', { storage: { session: Session_ } } | undefined>;
  return (g.browser ?? g.chrome)!.storage.session.get('popupSection');
};

/** What a key point's item in the popup shows: its text, its button's state, and the article's sentences if shown. */
function pointState(popup: Page, i: number) {
  return popup.evaluate((n) => {
    const li = document.querySelectorAll('#sources .sources-points > li')[n]!;
    const words = li.querySelector<HTMLElement>('.evidence')!;
    return {
      point: li.querySelector('.point')!.textContent,
      expanded: li.querySelector('button')!.getAttribute('aria-expanded'),
      // Laid out (not hidden) and each sentence as the page renders it.
      shown: words.getClientRects().length > 0,
      // biome-ignore lint/performance/useDomNodeTextContent: the test wants each sentence as the page renders it, which innerText gives.
      sentences: Array.from(words.querySelectorAll('blockquote p'), (p) => (p as HTMLElement).innerText),
    };
  }, i);
}

/** Where focus is in the popup, and whether its sources heading is on screen. */
const landing = (popup: Page) =>
  popup.evaluate(() => {
    const box = document.getElementById('sources-heading')!.getBoundingClientRect();
    // Within a pixel: the scroll position is whole pixels, the layout is not.
    return { focused: document.activeElement?.id ?? '', onScreen: box.top > -1 && box.bottom < innerHeight + 1 };
  });

describeEachBrowser('%s: the sources of the context', (name, session) => {
  it('the popup says what the context is drawn from, and each key point shows the article’s own sentences, from the keyboard', async () => {
    const { page, popup } = await openAndClassify(session, 'kaspersky-article.html');
    const from = await popup.$eval('#sources .sources-from', (el) => el.textContent ?? '');
    // The date in the browser's language (en-US here: December 5, 2017).
    expect(from).toMatch(/one news article, reported on (5 December 2017|December 5, 2017)\./);
    expect(from).toContain('Reuters');
    expect(await popup.$$eval('#sources .sources-points > li', (lis) => lis.length)).toBe(story.keyPoints.length);
    // Keys go to the tab in front.
    await popup.bringToFront();
    for (const [i, point] of story.keyPoints.entries()) {
      expect(await pointState(popup, i)).toMatchObject({ point: point.text, expanded: 'false', shown: false });
      // Focus the button and press it as a keyboard user does.
      await popup.evaluate((n) => (document.querySelectorAll('#sources .show-evidence')[n] as HTMLElement).focus(), i);
      await popup.keyboard.press(i % 2 === 0 ? 'Enter' : ' ');
      expect(await pointState(popup, i)).toEqual({ point: point.text, expanded: 'true', shown: true, sentences: point.evidence });
    }
    await popup.keyboard.press('Enter');
    expect(await pointState(popup, story.keyPoints.length - 1)).toMatchObject({ expanded: 'false', shown: false });
    // A screenshot of the section with its first two key points open (the others closed again), to read how it looks.
    for (const i of [2, 3]) await popup.evaluate((n) => (document.querySelectorAll('#sources .show-evidence')[n] as HTMLElement).click(), i);
    await popup.bringToFront();
    await popup.setViewport({ width: 400, height: 900 });
    const section = (await popup.$('#sources')) as ElementHandle<Element>;
    await section.screenshot({ path: path.join(SCREENSHOTS, `${name}-popup-sources.png`) });
    await Promise.all([page.close(), popup.close()]);
  });

  it('a popup the background asked for opens at its sources, once', async () => {
    const { page, tabId } = await openFixture(session, 'kaspersky-article.html');
    await inExtension(session, storeRequest, null);
    const asked = await session.ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
    await asked.setViewport({ width: 400, height: 600 });
    expect(
      await waitFor(async () => ((await landing(asked)).focused === 'sources-heading' ? landing(asked) : null), 'the popup to open at its sources'),
    ).toEqual({ focused: 'sources-heading', onScreen: true });
    expect(await inExtension(session, readRequest, null)).toEqual({});
    // The request was used: the next popup opens at its top.
    const next = await session.ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
    await next.waitForSelector('#sources .sources-points > li');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await landing(next)).focused).toBe('');
    expect(await next.evaluate(() => scrollY)).toBe(0);
    await Promise.all([page.close(), asked.close(), next.close()]);
  });

  it("the panel's Sources button (a click by the reader) opens the popup at its sources", async () => {
    const { page, tabId } = await openFixture(session, 'kaspersky-article.html');
    await panelReadyForClicks(page);
    // The browser opens the toolbar popup (a view puppeteer cannot see in Firefox: ask the extension
    // for its popup views from another of its pages) or, where it refuses, the popup page in a tab.
    const viewer = await session.ext.openExtensionPage('options/options.html');
    await page.bringToFront();
    const button = (await page.evaluateHandle(
      () => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.source button')!,
    )) as ElementHandle<Element>;
    expect(await button.evaluate((el) => el.textContent)).toBe('Sources');
    await button.click();
    const focused = await waitFor(async () => {
      const inView = await viewer.evaluate(() => {
        const g = globalThis as unknown as Record<'browser' | 'chrome', { extension: { getViews(o: object): Window[] } } | undefined>;
        const view = (g.browser ?? g.chrome)!.extension.getViews({ type: 'popup' })[0];
        if (!view) return '';
        const box = view.document.getElementById('sources-heading')!.getBoundingClientRect();
        return `toolbar popup: ${view.document.activeElement?.id ?? ''}, ${box.top > -1 && box.bottom < view.innerHeight + 1 ? 'on screen' : 'off screen'}`;
      });
      if (inView.includes('sources-heading, on screen')) return inView;
      const tab = (await session.ext.browser.pages()).find((p) => p.url().endsWith(`popup/popup.html?tab=${tabId}`));
      const seen = tab && (await landing(tab));
      return seen?.focused === 'sources-heading' && seen.onScreen ? 'tab: sources-heading, on screen' : '';
    }, 'the popup to open at its sources');
    expect(focused).toMatch(/^(toolbar popup|tab): sources-heading, on screen$/);
    await viewer.close();
    for (const p of await session.ext.browser.pages()) if (p.url().includes('popup/popup.html')) await p.close();
    await page.close();
  });

  it('raised no uncaught errors in the pages it ran on', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
