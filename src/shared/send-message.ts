/** Typed message senders for extension pages (popup, background), over webextension-polyfill. */
import browser from 'webextension-polyfill';
import type { MessageMap, MessageType } from './messages';

/** Sends a message to the content script in the top frame of a tab. */
export function sendToTab<K extends MessageType>(tabId: number, message: MessageMap[K]['request']): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
}
