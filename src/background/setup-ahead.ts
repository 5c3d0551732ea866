/**
 * A page's setup read ahead: when the first stage asks for the full stage, the background starts
 * reading the page's setup while the full stage is being injected, so the full stage's
 * `getPageSetup` finds it read (or on its way) instead of starting the storage reads only then.
 *
 * Never stale: a setup read ahead is given once, only to the same tab at the same address, and
 * every one is dropped when any storage area changes (the settings, a closed panel, the story
 * seen), so what a page is given is what `pageSetup` would read at that moment. Kept in memory
 * only: a background that restarts has none, and reads afresh.
 */
import type { PageSetup } from '../shared/messages';
import { pageSetup } from './page-state';

/** Per tab: the address it was read for and the reading. */
const ahead = new Map<number, { page: string | undefined; setup: Promise<PageSetup> }>();

/** Starts reading the setup of `page` in tab `tabId`, for the full stage about to be injected there. */
export function readSetupAhead(tabId: number, page: string | undefined): void {
  ahead.set(tabId, { page, setup: pageSetup(page) });
}

/** The setup of `page` in tab `tabId`: the one read ahead for it, once, else a fresh reading. Never rejects. */
export function takePageSetup(tabId: number, page: string | undefined): Promise<PageSetup> {
  const read = ahead.get(tabId);
  ahead.delete(tabId);
  return read && read.page === page ? read.setup : pageSetup(page);
}

/** Drops what was read ahead for tab `tabId` (a new document), or for every tab (storage changed). */
export function dropSetupAhead(tabId?: number): void {
  if (tabId === undefined) ahead.clear();
  else ahead.delete(tabId);
}
