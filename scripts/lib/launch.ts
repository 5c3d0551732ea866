/**
 * Starts Chromium or Firefox with an unpacked build of the extension loaded, the way a user loads
 * it (Load unpacked / Load Temporary Add-on). Used by npm start, the browser tests and the bench.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { findBrowser } from './browsers';

/** A running browser with the extension loaded. */
export interface ExtensionBrowser {
  name: 'chromium' | 'firefox';
  browser: Browser;
  /** chrome-extension://ID/ or moz-extension://UUID/ */
  baseUrl: string;
  /** Opens an extension page (e.g. "popup/popup.html?tab=3") in a new tab. */
  openExtensionPage(relative: string): Promise<Page>;
  /** The browser's own id of the tab showing `page` (what the extension APIs call tabId). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/** The part of the tabs API used here from inside the browser. */
interface TabsApi {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
}

/** The fixed moz-extension host used for Firefox runs, so URLs are predictable. */
export const FIREFOX_UUID = '5b7a7f43-0d6e-4c1e-9a53-6f1f0c2b1d11';

// Without these Chromium tries to reach Google's services at start, and this machine has no network.
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-default-browser-check',
];

export interface LaunchOptions {
  headless?: boolean;
  /** Firefox: whether host permissions are granted at install (the pref extensions.originControls.grantByDefault). */
  grantHostPermissions?: boolean;
  colorScheme?: 'light' | 'dark';
}

function tempProfile(name: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `backstory-${name}-`));
}

/** Chromium with `extDir` loaded; resolves once the extension's service worker runs. */
export async function launchChromium(dir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser & { worker(): Promise<WebWorker> }> {
  const extDir = path.resolve(dir);
  const userDataDir = tempProfile('chromium');
  const browser = await puppeteer.launch({
    executablePath: findBrowser('chromium'),
    headless: options.headless ?? true,
    userDataDir,
    defaultViewport: null,
    // puppeteer passes --disable-extensions itself; both flags below are needed for the worker to start.
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--window-size=1280,900'],
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
  const baseUrl = `chrome-extension://${new URL(target.url()).host}/`;
  // The worker may have been stopped and restarted since launch: look it up each time.
  const worker = async (): Promise<WebWorker> => {
    const current = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(baseUrl), { timeout: 10_000 });
    const handle = await current.worker();
    if (!handle) throw new Error('the extension service worker has no worker handle');
    return handle;
  };
  return {
    name: 'chromium',
    browser,
    baseUrl,
    worker,
    async openExtensionPage(relative) {
      const page = await browser.newPage();
      await page.goto(new URL(relative, baseUrl).href, { waitUntil: 'load' });
      return page;
    },
    // Chromium hides tab URLs from an extension without the "tabs" permission, so the page is
    // brought to the front and the worker asks for the active tab.
    async tabIdOf(page) {
      await page.bringToFront();
      return (await worker()).evaluate(async () => {
        const api = (globalThis as unknown as { chrome: TabsApi }).chrome;
        const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      });
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Firefox with `extDir` installed as a temporary add-on. */
export async function launchFirefox(dir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  // Firefox's add-on installer takes absolute paths only.
  const extDir = path.resolve(dir);
  const manifest = JSON.parse(readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const userDataDir = tempProfile('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: options.headless ?? true,
    userDataDir,
    defaultViewport: null,
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
      'extensions.originControls.grantByDefault': options.grantHostPermissions ?? true,
      'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  await browser.installExtension(extDir);
  const baseUrl = `moz-extension://${FIREFOX_UUID}/`;
  const openExtensionPage = async (relative: string): Promise<Page> => {
    const page = await browser.newPage();
    // page.goto never resolves for moz-extension:// URLs in puppeteer 24 over BiDi; navigate the context directly.
    const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<unknown> } };
    await frame.browsingContext.navigate(new URL(relative, baseUrl).href, 'complete');
    return page;
  };
  return {
    name: 'firefox',
    browser,
    baseUrl,
    openExtensionPage,
    async tabIdOf(page) {
      const probe = await openExtensionPage('popup/popup.html');
      try {
        return await probe.evaluate(async (target: string) => {
          const api = (globalThis as unknown as { browser: TabsApi }).browser;
          const tab = (await api.tabs.query({})).find((t) => t.url === target);
          if (tab?.id === undefined) throw new Error(`no tab shows ${target}`);
          return tab.id;
        }, page.url());
      } finally {
        await probe.close();
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Launches the named browser with the matching build from dist/. */
export function launchWithExtension(name: 'chromium' | 'firefox', extDir: string, options?: LaunchOptions): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(extDir, options) : launchFirefox(extDir, options);
}
