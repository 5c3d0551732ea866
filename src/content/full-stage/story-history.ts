/**
 * What the full stage knows of the reader's history with the story: whether they have seen its
 * panel in full, from the background (storage.local) or on an earlier page of this document (a
 * single-page app), and whether that was before the page shown now.
 */

export interface StoryHistory {
  /** Takes the background's word (the page's setup): true once the reader has seen the story anywhere. */
  learn(seen: boolean): void;
  /** The reader has just seen the panel in full here. True if the background does not know yet (tell it). */
  see(): boolean;
  /**
   * Whether the reader had seen the story before the page `page` (a pageKey). Decided on the first
   * ask for each page, so that re-running the same page (a settings change) does not fold away a
   * panel the reader is reading there, while the next article of a single-page app starts as the tab.
   */
  seenBefore(page: string): boolean;
}

/** A history that knows nothing yet. */
export function createStoryHistory(): StoryHistory {
  /** Seen anywhere; the background knows whenever this is true (it told us, or see() said to tell it). */
  let seen = false;
  let decided: { page: string; seen: boolean } | null = null;
  return {
    learn(seenAnywhere) {
      seen ||= seenAnywhere;
    },
    see() {
      if (seen) return false;
      seen = true;
      return true;
    },
    seenBefore(page) {
      if (decided?.page !== page) decided = { page, seen };
      return decided.seen;
    },
  };
}
