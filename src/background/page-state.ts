/**
 * Per-page state the full stage cannot keep itself: pages where the reader closed the panel,
 * for this browser session only (storage.session is kept in memory and cleared when the browser
 * closes), whether the reader has seen the story (story-seen.ts), the reader's settings, and the
 * words the full stage shows, in the browser's language; and telling open pages when the
 * settings change.
 */
import browser from 'webextension-polyfill';
import type { PageSetup } from '../shared/messages';
import { sendToPage } from '../shared/send-message';
import { loadSettings } from '../shared/settings';
import { pageKey, webPageUrl } from '../shared/web-page';
import { pageMessages } from './page-messages';
import { storySeen } from './story-seen';

const KEY = 'dismissedPages';
/** How many closed pages are remembered (oldest forgotten first). */
const MAX_PAGES = 500;

/** The identity (shared/web-page.ts pageKey) of the page at `url`, or null for addresses that are not web pages. */
export function keyOf(url: string | undefined): string | null {
  const u = webPageUrl(url);
  return u && pageKey(u);
}

async function dismissedPages(): Promise<string[]> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((p): p is string => typeof p === 'string') : [];
}

/** Remembers that the reader closed the panel on `url` for the rest of the session. */
export async function rememberDismissed(url: string | undefined): Promise<void> {
  const key = keyOf(url);
  if (!key) return;
  const pages = (await dismissedPages()).filter((p) => p !== key);
  await browser.storage.session.set({ [KEY]: [...pages, key].slice(-MAX_PAGES) });
}

/** Forgets that the reader closed the panel on `url` (they showed it again there). */
export async function forgetDismissed(url: string | undefined): Promise<void> {
  const key = keyOf(url);
  if (!key) return;
  const pages = await dismissedPages();
  if (pages.includes(key)) await browser.storage.session.set({ [KEY]: pages.filter((p) => p !== key) });
}

/** What a content script needs before showing anything on `url`. Never rejects. */
export async function pageSetup(url: string | undefined): Promise<PageSetup> {
  const key = keyOf(url);
  const [dismissed, seen, settings] = await Promise.all([
    key
      ? dismissedPages().then(
          (pages) => pages.includes(key),
          () => false,
        )
      : false,
    storySeen(),
    loadSettings(browser.storage.sync),
  ]);
  return { dismissed, seen, messages: pageMessages(), settings };
}

/**
 * Tells every tab's content script that the reader's settings changed, so that open pages apply
 * them at once. Tabs without our content script (other sites, browser pages) refuse: nothing to do.
 */
export async function announceSettingsChanged(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => tab.id !== undefined && sendToPage<'settingsChanged'>(tab.id, { type: 'settingsChanged' }).catch(() => undefined)));
}
