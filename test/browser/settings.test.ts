// Reader controls in real Chromium and Firefox: settings changed in the options page reach an open
// tab without a reload, the popup's per-site switch and the options page's list of sites, and
// keyboard-only use of the popup and the panel.
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { describeEachBrowser, badgeOf, openAndClassify, waitFor } from './harness';

const panelState = (page: Page) =>
  page.evaluate(() => {
    const shadow = document.querySelector('backstory-panel')?.shadowRoot;
    const marks = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('backstory-mention');
    return {
      panel: shadow ? 1 : 0,
      expanded: shadow?.querySelector('.collapse')?.getAttribute('aria-expanded') ?? null,
      marks: marks?.size ?? 0,
    };
  });

/** The focused element's description, looking into the panel's shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el
      ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 80)}`
      : '';
  });

describeEachBrowser('%s: reader controls', (_name, session) => {
  it('settings changed in the options page reach an open tab at once, without a reload', async () => {
    const { page, tabId, popup } = await openAndClassify(session, 'kaspersky-article.html');
    await waitFor(async () => (await panelState(page)).marks === 6, 'the marks');
    expect(await panelState(page)).toEqual({ panel: 1, expanded: 'true', marks: 6 });
    const options = await session.ext.openExtensionPage('options/options.html');
    await options.bringToFront();
    await options.waitForSelector('input[name="panel"]:checked');
    const marker = await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    await options.click('input[name="panel"][value="collapsed"]');
    await waitFor(async () => (await panelState(page)).expanded === 'false', 'the panel to collapse');
    await options.click('input[name="highlights"]');
    await waitFor(async () => (await panelState(page)).marks === 0, 'the marks to go');
    expect(await panelState(page)).toEqual({ panel: 1, expanded: 'false', marks: 0 });
    await options.click('input[name="topic"][value="kaspersky"]');
    await waitFor(async () => (await panelState(page)).panel === 0, 'the panel to go (Kaspersky switched off)');
    await waitFor(async () => (await badgeOf(session, tabId)) === '', 'the badge to clear');
    expect(await options.$eval('#saved', (el) => el.textContent)).toBe('Saved. Open tabs use the new setting now.');

    // Back to the defaults, still without a reload of the article.
    await options.click('input[name="topic"][value="kaspersky"]');
    await options.click('input[name="highlights"]');
    await options.click('input[name="panel"][value="expanded"]');
    await waitFor(async () => JSON.stringify(await panelState(page)) === JSON.stringify({ panel: 1, expanded: 'true', marks: 6 }), 'the defaults again');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(marker);
    expect(session.pageErrors).toEqual([]);
    await Promise.all([page.close(), popup.close(), options.close()]);
  });

  it("the popup's \"Don't show on this site\" and its undo, and the options page's list of sites", async () => {
    const { page, tabId, popup } = await openAndClassify(session, 'kaspersky-article.html');
    await popup.waitForSelector('#site:not([hidden])');
    // Clicks go to the tab in front (Chromium does not draw a background tab).
    await popup.bringToFront();
    expect(await popup.$eval('#site-toggle', (el) => el.textContent)).toBe('Don’t show on this site');
    await popup.click('#site-toggle');
    await waitFor(async () => (await panelState(page)).panel === 0, 'the panel to go');
    await waitFor(async () => (await badgeOf(session, tabId)) === '', 'the badge to clear');
    expect(await popup.$eval('#status', (el) => el.textContent)).toBe('Backstory is off on 127.0.0.1. Turn it back on to see the panel here.');
    expect(await popup.$eval('#site-said', (el) => el.textContent)).toBe('Backstory is off on 127.0.0.1.');

    // Undo from the popup.
    await popup.click('#site-toggle');
    await waitFor(async () => (await panelState(page)).panel === 1, 'the panel to come back');
    expect(await popup.$eval('#site-said', (el) => el.textContent)).toBe('Backstory is on again on 127.0.0.1.');

    // Off again, then removed from the list in the options page.
    await popup.click('#site-toggle');
    await waitFor(async () => (await panelState(page)).panel === 0, 'the panel to go again');
    const options = await session.ext.openExtensionPage('options/options.html');
    await options.bringToFront();
    await options.waitForSelector('#sites li');
    expect(await options.$$eval('#sites li', (lis) => lis.map((li) => li.textContent))).toEqual(['127.0.0.1Remove']);
    expect(await options.$eval('#sites-empty', (el) => (el as HTMLElement).hidden)).toBe(true);
    await options.click('#sites button');
    await waitFor(() => options.$$eval('#sites li', (lis) => lis.length === 0), 'the list to empty');
    expect(await options.$eval('#sites-empty', (el) => (el as HTMLElement).hidden)).toBe(false);
    await waitFor(async () => (await panelState(page)).panel === 1, 'the panel after removing the site');
    expect(session.pageErrors).toEqual([]);
    await Promise.all([page.close(), popup.close(), options.close()]);
  });

  it('keyboard only: every popup control is reached with Tab and works with Enter', async () => {
    const { page, popup } = await openAndClassify(session, 'kaspersky-article.html');
    await popup.waitForSelector('#site:not([hidden])');
    await popup.bringToFront();
    const seen: string[] = [];
    // Six controls: Settings, the site switch and four copy buttons. (More Tabs would leave the page for the browser's own UI.)
    for (let i = 0; i < 6; i += 1) {
      await popup.keyboard.press('Tab');
      seen.push(await focused(popup));
    }
    expect(seen.slice(0, 3)).toEqual([
      'button#settings.settings:Settings',
      'button#site-toggle:Don’t show on this site',
      expect.stringMatching(/^button\.copy:Copy .+ with its attribution$/),
    ]);
    expect(new Set(seen.filter((s) => s.startsWith('button.copy'))).size).toBe(4);
    // Back to the site switch with Shift+Tab, and press it with Enter: the page's panel goes; Enter again brings it back.
    await popup.keyboard.down('Shift');
    for (let i = 0; i < 4; i += 1) await popup.keyboard.press('Tab');
    await popup.keyboard.up('Shift');
    expect(await focused(popup)).toBe('button#site-toggle:Don’t show on this site');
    await popup.keyboard.press('Enter');
    await waitFor(async () => (await panelState(page)).panel === 0, 'the panel to go');
    await popup.keyboard.press('Enter');
    await waitFor(async () => (await panelState(page)).panel === 1, 'the panel to come back');
    // Settings (one more Shift+Tab) opens the options page.
    await popup.keyboard.down('Shift');
    await popup.keyboard.press('Tab');
    await popup.keyboard.up('Shift');
    expect(await focused(popup)).toBe('button#settings.settings:Settings');
    // The popup closes itself once the options page opens, perhaps before the key is released.
    await popup.keyboard.press('Enter').catch(() => undefined);
    // Puppeteer's page.url() shows about:blank for Firefox's moz-extension pages: ask each page.
    const options = await waitFor(async () => {
      for (const p of await session.ext.browser.pages()) {
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.includes('options/options.html')) return p;
      }
      return null;
    }, 'the options page to open');
    await options!.close();
    await page.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('keyboard only: Tab reaches every panel control from the page, and each works', async () => {
    const { page, popup } = await openAndClassify(session, 'kaspersky-article.html');
    await waitFor(async () => (await panelState(page)).marks === 6, 'the marks');
    await page.bringToFront();
    const seen: string[] = [];
    for (let i = 0; i < 20 && seen.filter((s) => s.startsWith('button.quotes-button')).length === 0; i += 1) {
      await page.keyboard.press('Tab');
      seen.push(await focused(page));
    }
    const panelControls = seen.filter((s) => s.startsWith('button.'));
    expect(panelControls).toEqual([
      'button.collapse:Hide',
      'button.dismiss:Close the Backstory panel',
      'button.prev:Previous mention',
      'button.next:Next mention',
      'button.quotes-button:Read the key quotes',
    ]);
    // Shift+Tab back to Next, and Enter steps to the first mention and says so.
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await focused(page)).toBe('button.next:Next mention');
    await page.keyboard.press('Enter');
    await waitFor(() => page.evaluate(() => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.said')!.textContent), 'the announcement');
    expect(await page.evaluate(() => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.said')!.textContent)).toMatch(
      /^Mention 1 of 6: Kaspersky Lab: /,
    );
    // The focus ring is visible on the focused button.
    const outline = await page.evaluate(() => {
      const b = document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.next')!;
      const s = getComputedStyle(b);
      return `${s.outlineStyle} ${s.outlineWidth}`;
    });
    expect(outline).toBe('solid 3px');
    await Promise.all([page.close(), popup.close()]);
  });
});
