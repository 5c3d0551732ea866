/** Shared set-up for the real-browser tests: one browser per suite, local pages, tab ids, badges. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/launch';
import { ROOT, distFor } from '../../scripts/lib/paths';
import { serveDirectory, type StaticServer } from '../../scripts/lib/serve';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];
export const SCREENSHOTS = path.join(ROOT, 'artifacts/screenshots');

/** A launched browser, a server for test/fixtures/browser and the errors its pages raised. */
export interface Session {
  ext: ExtensionBrowser;
  server: StaticServer;
  pageErrors: string[];
}

export async function startSession(name: BrowserName, options?: Parameters<typeof launchWithExtension>[2]): Promise<Session> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serveDirectory(path.join(ROOT, 'test/fixtures/browser'));
  const ext = await launchWithExtension(name, distFor(name === 'chromium' ? 'chrome' : 'firefox'), options);
  return { ext, server, pageErrors: [] };
}

export async function endSession(session: Session | undefined): Promise<void> {
  await session?.ext.close();
  await session?.server.close();
}

/** Opens a fixture page in a new tab, with its tab id, and records uncaught errors raised in it. */
export async function openFixture(session: Session, file: string): Promise<{ page: Page; tabId: number }> {
  return session.ext.openTab(session.server.url(file), (page) =>
    page.on('pageerror', (error) => session.pageErrors.push(`${file}: ${String(error)}`)),
  );
}

/** The part of the extension API these tests call from an extension page. */
export interface ExtensionApi {
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
}
/** Evaluates `fn(arg)` in an extension page, where the `browser`/`chrome` APIs are available. */
export async function inExtension<T, A>(session: Session, fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
  const page = await session.ext.openExtensionPage('popup/popup.html');
  try {
    return (await page.evaluate(fn as never, arg as never)) as T;
  } finally {
    await page.close();
  }
}

/** The badge text of tab `tabId`. */
export function badgeOf(session: Session, tabId: number): Promise<string> {
  return inExtension(
    session,
    (id: number) => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      return (g.browser ?? g.chrome)!.action.getBadgeText({ tabId: id });
    },
    tabId,
  );
}

/** Polls `check` until it returns a truthy value or `timeout` ms pass. */
export async function waitFor<T>(check: () => Promise<T>, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < end) {
    try {
      // A single check may hang (a page mid-navigation never answers): give each one two seconds.
      const value = await Promise.race([check(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('check timed out')), 2_000))]);
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

/** Text inside the panel's shadow root, or null when the page has no panel. */
export function panelText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('backstory-panel')?.shadowRoot?.textContent ?? null);
}
