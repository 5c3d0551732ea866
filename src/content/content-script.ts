/**
 * The content script's life in one page: read the reader's settings and this page's state, run the
 * extension over the article, tell the background, answer the popup, and start again when the
 * settings change or a single-page app swaps the article. `stop()` undoes all.
 */
import {
  isGetPageStatus, parsePageSetup, warnIgnored, type MessageMap, type PageSetup, type PageStatus, type PageVerdict,
} from '../shared/messages';
import { useMessages } from '../shared/i18n';
import { isBlocked, parseSettings, type Settings } from '../shared/settings';
import { neither, toPageVerdict } from './classify-page';
import { runPage, type PageRun } from './page-run';
import { onRuntimeMessage, onSyncStorageChange, readSyncStorage, runtimeId, sendToBackground } from './runtime';
import { pageKey, watchNavigation } from './watch-navigation';

export interface ContentScript {
  /** The verdict for the article shown now. */
  verdict(): PageVerdict;
  /** Resolves once the first run has happened (settings read, page classified). */
  ready: Promise<void>;
  stop(): void;
}

type Outgoing = MessageMap['pageClassified' | 'openQuotes' | 'panelDismissed']['request'];

/** Tells the background; a rejection means the extension was reloaded under this page: nothing to do then. */
function send(message: Outgoing): void {
  sendToBackground(message).catch(() => undefined);
}

/** The background's answer for this page, or null (it may be restarting; then nothing was dismissed). */
async function askSetup(): Promise<PageSetup | null> {
  try {
    return parsePageSetup(await sendToBackground({ type: 'getPageSetup' }));
  } catch {
    return null;
  }
}

/** Runs the content script on `doc`. */
export function startContentScript(doc: Document, win: Window): ContentScript {
  const controller = new AbortController();
  let run: PageRun | null = null;
  let verdict: PageVerdict = toPageVerdict(neither());
  let stored: Record<string, unknown> = {};
  let settings: Settings = parseSettings(stored);
  /** The page on which the reader closed the panel (it stays closed there for the session). */
  let dismissedPage: string | null = null;

  /** Tells the background what the badge should say: nothing where the reader turned the site off. */
  const report = (): void => {
    send({ type: 'pageClassified', verdict: isBlocked(settings, win.location.hostname) ? { ...verdict, topics: [] } : verdict });
  };

  const start = (): void => {
    run?.stop();
    const hidden = isBlocked(settings, win.location.hostname) || dismissedPage === pageKey(win);
    run = runPage(doc, win.location.href, {
      settings,
      hidden,
      onOpenQuotes: () => send({ type: 'openQuotes' }),
      onDismiss: () => {
        dismissedPage = pageKey(win);
        send({ type: 'panelDismissed' });
      },
    });
    verdict = toPageVerdict(run.verdict);
    report();
  };

  const ready = Promise.all([readSyncStorage().catch(() => ({})), askSetup()]).then(([values, setup]) => {
    if (controller.signal.aborted) return;
    stored = values;
    settings = parseSettings(stored);
    if (setup) useMessages(setup.messages);
    if (setup?.dismissed) dismissedPage = pageKey(win);
    start();
  });

  /** Runs again (after the first run, and not once stopped). */
  const restart = (): void => void ready.then(() => !controller.signal.aborted && start());

  const removeListener = onRuntimeMessage((message, sender): Promise<PageStatus> | undefined => {
    if (sender.id !== runtimeId()) {
      warnIgnored('content', 'it came from outside the extension');
      return undefined;
    }
    if (!isGetPageStatus(message)) {
      warnIgnored('content', 'unknown or malformed message');
      return undefined;
    }
    return ready.then(() => ({ state: 'classified', verdict, site: win.location.hostname }));
  });

  // Settings changed in the options page or the popup: apply them to this page now, no reload.
  const removeStorageListener = onSyncStorageChange((changes) => {
    stored = { ...stored, ...changes };
    settings = parseSettings(stored);
    restart();
  });

  // A page restored from the back/forward cache keeps its content script but lost its badge.
  win.addEventListener('pageshow', (event) => event.persisted && report(), { signal: controller.signal });

  // A new article in a single-page app, or the article element replaced by a re-render.
  const navigation = watchNavigation(win, restart, () => run !== null && run.root !== null && !run.root.isConnected);

  controller.signal.addEventListener('abort', () => {
    removeListener();
    removeStorageListener();
    navigation.stop();
    run?.stop();
  });
  return { verdict: () => verdict, ready, stop: () => controller.abort() };
}
