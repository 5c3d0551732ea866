// Popup entry: fills the static page from the bundled story, then asks the current tab's content
// script what it found there.
import browser from 'webextension-polyfill';
import { formatDate, formatMonth } from '../shared/dom';
import { sendToTab } from '../shared/messages';
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
  if (param !== null && /^\d{1,9}$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function showStatus(): Promise<void> {
  const tabId = await targetTabId().catch(() => undefined);
  const status = tabId === undefined ? null : await fetchStatus(() => sendToTab<'getPageStatus'>(tabId, { type: 'getPageStatus' }));
  const { text, matched } = describeStatus(status);
  const el = byId('status');
  el.textContent = text;
  el.classList.toggle('unavailable', status === null);
  el.dataset.matched = String(matched);
}

byId('story-when').textContent = formatMonth(story.reported);
byId('story-heading').textContent = story.headline;
byId('story-lead').textContent = story.summary[0] ?? '';
byId('source').textContent = `Quotes as given in a news report dated ${formatDate(story.reported)}. Backstory sends nothing over the network.`;
renderQuotes(byId('quotes'), byId('copy-status'), story.quotes);
void showStatus();
