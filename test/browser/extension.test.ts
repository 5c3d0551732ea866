// The extension as a user meets it, in real Chromium and Firefox with the built dist/ loaded.
import path from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { story } from '../../src/shared/story';
import { describeEachBrowser, SCREENSHOTS, badgeOf, openAndClassify as classifyFixture, openFixture, panelReadyForClicks, panelText, waitFor } from './harness';

const directQuotes = story.quotes.filter((q) => q.kind === 'direct');

describeEachBrowser('%s with the extension loaded', (name, session) => {
  const openAndClassify = (file: string) => classifyFixture(session, file);

  it('shows the panel with the story on a page about Kaspersky, and sets the badge', async () => {
    const { page, tabId, popup, status } = await openAndClassify('kaspersky-article.html');
    await page.waitForSelector('backstory-panel', { timeout: 10_000 });
    const text = await panelText(page);
    expect(text).toContain('December 2017');
    expect(text).toContain(story.headline.text);
    expect(text).toMatch(/This page mentions Kaspersky \d+ times\./);
    expect(await page.$$eval('backstory-panel', (els) => els.length)).toBe(1);
    expect(status).toMatch(/This page mentions Kaspersky \d+ times\./);
    expect(await badgeOf(session, tabId)).toBe('K');
    await page.bringToFront();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-panel.png`) });
    // Chromium draws no frames for a background tab, and a screenshot of one never finishes.
    await popup.bringToFront();
    await popup.setViewport({ width: 400, height: 900 });
    await popup.screenshot({ path: path.join(SCREENSHOTS, `${name}-popup.png`), fullPage: true });
    await Promise.all([page.close(), popup.close()]);
  });

  it('popup lists every direct quote exactly, with speaker, role and kind', async () => {
    const { page, popup } = await openAndClassify('kaspersky-article.html');
    const items = await popup.$$eval('#quotes li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(items).toHaveLength(story.quotes.length);
    for (const quote of directQuotes) {
      const item = items.find((t) => t.includes(`“${quote.text}”`));
      expect(item, quote.id).toBeDefined();
      expect(item).toContain(quote.speaker);
      expect(item).toContain(quote.speakerRole);
      expect(item).toContain('Direct quote');
    }
    expect(items.filter((t) => t.includes('Reported speech'))).toHaveLength(story.quotes.length - directQuotes.length);
    await Promise.all([page.close(), popup.close()]);
  });

  it.each(['plain-article.html', 'us-counterintelligence.html'])('leaves %s untouched and the badge empty', async (file) => {
    const { page, tabId } = await openFixture(session, file);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const popup = await session.ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
    await waitFor(() => popup.$eval('#status', (el) => el.textContent === 'This page is not about this story.'), 'the not-about status');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(await page.$('backstory-panel')).toBeNull();
    expect(await badgeOf(session, tabId)).toBe('');
    await Promise.all([page.close(), popup.close()]);
  });

  it('clears the badge when the tab navigates away', async () => {
    const { page, tabId, popup } = await openAndClassify('kaspersky-article.html');
    await waitFor(async () => (await badgeOf(session, tabId)) === 'K', 'the badge');
    await page.goto(session.server.url('plain-article.html'), { waitUntil: 'load' });
    await waitFor(async () => (await badgeOf(session, tabId)) === '', 'the badge to clear');
    await Promise.all([page.close(), popup.close()]);
  });

  it('panel collapses, expands and closes from the keyboard, and stays closed on that page for the session', async () => {
    // Its own address (the query): a closed panel stays closed on that page, and other tests use the plain one.
    const { page } = await openFixture(session, 'kaspersky-article.html?closing');
    // Placed and shown first: an element the panel holds cannot take focus while it is still unseen.
    await panelReadyForClicks(page);
    const expanded = () =>
      page.evaluate(() => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.collapse')!.getAttribute('aria-expanded'));
    await page.evaluate(() => (document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.collapse') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    expect(await expanded()).toBe('false');
    await page.keyboard.press(' ');
    expect(await expanded()).toBe('true');
    await page.keyboard.press('Escape');
    expect(await expanded()).toBe('false');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.$('backstory-panel')).toBeNull();
    // Loaded again in this session: still closed. Another page of the same site: open.
    await page.reload({ waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await page.$('backstory-panel')).toBeNull();
    await page.goto(session.server.url('kaspersky-article.html?another'), { waitUntil: 'load' });
    await page.waitForSelector('backstory-panel', { timeout: 10_000 });
    await page.close();
  });

  it('popup copy buttons are reachable with Tab and announce the result', async () => {
    const { page, tabId } = await openFixture(session, 'kaspersky-article.html');
    const popup = await session.ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'Copy'; i += 1) {
      await popup.keyboard.press('Tab');
      focused = await popup.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toBe('Copy');
    await popup.keyboard.press('Enter');
    const said = await waitFor(() => popup.$eval('#copy-status', (el) => el.textContent), 'the copy announcement');
    expect(said).toMatch(/^(Copied .+ quote with its attribution\.|Could not copy\. .+)$/);
    await Promise.all([page.close(), popup.close()]);
  });

  it("the panel's quotes button opens the key quotes for that tab (a click by the reader, not a script)", async () => {
    const { page, tabId } = await openFixture(session, 'kaspersky-article.html');
    await panelReadyForClicks(page);
    // Chromium's toolbar popup closes itself when it loses focus, so it may be gone before a poll sees
    // it: listen for it from before the click. Firefox's popup is a view puppeteer cannot see; ask the
    // extension for its popup views from a page that is not the popup itself.
    const isQuotes = (url: string) => /popup\/popup\.html(\?tab=\d+)?$/.test(url);
    const viewer = await session.ext.openExtensionPage('options/options.html');
    let seen = '';
    const onTarget = (target: { url(): string }) => {
      if (isQuotes(target.url())) seen = target.url();
    };
    session.ext.browser.on('targetcreated', onTarget);
    session.ext.browser.on('targetchanged', onTarget);
    await page.bringToFront();
    const button = (await page.evaluateHandle(
      () => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.quotes-button')!,
    )) as ElementHandle<Element>;
    await button.click();
    // Where the browser opens the toolbar popup itself it is a popup view of the extension; otherwise
    // the popup page opens in a tab for this one.
    const where = await waitFor(async () => {
      const target = session.ext.browser.targets().find((t) => isQuotes(t.url()));
      if (seen || target) return seen || target!.url();
      const popups = await viewer.evaluate(() => {
        const g = globalThis as unknown as Record<'browser' | 'chrome', { extension: { getViews(o: object): unknown[] } } | undefined>;
        return (g.browser ?? g.chrome)!.extension.getViews({ type: 'popup' }).length;
      });
      return popups > 0 ? 'toolbar popup' : '';
    }, 'the key quotes to open');
    session.ext.browser.off('targetcreated', onTarget);
    session.ext.browser.off('targetchanged', onTarget);
    await viewer.close();
    expect(where === 'toolbar popup' || where.endsWith('popup/popup.html') || where.endsWith(`popup/popup.html?tab=${tabId}`)).toBe(true);
    for (const p of await session.ext.browser.pages()) if (p.url().includes('popup/popup.html')) await p.close();
    await page.close();
  });

  it('raised no uncaught errors in the pages it ran on', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
