/**
 * Notices when a single-page app shows a new article without loading a new document: the
 * Navigation API where the browser has it, and URL checks on history events and DOM changes
 * everywhere (content scripts cannot see the page's own pushState calls). It also reports when
 * `isStale()` says the article the extension read has been replaced by a re-render.
 */
import { debounce } from './debounce';

/** The page's identity: its address without the fragment (a hash change is not a new article). */
export function pageKey(win: Window): string {
  return `${win.location.origin}${win.location.pathname}${win.location.search}`;
}

export interface NavigationWatch {
  stop(): void;
}

/** Calls `onChange` once the URL (path or query, not only the hash) changed, or `isStale()` holds, and the DOM has settled. */
export function watchNavigation(win: Window, onChange: () => void, isStale: () => boolean = () => false, settleMs = 400): NavigationWatch {
  const controller = new AbortController();
  const { signal } = controller;
  const doc = win.document;
  const key = () => pageKey(win);
  let last = key();
  // Wait for the new article's DOM to stop changing before reading it, but no longer than
  // 2 seconds on a page that never stops changing.
  const settled = debounce(
    () => {
      last = key();
      onChange();
    },
    settleMs,
    Math.max(settleMs, 2_000),
  );

  const check = (): void => {
    if (key() === last && !isStale()) return;
    settled.schedule();
  };

  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', check, { signal });
  win.addEventListener('popstate', check, { signal });
  const observer = new MutationObserver(check);
  // The whole document, not the body: a page may replace its body element.
  if (doc.documentElement) observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    settled.cancel();
  });
  return { stop: () => controller.abort() };
}
