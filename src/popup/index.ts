// Popup entry: fills the static page from the bundled story and the messages file, then asks the
// current tab's content script what it found there, and offers the per-site switch.
import browser from 'webextension-polyfill';
import { localDay, localMonth } from '../shared/dates';
import { localizePage, t, tStory } from '../shared/i18n';
import type { PageStatus } from '../shared/messages';
import { sendToTab } from '../shared/send-message';
import { isBlocked, loadSettings, withSiteBlocked } from '../shared/settings';
import { story } from '../shared/story';
import { storyKeys } from '../shared/story-messages';
import { renderQuotes } from './quotes-view';
import { checkAccess, requestAccess, type Access } from './site-access';
import { showSources } from './sources-view';
import { describeStatus, fetchStatus } from './status-view';

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup.html lacks #${id}`);
  return el as T;
}

/** The tab the popup describes: `?tab=N` when opened as a page for a given tab, else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  // Tab ids are non-negative 32-bit integers; Chromium hands out large ones (e.g. 1803513542).
  if (param !== null && /^\d{1,10}$/.test(param) && Number(param) <= 0x7fffffff) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function setStatus(text: string, unavailable = false): void {
  const el = byId('status');
  el.textContent = text;
  el.classList.toggle('unavailable', unavailable);
}

function renderStatus(status: PageStatus | null): void {
  const { text, matched } = describeStatus(status);
  setStatus(text, status === null);
  byId('status').dataset.matched = String(matched);
}

/** Keeps asking the content script for a while (a slow page may still be loading) and shows the answer. */
async function pollStatus(ask: () => Promise<unknown>): Promise<void> {
  const status = await fetchStatus(ask, 20, 500);
  if (status) await showPage(status);
}

const readSettings = () => loadSettings(browser.storage.sync);

/**
 * The page's status and the per-site switch: "Don't show on this site", or, on a site the reader
 * turned off, "Turn on for …". The change reaches the page at once (its content script listens).
 */
async function showPage(status: PageStatus): Promise<void> {
  const { site } = status;
  const box = byId('site');
  const toggle = byId<HTMLButtonElement>('site-toggle');
  const said = byId('site-said');
  const draw = async (announce: boolean): Promise<void> => {
    const blocked = isBlocked(await readSettings(), site);
    if (blocked) setStatus(t('siteIsOff', site));
    else renderStatus(status);
    toggle.textContent = blocked ? t('siteTurnOn', site) : t('siteOff');
    toggle.dataset.blocked = String(blocked);
    if (announce) said.textContent = blocked ? t('siteOffDone', site) : t('siteOnDone', site);
  };
  toggle.onclick = async () => {
    const blocked = toggle.dataset.blocked !== 'true';
    await browser.storage.sync.set({ blockedSites: withSiteBlocked(await readSettings(), site, blocked) });
    await draw(true);
  };
  await draw(false);
  box.hidden = false;
}

/**
 * The browser withholds Backstory's access to this site: say so, and offer to ask for it. Once
 * granted, the page must load again for the content script to run in it.
 */
function offerAccess(tabId: number, access: Extract<Access, { kind: 'withheld' }>, ask: () => Promise<unknown>): void {
  const box = byId('access');
  const text = byId('access-text');
  const allow = byId<HTMLButtonElement>('allow');
  const reload = byId<HTMLButtonElement>('reload');
  setStatus(t('accessWithheld', access.site ?? t('accessThisSite')), true);
  text.textContent = t('accessWhy');
  allow.textContent = access.site ? t('accessAllowSite', access.site) : t('accessAllowAll');
  box.hidden = false;
  allow.addEventListener('click', async () => {
    allow.disabled = true;
    const granted = await requestAccess(browser.permissions, access.origins);
    allow.disabled = false;
    if (!granted) {
      text.textContent = t('accessDenied');
      return;
    }
    allow.hidden = true;
    reload.hidden = false;
    text.textContent = t('accessGranted');
    reload.focus();
  });
  reload.addEventListener('click', async () => {
    box.hidden = true;
    setStatus(t('popupChecking'));
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
  if (status !== null) return showPage(status);
  // The address is known when the person opened the popup on this tab (activeTab); else undefined.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const access = await checkAccess(browser.permissions, tab?.url);
  if (access.kind === 'withheld') return offerAccess(tabId, access, ask);
  renderStatus(null);
  await pollStatus(ask);
}

localizePage(document);
byId('settings').addEventListener('click', () => void browser.runtime.openOptionsPage().then(() => window.close(), () => undefined));
byId('story-when').textContent = localMonth(story.reported);
byId('story-heading').textContent = tStory(storyKeys.headline);
byId('story-lead').textContent = tStory(storyKeys.summary(0));
byId('source').textContent = t('popupSource', localDay(story.reported));
renderQuotes(byId('quotes'), byId('copy-status'), story.quotes);
void showSources(byId('sources'), story, browser.storage.session);
void showStatus();
