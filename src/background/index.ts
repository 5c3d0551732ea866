// Background entry: registers listeners only. Chrome runs it as a service worker, Firefox as an
// event page; both may unload it between events, so it keeps nothing a restart would lose that
// matters (a setup read ahead, setup-ahead.ts, is then read afresh).
import browser from 'webextension-polyfill';
import { parseToBackground, warnIgnored, type BackgroundMessage } from '../shared/messages';
import { clearVerdict, showVerdict } from './badge';
import { injectFullStage } from './full-stage';
import { openPopup } from './open-popup';
import { announceSettingsChanged, forgetDismissed, rememberDismissed } from './page-state';
import { dropSetupAhead, readSetupAhead, takePageSetup } from './setup-ahead';
import { runCommand } from './shortcut';
import { rememberStorySeen } from './story-seen';

/** Ignores a failed browser call (the tab may have closed meanwhile) but says so once. */
function quietly(task: Promise<void>): Promise<void> {
  return task.catch((error: unknown) => warnIgnored('background', `a browser call failed: ${String(error)}`));
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  // The page is named by the sender's address as the browser gives it, never by the message.
  const page = sender.url ?? sender.tab?.url;
  // Only our content scripts, in the top frame of a web page, send to the background: not another
  // extension, not a frame, and not one of our own pages (whose address is the extension's).
  const fromWebPage = /^https?:/.test(page ?? 'http:');
  if (sender.id !== browser.runtime.id || tabId === undefined || tabId < 0 || sender.frameId !== 0 || !fromWebPage) {
    warnIgnored('background', 'it did not come from the extension’s own script in a tab’s top frame');
    return undefined;
  }
  const parsed = parseToBackground(message);
  if (!parsed) {
    warnIgnored('background', 'unknown or malformed message');
    return undefined;
  }
  return answer(parsed, tabId, sender.tab!, page);
});

/** Does what a checked message asks, for the sender's tab and page; resolves with the answer, if the message has one. */
function answer(message: BackgroundMessage, tabId: number, tab: browser.Tabs.Tab, page: string | undefined): Promise<unknown> {
  switch (message.type) {
    case 'startFullStage': {
      // The injection first (its call goes out at once), then the setup's reads, which travel with it.
      const injected = quietly(injectFullStage(tabId));
      readSetupAhead(tabId, page);
      return injected;
    }
    case 'getPageSetup':
      return takePageSetup(tabId, page);
    case 'pageClassified':
      return quietly(showVerdict(tabId, message.verdict));
    case 'panelDismissed':
      return quietly(rememberDismissed(page));
    case 'panelReopened':
      return quietly(forgetDismissed(page));
    case 'storySeen':
      return quietly(rememberStorySeen());
    case 'openPopup':
      return quietly(openPopup(tab, message.section));
  }
}

// Firefox for Android has no commands API (and no keyboard shortcuts).
browser.commands?.onCommand.addListener((command, tab) => void quietly(runCommand(command, tab)));

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status !== 'loading') return;
  dropSetupAhead(tabId);
  void quietly(clearVerdict(tabId));
});

// Content scripts do not watch storage themselves (see PageSetup): the background tells them. A
// setup read ahead before any change may be stale (setup-ahead.ts).
browser.storage.onChanged.addListener((_changes, area) => {
  dropSetupAhead();
  if (area === 'sync') void quietly(announceSettingsChanged());
});
