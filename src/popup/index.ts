// Popup entry: fills the static page from the bundled story, then asks the current tab's content
// script what it found there.
import browser from 'webextension-polyfill';
import { formatDate, formatMonth } from '../shared/dom';
import type { PageStatus } from '../shared/messages';
import { sendToTab } from '../shared/send-message';
import { story } from '../shared/story';
import { renderQuotes } from './quotes-view';
import { checkAccess, requestAccess, type Access } from './site-access';
import { describeStatus, fetchStatus } from './status-view';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup.html lacks #${id}`);
  return el;
}

/** The tab the popup describes: `?tab=N` when opened as a page for a given tab, else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  // Tab ids are non-negative 32-bit integers; Chromium hands out large ones (e.g. 1803513542).
  if (param !== null && /^\d{1,10}$/.test(param) && Number(param) <= 0x7fffffff) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function renderStatus(status: PageStatus | null): void {
  const { text, matched } = describeStatus(status);
  const el = byId('status');
  el.textContent = text;
  el.classList.toggle('unavailable', status === null);
  el.dataset.matched = String(matched);
}

/** Keeps asking the content script for a while (a slow page may still be loading) and shows the answer. */
async function pollStatus(ask: () => Promise<unknown>): Promise<void> {
  const status = await fetchStatus(ask, 20, 500);
  if (status) renderStatus(status);
}

/**
 * The browser withholds Backstory's access to this site: say so, and offer to ask for it. Once
 * granted, the page must load again for the content script to run in it.
 */
function offerAccess(tabId: number, access: Extract<Access, { kind: 'withheld' }>, ask: () => Promise<unknown>): void {
  const box = byId('access');
  const text = byId('access-text');
  const allow = byId('allow') as HTMLButtonElement;
  const reload = byId('reload') as HTMLButtonElement;
  const where = access.site ?? 'this site';
  byId('status').textContent = `Backstory isn’t allowed to read pages on ${where}, so it can’t check this page.`;
  byId('status').classList.add('unavailable');
  text.textContent = 'Allowing it lets Backstory read the page in your browser. Nothing is sent anywhere.';
  allow.textContent = access.site ? `Allow on ${access.site}` : 'Allow on all websites';
  box.hidden = false;
  allow.addEventListener('click', async () => {
    allow.disabled = true;
    const granted = await requestAccess(browser.permissions, access.origins);
    allow.disabled = false;
    if (!granted) {
      text.textContent = 'Access was not granted. You can allow it at any time from the browser’s extensions menu.';
      return;
    }
    allow.hidden = true;
    reload.hidden = false;
    text.textContent = 'Allowed. Reload the page to see Backstory on it.';
    reload.focus();
  });
  reload.addEventListener('click', async () => {
    box.hidden = true;
    byId('status').textContent = 'Checking this page…';
    byId('status').classList.remove('unavailable');
    await browser.tabs.reload(tabId).catch(() => undefined);
    await pollStatus(ask);
  });
}

/**
 * Asks the tab's content script for its verdict. If it does not answer at first, the popup checks
 * whether the browser withholds access to the site; if not, it says the page can't be read but
 * keeps asking for a while: on a slow page the script (run at document_idle) may still come.
 */
async function showStatus(): Promise<void> {
  const tabId = await targetTabId().catch(() => undefined);
  if (tabId === undefined) return renderStatus(null);
  const ask = () => sendToTab<'getPageStatus'>(tabId, { type: 'getPageStatus' });
  const status = await fetchStatus(ask);
  if (status !== null) return renderStatus(status);
  // The address is known when the person opened the popup on this tab (activeTab); else undefined.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const access = await checkAccess(browser.permissions, tab?.url);
  if (access.kind === 'withheld') return offerAccess(tabId, access, ask);
  renderStatus(null);
  await pollStatus(ask);
}

byId('story-when').textContent = formatMonth(story.reported);
byId('story-heading').textContent = story.headline;
byId('story-lead').textContent = story.summary[0] ?? '';
byId('source').textContent = `Quotes as given in a news report dated ${formatDate(story.reported)}. Backstory sends nothing over the network.`;
renderQuotes(byId('quotes'), byId('copy-status'), story.quotes);
void showStatus();
