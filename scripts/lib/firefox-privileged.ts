/**
 * Privileged JavaScript in Firefox's own browser window, over the WebDriver BiDi connection under
 * puppeteer: raw `browsingContext.getTree` with `moz:scope: chrome` gives the window's context, and
 * `script.evaluate` there reaches `Services` and the browser's modules. It needs
 * --remote-allow-system-access, which launchFirefox passes. Used by the bench's Gecko profiler and
 * the install-permission test.
 */
import type { Browser } from 'puppeteer-core';

/** The raw WebDriver BiDi connection under puppeteer's Firefox browser. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** Evaluates an expression in the browser window (awaiting a promise it returns) and resolves with its value. */
export type PrivilegedEvaluate = <T>(expression: string) => Promise<T>;

/** An evaluator for privileged code in `browser`'s window; `browser` must be Firefox launched over BiDi. */
export async function firefoxPrivileged(browser: Browser): Promise<PrivilegedEvaluate> {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('Firefox: no WebDriver BiDi connection under puppeteer');
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const contexts = tree.result.contexts as { context: string; url: string }[];
  const context = contexts.find((c) => c.url.startsWith('chrome://browser/'))?.context ?? contexts[0]?.context;
  if (!context) throw new Error('Firefox: no chrome context (is --remote-allow-system-access passed?)');
  return async <T>(expression: string): Promise<T> => {
    const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
    if (result.type !== 'success') throw new Error(`Firefox chrome context: ${JSON.stringify(result.exceptionDetails ?? result)}`);
    return (result.result as { value: T }).value;
  };
}
