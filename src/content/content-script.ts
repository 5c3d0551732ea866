/**
 * One page's lifetime: classify, tell the background, show the panel when relevant, and answer
 * the popup. Every listener takes one AbortSignal, so `stop()` undoes everything.
 */
import browser from 'webextension-polyfill';
import { parseMessage, sendToBackground, warnIgnored, type PageStatus, type PageVerdict } from '../shared/messages';
import { canAnnotate, classifyPage, toPageVerdict } from './classify-page';
import { mountPanel, type Panel } from './panel';

export interface ContentScript {
  verdict: PageVerdict;
  stop(): void;
}

function report(verdict: PageVerdict): void {
  // Rejects when the extension was reloaded or updated under this page: nothing to do then.
  sendToBackground<'pageClassified'>({ type: 'pageClassified', verdict }).catch(() => undefined);
}

/** Runs the content script on `doc`. */
export function startContentScript(doc: Document, win: Window): ContentScript {
  const controller = new AbortController();
  const verdict = toPageVerdict(classifyPage(doc, win.location.href));
  let panel: Panel | null = null;

  const onMessage = (message: unknown, sender: browser.Runtime.MessageSender): Promise<PageStatus> | undefined => {
    if (sender.id !== browser.runtime.id) {
      warnIgnored('content', 'it came from outside the extension');
      return undefined;
    }
    const parsed = parseMessage(message);
    if (parsed?.type !== 'getPageStatus') {
      warnIgnored('content', 'unknown or malformed message');
      return undefined;
    }
    return Promise.resolve({ state: 'classified', verdict });
  };
  browser.runtime.onMessage.addListener(onMessage);
  controller.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  // A page restored from the back/forward cache keeps its content script but lost its badge.
  win.addEventListener('pageshow', (event) => event.persisted && report(verdict), { signal: controller.signal });
  report(verdict);

  if (verdict.topics.length > 0 && canAnnotate(doc)) panel = mountPanel(doc, verdict);

  return {
    verdict,
    stop() {
      controller.abort();
      panel?.destroy();
    },
  };
}
