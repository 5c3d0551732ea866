// Read once, then quiet, and the keyboard shortcut, in real Chromium and Firefox (issue 20, parts 2
// and 3). These suites keep the panel setting at its default, "only the first time"
// (firstTimeOnly), and their tests run in order: each starts from what the one before left.
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { seenKey } from '../../src/shared/seen-story';
import { story } from '../../src/shared/story';
import { describeEachBrowser, inExtension, openFixture, panelReadyForClicks, setStoredSettings, waitFor, type Session, type StorageApi } from './harness';
import { pressShortcut } from './shortcut-key';

/** The panel's state: 'open', 'tab', or 'none' (no panel on the page). */
const panelState = (page: Page): Promise<'open' | 'tab' | 'none'> =>
  page.evaluate(() => {
    const button = document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.collapse');
    return button ? (button.getAttribute('aria-expanded') === 'true' ? 'open' : 'tab') : 'none';
  });

/** Opens a page about the story (its own address, so no closed panel of another test applies) and waits for its panel. */
async function openStory(session: Session, query: string): Promise<Page> {
  const { page } = await openFixture(session, `kaspersky-article.html?${query}`);
  await waitFor(async () => (await panelState(page)) !== 'none', `the panel on ?${query}`);
  // Placed and shown (and in front): its buttons cannot take focus while it is still unseen.
  await panelReadyForClicks(page);
  return page;
}

/** Presses `selector` in the panel from the keyboard (focus, then Enter), as a reader does. */
async function pressInPanel(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => (document.querySelector('backstory-panel')!.shadowRoot!.querySelector(sel) as HTMLElement).focus(), selector);
  await page.keyboard.press('Enter');
}

/** What the extension keeps in storage.local. */
const local = (session: Session) =>
  inExtension(
    session,
    () => {
      const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
      return (g.browser ?? g.chrome)!.storage.local.get(null);
    },
    null,
  );

const SEEN = seenKey(story.id);

describeEachBrowser('%s: read once, then quiet', { firstTimeOnly: true }, (name, session) => {
  it("the first page about the story opens in full; once the reader hid it, the next starts as the tab; the record is in storage.local under the story's id", async () => {
    expect(SEEN).toBe('seenStory:ncsc-russian-antivirus-2017');
    expect(await local(session)).not.toHaveProperty(SEEN);
    const first = await openStory(session, 'first');
    expect(await panelState(first)).toBe('open');
    await pressInPanel(first, '.collapse');
    expect(await panelState(first)).toBe('tab');
    const stored = await waitFor(async () => (await local(session))[SEEN], 'the record in storage.local');
    expect(stored).toEqual(expect.any(Number));
    const second = await openStory(session, 'second');
    expect(await panelState(second)).toBe('tab');
    // The tab is there to open: on screen, with its Show button.
    const tab = await second.evaluate(() => {
      const shadow = document.querySelector('backstory-panel')!.shadowRoot!;
      const r = shadow.querySelector('.panel')!.getBoundingClientRect();
      return {
        inside: r.width > 0 && r.height > 0 && r.right <= innerWidth && r.bottom <= innerHeight,
        button: shadow.querySelector('.collapse')!.textContent,
      };
    });
    expect(tab).toEqual({ inside: true, button: 'Show' });
    expect(session.pageErrors).toEqual([]);
    await Promise.all([first.close(), second.close()]);
  });

  it('the options page forgets it; closing the panel counts as seeing it; "every time" opens it in full again', async () => {
    const options = await session.ext.openExtensionPage('options/options.html');
    await options.bringToFront();
    await options.waitForSelector('input[name="panel"][value="firstTime"]:checked');
    await options.click('#forget-seen');
    await waitFor(() => options.$eval('#saved', (el) => el.textContent === 'Done. The next page about the story opens the panel in full.'), 'the announcement');
    expect(await local(session)).not.toHaveProperty(SEEN);

    const third = await openStory(session, 'third');
    expect(await panelState(third)).toBe('open');
    await pressInPanel(third, '.dismiss');
    expect(await panelState(third)).toBe('none');
    await waitFor(async () => (await local(session))[SEEN], 'the record after closing');
    const fourth = await openStory(session, 'fourth');
    expect(await panelState(fourth)).toBe('tab');

    await options.bringToFront();
    await options.click('input[name="panel"][value="expanded"]');
    const fifth = await openStory(session, 'fifth');
    expect(await panelState(fifth)).toBe('open');
    await options.bringToFront();
    await options.click('input[name="panel"][value="firstTime"]');
    // An open page follows at once: the reader has seen the story, so it starts as the tab again.
    await waitFor(async () => (await panelState(fifth)) === 'tab', 'the open page to take the setting');
    expect(session.pageErrors).toEqual([]);
    await Promise.all([options.close(), third.close(), fourth.close(), fifth.close()]);
  });

  it('the keyboard shortcut opens the tab, hides the panel, and shows one the reader closed on the page', async () => {
    const page = await openStory(session, 'shortcut');
    expect(await panelState(page)).toBe('tab');
    await pressShortcut(name, session, page);
    await waitFor(async () => (await panelState(page)) === 'open', 'the shortcut to open the panel');
    // Focus moves into the panel, to its Hide button, for a keyboard reader.
    expect(await page.evaluate(() => document.querySelector('backstory-panel')!.shadowRoot!.activeElement?.className)).toBe('collapse');
    await pressShortcut(name, session, page);
    await waitFor(async () => (await panelState(page)) === 'tab', 'the shortcut to hide the panel');

    await pressInPanel(page, '.dismiss');
    expect(await panelState(page)).toBe('none');
    await pressShortcut(name, session, page);
    await waitFor(async () => (await panelState(page)) === 'open', 'the shortcut to show the closed panel');
    // Shown again, it is no longer closed on this page: a reload brings it (as the tab: the story is seen).
    await page.reload({ waitUntil: 'load' });
    await waitFor(async () => (await panelState(page)) === 'tab', 'the panel after a reload');
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });

  it('the shortcut does nothing, and breaks nothing, on a page not about the story, a blank page or a site turned off', async () => {
    // Chromium: errors the background's service worker logs or throws meanwhile (Firefox's event page has no such hook here).
    const backgroundErrors: string[] = [];
    if (name === 'chromium') {
      const worker = await (await session.ext.browser.waitForTarget((t) => t.type() === 'service_worker')).worker();
      worker?.on('console', (message) => message.type() === 'error' && backgroundErrors.push(message.text()));
      worker?.on('error', (error) => backgroundErrors.push(String(error)));
    }
    const { page: plain } = await openFixture(session, 'plain-article.html');
    await pressShortcut(name, session, plain);
    const blank = await session.ext.browser.newPage();
    await pressShortcut(name, session, blank);
    const relevant = await openStory(session, 'turned-off');
    await setStoredSettings(session, { blockedSites: ['127.0.0.1'] });
    await waitFor(async () => (await panelState(relevant)) === 'none', 'the panel to go on a site turned off');
    await pressShortcut(name, session, relevant);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await panelState(relevant)).toBe('none');
    expect(await panelState(plain)).toBe('none');
    // The background still answers: with the site back on, the shortcut works on the same page.
    await setStoredSettings(session, { blockedSites: [] });
    await waitFor(async () => (await panelState(relevant)) === 'tab', 'the panel with the site on again');
    await pressShortcut(name, session, relevant);
    await waitFor(async () => (await panelState(relevant)) === 'open', 'the shortcut after all that');
    expect(session.pageErrors).toEqual([]);
    expect(backgroundErrors).toEqual([]);
    await Promise.all([plain.close(), blank.close(), relevant.close()]);
  });

  it('the popup names the shortcut as the browser has it', async () => {
    const { page, tabId } = await openFixture(session, 'plain-article.html');
    const popup = await session.ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#shortcut:not([hidden])');
    expect(await popup.$eval('#shortcut-text', (el) => el.textContent)).toBe('Show or hide the panel on a page with Alt+Shift+K.');
    expect(await popup.$eval('#shortcut-set', (el) => (el as HTMLElement).hidden)).toBe(true);
    await Promise.all([page.close(), popup.close()]);
  });
});
