/**
 * The runtime calls the full stage makes, without webextension-polyfill: the polyfill would add
 * about 9.7 KB to the bundle injected into each page about the story, and both browsers already
 * give MV3 content scripts a promise-returning runtime.sendMessage. Listeners use sendResponse,
 * which both browsers support (Chrome ignores a promise returned from an onMessage listener).
 */
import type { ToBackground } from '../../shared/messages';

type RawListener = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => boolean;
interface Runtime {
  id: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: RawListener): void; removeListener(listener: RawListener): void };
}

/** The runtime API: `browser` in Firefox, `chrome` in Chromium. */
function runtime(): Runtime {
  const g = globalThis as unknown as Record<'browser' | 'chrome', { runtime: Runtime } | undefined>;
  return (g.browser ?? g.chrome)!.runtime;
}

/** This extension's id. */
export function runtimeId(): string {
  return runtime().id;
}

/** Sends `message` to the background; resolves with its answer, which the caller parses. */
export function sendToBackground<K extends keyof ToBackground>(message: ToBackground[K]['request']): Promise<unknown> {
  return runtime().sendMessage(message);
}

/** Listens for runtime messages; `handler` answers with a promise or ignores with undefined. Returns the remover. */
export function onRuntimeMessage(handler: (message: unknown, sender: { id?: string }) => Promise<unknown> | undefined): () => void {
  const listener: RawListener = (message, sender, sendResponse) => {
    const answer = handler(message, sender);
    if (!answer) return false;
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  runtime().onMessage.addListener(listener);
  return () => runtime().onMessage.removeListener(listener);
}
