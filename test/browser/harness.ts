/** Shared set-up for the real-browser tests: one browser per suite, local pages, tab ids, badges. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from '../../scripts/lib/launch';
import { waitForPlacedPanel } from '../../scripts/lib/covered-lines';
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

/** Response headers for fixtures that need them: the strictest Content-Security-Policy for hostile/csp.html. */
function fixtureHeaders(file: string): Record<string, string> {
  return file.split(path.sep).join('/') === 'hostile/csp.html' ? { 'content-security-policy': "default-src 'none'" } : {};
}

/** Launch options for a session; a function of the fixture server when they name one of its pages. */
export type SessionOptions = LaunchOptions | ((server: StaticServer) => LaunchOptions);

/**
 * The browsers' window: wide enough that the panel opens beside the fixtures' centred columns (in
 * a 1280 px window it starts as the tab there; placement.test.ts checks the laptops' sizes).
 */
export const TEST_WINDOW = { width: 1920, height: 1080 };

/** Serves test/fixtures/browser and launches `name` with the built extension. */
export async function startSession(name: BrowserName, options?: SessionOptions): Promise<Session> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serveDirectory(path.join(ROOT, 'test/fixtures/browser'), fixtureHeaders);
  try {
    const launch = { window: TEST_WINDOW, ...(typeof options === 'function' ? options(server) : options) };
    const ext = await launchWithExtension(name, distFor(name === 'chromium' ? 'chrome' : 'firefox'), launch);
    return { ext, server, pageErrors: [] };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Closes the browser and the server of a session (either may be missing when its start failed). */
export async function endSession(session: Partial<Session> | undefined): Promise<void> {
  await session?.ext?.close();
  await session?.server?.close();
}

export interface BrowserSuiteOptions {
  /** The browsers to run in (default both). */
  browsers?: readonly BrowserName[];
  /** How to launch each browser (e.g. Firefox prefs), given the fixture server when they name one of its pages. */
  launch?: (name: BrowserName, server: StaticServer) => LaunchOptions;
  /**
   * Run the browsers one after the other instead of side by side: for tests that time the page's
   * frames, which another browser working on the same two cores would disturb.
   */
  oneAtATime?: boolean;
  /**
   * Keep the panel setting at its default, "only the first time". Other suites set "every time"
   * before their first test, so that a test that reads, hides or closes the panel does not make
   * the next test's page start as the tab (quiet.test.ts tests the default).
   */
  firstTimeOnly?: boolean;
}

/**
 * The set-up every browser test file shares: `body`'s tests run once per browser, in a suite named
 * `title` with "%s" replaced by the browser's name (so `-t '^chromium'` picks one browser). Each
 * browser gets one session, started before the suite's first test and ended after its last (before
 * the body's own afterAll hooks); `body` receives it already filled in by the time a test or a
 * beforeAll of its own runs. Within a suite the
 * tests run in order; the two browsers' suites run side by side (each browser has its own
 * process, server, tabs and focus), unless `oneAtATime`.
 */
export function describeEachBrowser(title: string, body: (name: BrowserName, session: Session) => void): void;
export function describeEachBrowser(title: string, options: BrowserSuiteOptions, body: (name: BrowserName, session: Session) => void): void;
export function describeEachBrowser(
  title: string,
  ...args: [(name: BrowserName, session: Session) => void] | [BrowserSuiteOptions, (name: BrowserName, session: Session) => void]
): void {
  const [options, body] = args.length === 1 ? [{} as BrowserSuiteOptions, args[0]] : args;
  describe.each(options.browsers ?? BROWSERS)(title, { concurrent: !options.oneAtATime }, (name) => {
    // The browser's own suite runs its tests in order; only the browsers' suites run side by side.
    describe('', { sequential: true }, () => {
      const session = { pageErrors: [] as string[] } as Session;
      beforeAll(async () => {
        Object.assign(session, await startSession(name, (server) => options.launch?.(name, server) ?? {}));
        if (!options.firstTimeOnly) await setStoredSettings(session, { panel: 'expanded' });
      });
      body(name, session);
      // Registered after the body's hooks, so it runs before their afterAll (vitest runs afterAll
      // hooks last-registered first): the browser is gone before a suite closes its own servers,
      // which would otherwise wait for the browser's open connections.
      afterAll(() => endSession(session));
    });
  });
}

/** Opens a fixture page in a new tab, with its tab id, and records uncaught errors and console errors raised in it. */
export function openFixture(session: Session, file: string, beforeLoad?: (page: Page) => void): Promise<{ page: Page; tabId: number }> {
  return openUrl(session, session.server.url(file), beforeLoad);
}

/** Opens `url` in a new tab, with its tab id, and records uncaught errors and console errors raised in it. */
export async function openUrl(session: Session, url: string, beforeLoad?: (page: Page) => void): Promise<{ page: Page; tabId: number }> {
  const file = new URL(url).pathname.slice(1);
  return session.ext.openTab(url, (page) => {
    // The browser's own request for /favicon.ico (a 404 here, blocked on the strict-CSP page) is not ours.
    const record = (text: string) => text.includes('/favicon.ico') || session.pageErrors.push(`${file}: ${text}`);
    page.on('pageerror', (error) => record(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') record(`console: ${message.text()} (${message.location().url ?? ''})`);
    });
    beforeLoad?.(page);
  });
}

/** Opens `file` and waits until its content script has classified it (the popup can read its status). */
export async function openAndClassify(
  session: Session,
  file: string,
  beforeLoad?: (page: Page) => void,
): Promise<{ page: Page; tabId: number; popup: Page; status: string }> {
  const { page, tabId } = await openFixture(session, file, beforeLoad);
  const popup = await session.ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  const status = await waitFor(
    () => popup.$eval('#status', (el) => (el.textContent?.startsWith('Checking') ? '' : el.textContent)),
    'the popup status',
    20_000,
  );
  // The page is what the reader looks at: a background tab gets throttled timers (Firefox) and no frames (Chromium).
  await page.bringToFront();
  return { page, tabId, popup, status: status ?? '' };
}

/** The part of the extension API these tests call from an extension page. */
export interface ExtensionApi {
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
}
/** Evaluates `fn(arg)` in an extension page (the options page, which does least on load), where the `browser`/`chrome` APIs are available. */
export async function inExtension<T, A>(session: Session, fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
  const page = await session.ext.openExtensionPage('options/options.html');
  try {
    return (await page.evaluate(fn as never, arg as never)) as T;
  } finally {
    await page.close();
  }
}

/** Writes `values` into the extension's storage.sync, as the options page would. */
export function setStoredSettings(session: Session, values: Record<string, unknown>): Promise<void> {
  return inExtension(
    session,
    (items: Record<string, unknown>) => {
      const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
      return (g.browser ?? g.chrome)!.storage.sync.set(items);
    },
    values,
  );
}

/** The part of the storage API these tests call from an extension page. */
export interface StorageApi {
  storage: Record<'sync' | 'local', { set(items: Record<string, unknown>): Promise<void>; get(keys: null | string): Promise<Record<string, unknown>> }>;
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

/**
 * Waits for the panel, brings its tab to the front and lets it be placed (a frame of the tab in
 * front) and its slide-in finish: clicks reach only the tab in front, and a panel still sliding in
 * moves under the pointer.
 */
export async function panelReadyForClicks(page: Page): Promise<void> {
  await page.waitForSelector('backstory-panel');
  await page.bringToFront();
  await waitForPlacedPanel(page);
}

/**
 * Opens the panel as a reader would, from the keyboard, where it was placed as the tab (a window
 * with no room beside the page's text; tests of what the open panel holds or does need it open).
 */
export async function openPanel(page: Page): Promise<void> {
  await panelReadyForClicks(page);
  const collapse = () => page.evaluateHandle(() => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.collapse') as HTMLElement);
  const expanded = () => page.evaluate(() => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.collapse')!.getAttribute('aria-expanded'));
  if ((await expanded()) === 'true') return;
  await (await collapse()).focus();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await expanded()) === 'true', 'the panel to open');
}

/** Text inside the panel's shadow root, or null when the page has no panel. */
export function panelText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('backstory-panel')?.shadowRoot?.textContent ?? null);
}
