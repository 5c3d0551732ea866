/** Opens the popup for a tab at one of its sections: the toolbar popup where the browser allows it, else the same page in a tab. */
import browser from 'webextension-polyfill';
import { SECTION_KEY, sectionRequest, type PopupSection } from '../shared/popup-section';

/**
 * Leaves the popup its section (see shared/popup-section.ts: it opens at the quotes unless asked
 * for another, so a request for the quotes clears an earlier one), then opens it.
 * action.openPopup() needs a user gesture in Firefox and a focused window in Chrome; a click in a
 * content script does not carry the gesture here, so the fallback opens popup.html for that tab.
 */
export async function openPopup(tab: browser.Tabs.Tab, section: PopupSection): Promise<void> {
  if (section === 'quotes') await browser.storage.session.remove(SECTION_KEY);
  else await browser.storage.session.set(sectionRequest(section));
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
