/**
 * When the reader has seen the panel in full, which with the "only the first time" setting makes
 * later pages about the story start as the tab. Seen in full means either:
 * - the panel was open (not the tab) while its page was visible (the tab in front, the window not
 *   minimised: `document.visibilityState` is 'visible') for {@link SEEN_AFTER_MS} in one stretch; or
 * - the reader acted on the open panel: Hide (or Escape), ✕, Next or Previous, Key quotes or
 *   Sources, or hid it with the keyboard shortcut.
 * A panel that starts as the tab and stays the tab has not been seen; opening it starts the clock.
 */

/** How long the open panel must be in view to count as seen: long enough to read its headline and first lines. */
export const SEEN_AFTER_MS = 8_000;

/** What the panel tells the watch. */
export interface SeenWatch {
  /** The panel was opened (true) or folded to the tab (false). */
  opened(open: boolean): void;
  /** The reader acted on the open panel: it counts as seen at once. */
  acted(): void;
}

/** Calls `onSeen` once, the first time the panel counts as seen, unless `signal` aborts first. */
export function watchSeen(doc: Document, onSeen: () => void, signal: AbortSignal): SeenWatch {
  let open = false;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const see = (): void => {
    clearTimeout(timer);
    if (done || signal.aborted) return;
    done = true;
    onSeen();
  };
  const schedule = (): void => {
    clearTimeout(timer);
    if (!done && open && doc.visibilityState === 'visible') timer = setTimeout(see, SEEN_AFTER_MS);
  };
  doc.addEventListener('visibilitychange', schedule, { signal });
  signal.addEventListener('abort', () => clearTimeout(timer));
  return {
    opened(isOpen) {
      open = isOpen;
      schedule();
    },
    acted: see,
  };
}
