/** The typed send to a page, for extension pages and the background (over webextension-polyfill). */
import browser from 'webextension-polyfill';
import type { ToPage } from './messages';

/**
 * Sends `message` to the full stage in the top frame of tab `tabId` (the only frame it runs in).
 * Resolves with its answer, which the caller parses: a page's answer is never trusted. Rejects
 * where no full stage listens.
 */
export function sendToPage<K extends keyof ToPage>(tabId: number, message: ToPage[K]['request']): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
}
