// Popup entry: fills the static page from the bundled story, then asks the current tab's content
// script what it found there.
import browser from 'webextension-polyfill';
import { formatDate, formatMonth } from '../shared/dom';
import type { PageStatus } from '../shared/messages';
import { sendToTab } from '../shared/send-message';
import { story } from '../shared/story';
import { renderQuotes } from './quotes-view';
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

/**
 * Asks the tab's content script for its verdict. If it does not answer at first, the popup says so
 * but keeps asking for a while: on a slow page the script (run at document_idle) may still come.
 */
async function showStatus(): Promise<void> {
  const tabId = await targetTabId().catch(() => undefined);
  if (tabId === undefined) return renderStatus(null);
  const ask = () => sendToTab<'getPageStatus'>(tabId, { type: 'getPageStatus' });
  let status = await fetchStatus(ask);
  renderStatus(status);
  if (status === null) {
    status = await fetchStatus(ask, 20, 500);
    if (status) renderStatus(status);
  }
}

byId('story-when').textContent = formatMonth(story.reported);
byId('story-heading').textContent = story.headline;
byId('story-lead').textContent = story.summary[0] ?? '';
byId('source').textContent = `Quotes as given in a news report dated ${formatDate(story.reported)}. Backstory sends nothing over the network.`;
renderQuotes(byId('quotes'), byId('copy-status'), story.quotes);
void showStatus();
