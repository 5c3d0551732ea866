// Background entry: registers listeners only. Chrome runs it as a service worker, Firefox as an
// event page; both may unload it between events, so it keeps no state of its own.
import browser from 'webextension-polyfill';
import { parseMessage, warnIgnored } from '../shared/messages';
import { clearVerdict, showVerdict } from './badge';
import { injectFullStage } from './full-stage';
import { openQuotes } from './open-quotes';
import { openSources } from './open-sources';
import { announceSettingsChanged, pageSetup, rememberDismissed } from './page-state';

/** Ignores a failed browser call (the tab may have closed meanwhile) but says so once. */
function quietly(task: Promise<void>): Promise<void> {
  return task.catch((error: unknown) => warnIgnored('background', `a browser call failed: ${String(error)}`));
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  // The page is named by the sender's address as the browser gives it, never by the message.
  const page = sender.url ?? sender.tab?.url;
  // Only our content scripts, in the top frame of a web page, sends to the background: not another
  // extension, not a frame, and not one of our own pages (whose address is the extension's).
  const fromWebPage = /^https?:/.test(page ?? 'http:');
  if (sender.id !== browser.runtime.id || tabId === undefined || tabId < 0 || sender.frameId !== 0 || !fromWebPage) {
    warnIgnored('background', 'it did not come from the extension’s own script in a tab’s top frame');
    return undefined;
  }
  const parsed = parseMessage(message);
  if (parsed?.type === 'startFullStage') return quietly(injectFullStage(tabId));
  if (parsed?.type === 'pageClassified') return quietly(showVerdict(tabId, parsed.verdict));
  if (parsed?.type === 'openQuotes') return quietly(openQuotes(sender.tab!));
  if (parsed?.type === 'openSources') return quietly(openSources(sender.tab!));
  if (parsed?.type === 'getPageSetup') return pageSetup(page);
  if (parsed?.type === 'panelDismissed') return quietly(rememberDismissed(page));
  warnIgnored('background', 'unknown or malformed message');
  return undefined;
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading') void quietly(clearVerdict(tabId));
});

// Content scripts do not watch storage themselves (see PageSetup): the background tells them.
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'sync') void quietly(announceSettingsChanged());
});
