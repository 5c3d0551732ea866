/**
 * The keyboard shortcut (manifest.json `commands`): shows or hides the panel on the page in front.
 * The background only passes it on; the page's full stage decides what it means there. A page
 * without one (not about the story, a browser page) refuses the message, and nothing happens.
 */
import browser from 'webextension-polyfill';
import { TOGGLE_PANEL_COMMAND } from '../shared/commands';
import { sendToPage } from '../shared/send-message';

/** Handles a command: for ours, asks the full stage of `tab` (or of the active tab, where the browser gives none) to toggle the panel. */
export async function runCommand(command: string, tab: browser.Tabs.Tab | undefined): Promise<void> {
  if (command !== TOGGLE_PANEL_COMMAND) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined || tabId < 0) return;
  await sendToPage<'togglePanel'>(tabId, { type: 'togglePanel' }).catch(() => undefined);
}
