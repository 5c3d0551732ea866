/**
 * Follows a single-page app, for both stages: notices when the page shows a new article without
 * loading a new document, through the Navigation API where the browser has it, and through address
 * checks on history events and DOM changes everywhere (content scripts cannot see the page's own
 * pushState calls). Each stage says what to observe and what to do next.
 */
import { pageKey } from '../shared/web-page';
import { debounce } from './debounce';

/**
 * Calls `onEvent` on every navigation, history event and change to the elements under `observe`
 * (elements added or removed: setting document.title replaces the <title>'s text node), with whether
 * the page's address (its pageKey) changed since the last call, until `signal` aborts.
 */
export function watchAddress(win: Window, onEvent: (moved: boolean) => void, signal: AbortSignal, observe?: Node | null): void {
  let last = pageKey(win.location);
  const check = (): void => {
    const key = pageKey(win.location);
    onEvent(key !== last);
    last = key;
  };
  (win as Window & { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', check, { signal });
  win.addEventListener('popstate', check, { signal });
  if (!observe) return;
  const observer = new MutationObserver(check);
  observer.observe(observe, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
}

export interface NavigationWatch {
  stop(): void;
}

/**
 * The full stage's watch: calls `onChange` once the address changed (path or query, not only the
 * hash) or `isStale()` holds, and the whole document has settled.
 */
export function watchNavigation(win: Window, onChange: () => void, isStale: () => boolean = () => false, settleMs = 400): NavigationWatch {
  const controller = new AbortController();
  /** The address changed since `onChange` was last called. */
  let moved = false;
  // Wait for the new article's DOM to stop changing before reading it, but no longer than
  // 2 seconds on a page that never stops changing.
  const settled = debounce(
    () => {
      moved = false;
      onChange();
    },
    settleMs,
    Math.max(settleMs, 2_000),
  );
  watchAddress(
    win,
    (movedNow) => {
      moved ||= movedNow;
      if (moved || isStale()) settled.schedule();
    },
    controller.signal,
    // The whole document, not the body: a page may replace its body element.
    win.document.documentElement,
  );
  controller.signal.addEventListener('abort', () => settled.cancel());
  return { stop: () => controller.abort() };
}
