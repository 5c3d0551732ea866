/**
 * "The reader has seen the story": the one record of the reader's history that Backstory keeps
 * beyond a browser session. The background writes it to storage.local (kept on this device only,
 * never synced, and removed with the extension's data) under a key made of the story's id, so a
 * different story starts unseen. Its value is when the reader first saw the panel in full, in ms
 * since 1970; nothing about the page is kept.
 */

/** The prefix of every such key: one per story. */
export const SEEN_PREFIX = 'seenStory:';

/** The storage.local key recording that the reader has seen the story with id `storyId`. */
export function seenKey(storyId: string): string {
  return `${SEEN_PREFIX}${storyId}`;
}

/** Whether `value`, as read from storage.local, records a sighting (a time); anything else means unseen. */
export function isSeenRecord(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The part of a storage area that forgetting uses. */
export interface SeenArea {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/** Forgets that the reader has seen any story: the next page about one opens the panel in full again. */
export async function forgetSeenStories(area: SeenArea): Promise<void> {
  const keys = Object.keys(await area.get(null)).filter((key) => key.startsWith(SEEN_PREFIX));
  if (keys.length > 0) await area.remove(keys);
}
