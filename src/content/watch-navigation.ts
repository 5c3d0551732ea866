/**
 * Notices when a single-page app shows a new article without loading a new document: the
 * Navigation API where the browser has it, and URL checks on history events and DOM changes
 * everywhere (content scripts cannot see the page's own pushState calls). It also reports when
 * `isStale()` says the article the extension read has been replaced by a re-render.
 */

export interface NavigationWatch {
  stop(): void;
}

/** Calls `onChange` once the URL (path or query, not only the hash) changed, or `isStale()` holds, and the DOM has settled. */
export function watchNavigation(win: Window, onChange: () => void, isStale: () => boolean = () => false, settleMs = 400): NavigationWatch {
  const controller = new AbortController();
  const { signal } = controller;
  const doc = win.document;
  const key = () => `${win.location.origin}${win.location.pathname}${win.location.search}`;
  let last = key();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = (): void => {
    if (key() === last && !isStale()) return;
    clearTimeout(timer);
    // Wait for the new article's DOM to stop changing before reading it.
    timer = setTimeout(() => {
      last = key();
      onChange();
    }, settleMs);
  };

  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', check, { signal });
  win.addEventListener('popstate', check, { signal });
  const observer = new MutationObserver(check);
  if (doc.body) observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  return { stop: () => controller.abort() };
}
