/**
 * Whether the reader has seen the story's panel in full (see shared/seen-story.ts): read for each
 * page's setup, written once when a page says the reader saw it.
 */
import browser from 'webextension-polyfill';
import { isSeenRecord, seenKey } from '../shared/seen-story';
import { story } from '../shared/story';

const KEY = seenKey(story.id);

/** Whether the reader has seen this story's panel in full on some page; false where storage.local cannot be read. */
export async function storySeen(): Promise<boolean> {
  try {
    return isSeenRecord((await browser.storage.local.get(KEY))[KEY]);
  } catch {
    return false;
  }
}

/** Records that the reader has seen this story's panel in full, keeping the time of the first sighting. */
export async function rememberStorySeen(now = Date.now()): Promise<void> {
  if (!(await storySeen())) await browser.storage.local.set({ [KEY]: now });
}
