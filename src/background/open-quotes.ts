/** Shows the key quotes for a tab: the toolbar popup where the browser allows it, else the same page in a tab. */
import browser from 'webextension-polyfill';

/**
 * action.openPopup() needs a user gesture in Firefox and a focused window in Chrome; a click in a
 * content script does not carry the gesture here, so the fallback opens popup.html for that tab.
 */
export async function openQuotes(tab: browser.Tabs.Tab): Promise<void> {
  try {
    await browser.action.openPopup({ windowId: tab.windowId });
    return;
  } catch {
    // Fall through to the tab.
  }
  await browser.tabs.create({
    url: browser.runtime.getURL(`popup/popup.html?tab=${tab.id}`),
    index: tab.index + 1,
    openerTabId: tab.id,
  });
}
