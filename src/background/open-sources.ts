/** Shows the popup's sources for a tab: what the panel's context is drawn from. */
import browser from 'webextension-polyfill';
import { sectionRequest } from '../shared/popup-section';
import { openQuotes } from './open-quotes';

/**
 * Asks the next popup to open at its sources (see shared/popup-section.ts), then opens the popup
 * as the quotes button does: the toolbar popup where the browser allows it, else the page in a tab.
 */
export async function openSources(tab: browser.Tabs.Tab): Promise<void> {
  await browser.storage.session.set(sectionRequest('sources'));
  await openQuotes(tab);
}
