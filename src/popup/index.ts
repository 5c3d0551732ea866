// Popup entry: fills the static page from the bundled story and the messages file, then says what
// Backstory made of the current tab (see tab-state.ts), and offers the per-site switch.
import browser from 'webextension-polyfill';
import { localDay, localMonth } from '../shared/dates';
import { localizePage, t, tStory } from '../shared/i18n';
import { FIRST_STAGE_KEY } from '../shared/first-stage-state';
import type { PageStatus, PageVerdict } from '../shared/messages';
import { sendToPage } from '../shared/send-message';
import { isBlocked, loadSettings, withSiteBlocked } from '../shared/settings';
import { story } from '../shared/story';
import { storyKeys } from '../shared/story-messages';
import { neither } from '../shared/topics';
import { renderQuotes } from './quotes-view';
import { requestAccess, type Access } from './site-access';
import { showShortcut } from './shortcut-view';
import { showSources } from './sources-view';
import { describeStatus } from './status-view';
import { isPending, readTabState, type TabApis } from './tab-state';

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

function renderStatus(status: PageStatus): void {
  const { text, matched } = describeStatus(status);
  setStatus(text);
  byId('status').dataset.matched = String(matched);
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

/** Shows `text` with one button that reloads the tab and then checks it again. */
function offerReload(tabId: number, text: string): void {
  const box = byId('access');
  const reload = byId<HTMLButtonElement>('reload');
  byId('access-text').textContent = text;
  byId('allow').hidden = true;
  reload.hidden = false;
  box.hidden = false;
  reload.onclick = async () => {
    box.hidden = true;
    setStatus(t('popupChecking'));
    await reloadAndWait(tabId);
    await showStatus(tabId);
  };
}

/** Reloads tab `tabId` and resolves once it has loaded again (or after 15 s, or at once if the reload is refused). */
function reloadAndWait(tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve();
    };
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') done();
    };
    const timer = setTimeout(done, 15_000);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.reload(tabId).catch(done);
  });
}

/**
 * The browser withholds Backstory's access to this site: say so, and offer to ask for it. Once
 * granted, the page must load again for the first stage to run in it.
 */
function offerAccess(tabId: number, access: Extract<Access, { kind: 'withheld' }>): void {
  const allow = byId<HTMLButtonElement>('allow');
  const text = byId('access-text');
  setStatus(t('accessWithheld', access.site ?? t('accessThisSite')), true);
  text.textContent = t('accessWhy');
  allow.textContent = access.site ? t('accessAllowSite', access.site) : t('accessAllowAll');
  allow.hidden = false;
  byId('access').hidden = false;
  allow.onclick = async () => {
    allow.disabled = true;
    const granted = await requestAccess(browser.permissions, access.origins);
    allow.disabled = false;
    if (!granted) {
      text.textContent = t('accessDenied');
      return;
    }
    offerReload(tabId, t('accessGranted'));
    byId('reload').focus();
  };
}

/** The browser calls behind readTabState, for tab `tabId`. */
function tabApis(tabId: number): TabApis {
  return {
    askFullStage: () => sendToPage<'getPageStatus'>(tabId, { type: 'getPageStatus' }),
    // Runs in the extension's isolated world of the page, where the first stage keeps its state.
    probeFirstStage: async () => {
      const [answer] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        func: (key: string) => (globalThis as unknown as Record<string, unknown>)[key] ?? null,
        args: [FIRST_STAGE_KEY],
      });
      // Firefox answers a page it keeps extensions out of (about:, the add-on store) with no result at all.
      if (!answer) throw new Error('the page could not be scripted');
      return answer.result;
    },
    tab: async () => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return { url: tab?.url, loading: tab?.status === 'loading' };
    },
    permissions: browser.permissions,
  };
}

/** How long the popup waits for a full stage on its way, or for a page to finish loading. */
const PATIENCE = { tries: 40, everyMs: 250 };

/** Says what Backstory made of tab `tabId`, asking again for a while where an answer is on its way. */
async function showStatus(tabId: number): Promise<void> {
  const apis = tabApis(tabId);
  let state = await readTabState(apis, __BACKSTORY_BUILD__);
  for (let tries = 1; isPending(state) && tries < PATIENCE.tries; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, PATIENCE.everyMs));
    state = await readTabState(apis, __BACKSTORY_BUILD__);
  }
  switch (state.kind) {
    case 'classified':
      return showPage(state.status);
    case 'dismissed':
      if (state.site) return showPage({ state: 'classified', verdict: NOT_ABOUT, site: state.site });
      return setStatus(t('notAbout'));
    case 'withheld':
      return offerAccess(tabId, state.access);
    case 'notRun':
      setStatus(state.loading ? t('popupStillLoading') : t('popupNotRun'), true);
      return offerReload(tabId, t('popupReloadWhy'));
    case 'starting':
      setStatus(t('popupNoAnswer'), true);
      return offerReload(tabId, t('popupReloadWhy'));
    case 'cannotRun':
      return setStatus(t('popupCannotRun'), true);
  }
}

/** A page's status where the first stage found no mention: about neither topic. */
const NOT_ABOUT: PageVerdict = neither();

localizePage(document);
byId('settings').addEventListener(
  'click',
  () =>
    void browser.runtime.openOptionsPage().then(
      () => window.close(),
      () => undefined,
    ),
);
byId('story-when').textContent = localMonth(story.reported);
byId('story-heading').textContent = tStory(storyKeys.headline);
byId('story-lead').textContent = tStory(storyKeys.summary(0));
byId('source').textContent = t('popupSource', localDay(story.reported));
renderQuotes(byId('quotes'), byId('copy-status'), story.quotes);
void showSources(byId('sources'), story, browser.storage.session);
void showShortcut(byId('shortcut'), byId('shortcut-text'), byId<HTMLButtonElement>('shortcut-set'), {
  // Firefox for Android has no commands API: the line then stays hidden.
  commands: async () => browser.commands.getAll(),
  // Firefox opens its list of extension shortcuts for us; Chrome's is a page an extension may open.
  openShortcutSettings: async () => {
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    if (commands.openShortcutSettings) await commands.openShortcutSettings();
    else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  },
});
void targetTabId()
  .catch(() => undefined)
  .then((tabId) => (tabId === undefined ? setStatus(t('popupCannotRun'), true) : showStatus(tabId)));
