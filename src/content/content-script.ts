/**
 * The content script's life in one page: run the extension over the article, tell the background,
 * answer the popup, and start again when a single-page app swaps the article. `stop()` undoes all.
 */
import { isGetPageStatus, warnIgnored, type MessageMap, type PageStatus, type PageVerdict } from '../shared/messages';
import { toPageVerdict } from './classify-page';
import { runPage, type PageRun } from './page-run';
import { onRuntimeMessage, runtimeId, sendToBackground } from './runtime';
import { watchNavigation } from './watch-navigation';

export interface ContentScript {
  /** The verdict for the article shown now. */
  verdict(): PageVerdict;
  stop(): void;
}

/** Tells the background; a rejection means the extension was reloaded under this page: nothing to do then. */
function send(message: MessageMap['pageClassified' | 'openQuotes']['request']): void {
  sendToBackground(message).catch(() => undefined);
}

function report(verdict: PageVerdict): void {
  send({ type: 'pageClassified', verdict });
}

/** Runs the content script on `doc`. */
export function startContentScript(doc: Document, win: Window): ContentScript {
  const controller = new AbortController();
  const openQuotes = (): void => send({ type: 'openQuotes' });
  let run: PageRun = runPage(doc, win.location.href, { onOpenQuotes: openQuotes });
  let verdict = toPageVerdict(run.verdict);

  const removeListener = onRuntimeMessage((message, sender): Promise<PageStatus> | undefined => {
    if (sender.id !== runtimeId()) {
      warnIgnored('content', 'it came from outside the extension');
      return undefined;
    }
    if (!isGetPageStatus(message)) {
      warnIgnored('content', 'unknown or malformed message');
      return undefined;
    }
    return Promise.resolve({ state: 'classified', verdict });
  });

  // A page restored from the back/forward cache keeps its content script but lost its badge.
  win.addEventListener('pageshow', (event) => event.persisted && report(verdict), { signal: controller.signal });
  report(verdict);

  // A new article in a single-page app, or the article element replaced by a re-render.
  const rerun = (): void => {
    run.stop();
    run = runPage(doc, win.location.href, { onOpenQuotes: openQuotes });
    verdict = toPageVerdict(run.verdict);
    report(verdict);
  };
  const navigation = watchNavigation(win, rerun, () => run.root !== null && !run.root.isConnected);

  controller.signal.addEventListener('abort', () => {
    removeListener();
    navigation.stop();
    run.stop();
  });
  return { verdict: () => verdict, stop: () => controller.abort() };
}
