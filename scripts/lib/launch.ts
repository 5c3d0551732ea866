/**
 * Starts Chromium or Firefox with an unpacked build of the extension loaded, the way a user loads
 * it (Load unpacked / Load Temporary Add-on). Used by npm start, the browser tests and the bench.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBrowser } from './browsers';

/** A running browser with the extension loaded. */
export interface ExtensionBrowser {
  name: 'chromium' | 'firefox';
  browser: Browser;
  /** chrome-extension://ID/ or moz-extension://UUID/ */
  baseUrl: string;
  /** Opens an extension page (e.g. "popup/popup.html?tab=3") in a new tab. */
  openExtensionPage(relative: string): Promise<Page>;
  /** Opens `url` in a new tab and returns it with the browser's own id for that tab (the extension APIs' tabId). */
  openTab(url: string, beforeLoad?: (page: Page) => void): Promise<{ page: Page; tabId: number }>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Firefox: whether host permissions are granted at install (the pref extensions.originControls.grantByDefault). */
  grantHostPermissions?: boolean;
  /** Firefox: answer the extension's permission requests with yes, without a prompt (the pref extensions.webextOptionalPermissionPrompts off). */
  autoGrantRequests?: boolean;
  /** Firefox: the colour scheme and motion preference pages see (Chromium tests emulate them per page). */
  darkReducedMotion?: boolean;
  /**
   * Opens this address in a tab before the extension is installed, as a reader's tab that was open
   * when they installed it (the browser puts no content script into it). Chromium then installs the
   * extension over the pipe instead of loading it at start.
   */
  openBeforeInstall?: string;
  /** The browser window's size in px (default 1280 x 900). */
  window?: { width: number; height: number };
  /** Chromium: command-line flags added to the usual ones (e.g. --host-resolver-rules). */
  args?: string[];
  /** Firefox: preferences added to (or overriding) the usual ones (e.g. proxy settings). */
  prefs?: Record<string, string | number | boolean>;
  /**
   * The browser's UI language ("de"): Chromium's --lang with the LANGUAGE variable (on Linux it
   * reads both), Firefox's intl.locale.requested, which takes effect only where the language pack
   * is installed (Debian: firefox-esr-l10n-<lang>). See docs/testing.md.
   */
  language?: string;
}

/** Whether Firefox at `executable` has a language pack of `language` ("es" for es-ES too) beside it, where Debian's firefox-esr-l10n packages put them. */
export function firefoxHasLanguage(language: string, executable = findBrowser('firefox')): boolean {
  const dir = path.join(path.dirname(realpathSync(executable)), 'browser/extensions');
  return existsSync(dir) && readdirSync(dir).some((name) => new RegExp(`^langpack-${language}(-[A-Za-z]+)?@`).test(name));
}

/** The fixed moz-extension host used for Firefox runs, so URLs are predictable. */
export const FIREFOX_UUID = '5b7a7f43-0d6e-4c1e-9a53-6f1f0c2b1d11';

// Without these Chromium tries to reach Google's services at start, and this machine has no network.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-default-browser-check',
];

function tempProfile(name: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `backstory-${name}-`));
}

/**
 * The parts both browsers share. Tab ids come from an extension page listing the tabs before and
 * after the new one opens: neither browser shows an extension without the "tabs" permission which
 * tab holds which URL, and Chromium's service worker may be asleep. That page is the options page,
 * which only reads the settings on load (the popup would start asking the active tab for its
 * status).
 */
function extensionBrowser(
  name: ExtensionBrowser['name'],
  browser: Browser,
  baseUrl: string,
  userDataDir: string,
  openExtensionPage: (relative: string) => Promise<Page>,
): ExtensionBrowser {
  return {
    name,
    browser,
    baseUrl,
    openExtensionPage,
    async openTab(url, beforeLoad) {
      const probe = await openExtensionPage('options/options.html');
      const tabIds = () =>
        probe.evaluate(async () => {
          const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { query(q: object): Promise<{ id?: number }[]> } } | undefined>;
          const api = (g.browser ?? g.chrome)!;
          return (await api.tabs.query({})).map((t) => t.id ?? -1);
        });
      try {
        const before = new Set(await tabIds());
        const page = await browser.newPage();
        beforeLoad?.(page);
        await page.goto(url, { waitUntil: 'load' });
        const fresh = (await tabIds()).filter((id) => !before.has(id));
        if (fresh.length !== 1) throw new Error(`expected one new tab for ${url}, found ${fresh.length}`);
        await probe.close();
        // The new tab is the one the user looks at (Chromium draws no frames for a background tab).
        await page.bringToFront();
        return { page, tabId: fresh[0]! };
      } finally {
        if (!probe.isClosed()) await probe.close();
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium with `dir` loaded; resolves once the extension's service worker runs. */
export async function launchChromium(dir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extDir = path.resolve(dir);
  const userDataDir = tempProfile('chromium');
  const early = options.openBeforeInstall;
  const browser = await puppeteer.launch({
    executablePath: findBrowser('chromium'),
    headless: options.headless ?? true,
    userDataDir,
    defaultViewport: null,
    // puppeteer passes --disable-extensions itself; both flags below are needed for the worker to start.
    args: [
      ...CHROMIUM_FLAGS,
      ...(early ? [] : [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`]),
      `--window-size=${options.window?.width ?? 1280},${options.window?.height ?? 900}`,
      ...(options.language ? [`--lang=${options.language}`] : []),
      ...(options.args ?? []),
    ],
    ...(options.language ? { env: { ...process.env, LANGUAGE: options.language } } : {}),
    ...(early ? { enableExtensions: true, pipe: true } : {}),
  });
  if (early) {
    await (await browser.newPage()).goto(early, { waitUntil: 'load' });
    await browser.installExtension(extDir);
  }
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
  // Node's URL gives "null" as the origin of non-special schemes, so build it from the host.
  const baseUrl = `chrome-extension://${new URL(target.url()).host}/`;
  return extensionBrowser('chromium', browser, baseUrl, userDataDir, async (relative) => {
    const page = await browser.newPage();
    await page.goto(new URL(relative, baseUrl).href, { waitUntil: 'load' });
    return page;
  });
}

/** Firefox with `dir` installed as a temporary add-on. */
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
    args: ['--remote-allow-system-access', `--width=${options.window?.width ?? 1280}`, `--height=${options.window?.height ?? 900}`],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
      'extensions.originControls.grantByDefault': options.grantHostPermissions ?? true,
      'extensions.webextOptionalPermissionPrompts': !(options.autoGrantRequests ?? false),
      ...(options.darkReducedMotion
        ? { 'layout.css.prefers-color-scheme.content-override': 0, 'ui.systemUsesDarkTheme': 1, 'ui.prefersReducedMotion': 1 }
        : {}),
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
      ...(options.language ? { 'intl.locale.requested': options.language } : {}),
      ...options.prefs,
    },
  });
  if (options.openBeforeInstall) await (await browser.newPage()).goto(options.openBeforeInstall, { waitUntil: 'load' });
  await browser.installExtension(extDir);
  const baseUrl = `moz-extension://${FIREFOX_UUID}/`;
  return extensionBrowser('firefox', browser, baseUrl, userDataDir, async (relative) => {
    const page = await browser.newPage();
    // page.goto never resolves for moz-extension:// URLs in puppeteer 24 over BiDi; navigate the context directly.
    const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<unknown> } };
    await frame.browsingContext.navigate(new URL(relative, baseUrl).href, 'complete');
    return page;
  });
}

/** Launches the named browser with the matching build from dist/. */
export function launchWithExtension(name: 'chromium' | 'firefox', extDir: string, options?: LaunchOptions): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(extDir, options) : launchFirefox(extDir, options);
}
