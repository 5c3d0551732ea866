/**
 * Bench part (f): the browsers, driven from outside with a sampling profiler on the page's main
 * thread while a page loads, to read off the extension's own main-thread time (see attribution.ts).
 *
 * Per load: a new tab (so a new renderer / content process: each load pays the content scripts'
 * cold start, and no load warms the next) shows a blank page of the same origin (so the navigation
 * keeps that process, where the profiler runs), the profiler starts, the tab navigates, and the
 * profile runs until the load event plus any extra wait plus the settle time. The extension runs
 * on the blank page too; that run is not counted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { firefoxPrivileged } from '../lib/firefox-privileged';
import { launchWithExtension, type ExtensionBrowser } from '../lib/launch';
import { cdpExtensionTime, geckoExtensionTime, type Attribution, type CdpProfile, type GeckoProfile } from './attribution';

/** V8's sampling interval, in µs. */
export const CHROMIUM_SAMPLING_US = 50;
/** The Gecko profiler's interval, in ms: at 0.1 ms the sampling itself slowed pages down by 40 % here. */
export const FIREFOX_SAMPLING_MS = 1;
/** What a load waits after its load event (and extra wait) before the profile stops. */
export const SETTLE_MS = 1_500;
/**
 * Firefox only: what the blank page gets before the profiler starts, for the extension's own
 * run on it to finish (its samples before the measured page's navigation are dropped anyway).
 */
const FIREFOX_BLANK_SETTLE_MS = 100;
const LOAD_TIMEOUT_MS = 120_000;

export interface LoadOptions {
  /** A page of the same origin the tab shows before the profiler starts. */
  blankUrl: string;
  /** Time to wait after the load event before the settle time (e.g. a page that stays busy). */
  extraWaitMs?: number;
  settleMs?: number;
}

export interface LoadResult extends Attribution {
  /** From starting the navigation to the load event, as the harness saw it. */
  loadMs: number;
}

export interface Profiler {
  name: 'chromium' | 'firefox';
  /** chrome-extension://ID/ or moz-extension://UUID/: frames from here are the extension's. */
  baseUrl: string;
  /** The browser's version string. */
  version: string;
  /** The tab of the last load (to read the page's state after it). */
  page(): Page;
  load(url: string, options: LoadOptions): Promise<LoadResult>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each blank load gets its own address, so Firefox's tab can be found by it. */
let blankCount = 0;
const uniqueBlank = (blankUrl: string): string => {
  const url = new URL(blankUrl);
  blankCount += 1;
  url.searchParams.set('backstory-blank', `${process.pid}-${blankCount}`);
  return url.href;
};

/** A new tab that dismisses the dialogs real pages open (alert(), confirm()), brought to the front. */
export async function newTab(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  // Real pages may call alert() or confirm(); a dialog left open stops the page.
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
  await page.bringToFront();
  return page;
}

/** A loopback port nothing listens on: Firefox's proxy points there, so every other host fails at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Launches `name` with the unpacked extension in `extDir` and a profiler on its pages' main
 * threads (see {@link launchBlocked}).
 */
export async function launchProfiler(name: 'chromium' | 'firefox', extDir: string, blockExternal = true): Promise<Profiler> {
  const ext = await launchBlocked(name, extDir, blockExternal);
  return name === 'chromium' ? chromiumProfiler(ext) : firefoxProfiler(ext);
}

/**
 * Launches `name` with the unpacked extension in `extDir` for the bench's loads. `blockExternal`
 * makes every host but 127.0.0.1 fail at once: Chromium resolves no other name, and Firefox sends
 * every other request to a proxy on a closed loopback port.
 */
export async function launchBlocked(name: 'chromium' | 'firefox', extDir: string, blockExternal = true): Promise<ExtensionBrowser> {
  if (name === 'chromium') {
    return launchWithExtension('chromium', extDir, { args: blockExternal ? ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] : [] });
  }
  const port = await closedPort();
  const prefs: Record<string, string | number | boolean> = blockExternal
    ? {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
        'network.proxy.no_proxies_on': '127.0.0.1',
        'network.proxy.allow_hijacking_localhost': false,
        'network.proxy.failover_direct': false,
        'network.trr.mode': 5,
        'network.dns.disablePrefetch': true,
        'network.prefetch-next': false,
        'network.predictor.enabled': false,
      }
    : {};
  // Leaving a real page must not ask the reader first.
  prefs['dom.disable_beforeunload'] = true;
  return launchWithExtension('firefox', extDir, { prefs });
}

/** Closes the last load's tab and opens a new one. */
async function replaceTab(browser: Browser, old: Page | null): Promise<Page> {
  if (old && !old.isClosed()) await old.close({ runBeforeUnload: false });
  return newTab(browser);
}

async function chromiumProfiler(ext: ExtensionBrowser): Promise<Profiler> {
  let page: Page | null = null;
  const version = await ext.browser.version();
  const isExtension = (url: string) => url.startsWith(ext.baseUrl);
  return {
    name: 'chromium',
    baseUrl: ext.baseUrl,
    version,
    page: () => page!,
    async load(url, options) {
      page = await replaceTab(ext.browser, page);
      const cdp: CDPSession = await page.createCDPSession();
      await cdp.send('Profiler.enable');
      await page.goto(uniqueBlank(options.blankUrl), { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      await cdp.send('Profiler.setSamplingInterval', { interval: CHROMIUM_SAMPLING_US });
      await cdp.send('Profiler.start');
      let profile: CdpProfile;
      let loadMs: number;
      try {
        const start = performance.now();
        await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
        loadMs = performance.now() - start;
        await sleep((options.extraWaitMs ?? 0) + (options.settleMs ?? SETTLE_MS));
      } finally {
        // DevTools restarts the profiler in the new document when the navigation commits, so the
        // profile runs from the commit to here: the blank page's own extension run is not in it.
        ({ profile } = await cdp.send('Profiler.stop'));
        await cdp.detach().catch(() => undefined);
      }
      return { ...cdpExtensionTime(profile, isExtension), loadMs };
    },
    close: () => ext.close(),
  };
}

/**
 * page.goto(url) until the load event. Firefox's BiDi navigation fails with "Address rejected"
 * when a frame of the page cannot reach a blocked host, while the page itself goes on loading
 * (seen on several real pages): then wait for the document to be complete instead.
 */
export async function firefoxGoto(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  } catch (error) {
    if (!/Address rejected/.test((error as Error).message)) throw error;
    await page.waitForFunction((href: string) => location.href === href && document.readyState === 'complete', { polling: 50, timeout: LOAD_TIMEOUT_MS }, url);
  }
}

async function firefoxProfiler(ext: ExtensionBrowser): Promise<Profiler> {
  // The browser window's own context: privileged code there reaches Services.profiler.
  const privileged = await firefoxPrivileged(ext.browser);
  const version = await ext.browser.version();
  const marker = ext.baseUrl; // moz-extension://<uuid>/
  const isExtension = (location: string) => location.includes(marker);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'backstory-gecko-profile-'));
  let page: Page | null = null;
  let count = 0;
  // The content process of the tab: found once per load by the blank page's unique address, kept
  // in the chrome window as `__backstoryTab`.
  const tabPid = () => privileged<number>('__backstoryTab.browsingContext.currentWindowGlobal.osPid');
  return {
    name: 'firefox',
    baseUrl: ext.baseUrl,
    version,
    page: () => page!,
    async load(url, options) {
      page = await replaceTab(ext.browser, page);
      const blank = uniqueBlank(options.blankUrl);
      await page.goto(blank, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      const found = await privileged<boolean>(
        `(() => { const b = gBrowser.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(blank)}); window.__backstoryTab = b; return !!b; })()`,
      );
      if (!found) throw new Error(`Firefox: no tab shows ${blank}`);
      const pid = await tabPid();
      await sleep(FIREFOX_BLANK_SETTLE_MS);
      count += 1;
      const file = path.join(scratch, `profile-${count}.json`);
      // Only the page's content process is profiled (all its threads: Gecko's "pid:" filter); the
      // extension's background runs in another process.
      await privileged(`Services.profiler.StartProfiler(${2 ** 23}, ${FIREFOX_SAMPLING_MS}, ['js'], ['pid:${pid}'])`);
      let loadMs: number;
      let timeOrigin: number;
      let after: number;
      try {
        const start = performance.now();
        await firefoxGoto(page, url);
        loadMs = performance.now() - start;
        timeOrigin = await page.evaluate(() => performance.timeOrigin);
        await sleep((options.extraWaitMs ?? 0) + (options.settleMs ?? SETTLE_MS));
        after = await tabPid();
        await privileged('Services.profiler.Pause()');
        await privileged(`Services.profiler.dumpProfileToFileAsync(${JSON.stringify(file)}).then(() => true)`);
      } finally {
        await privileged('Services.profiler.StopProfiler()');
      }
      if (after !== pid) throw new Error(`Firefox moved ${url} to another process (${pid} → ${after}); the profile missed it`);
      const profile = JSON.parse(readFileSync(file, 'utf8')) as GeckoProfile;
      rmSync(file, { force: true });
      // Only the measured document's samples: from its navigation start (timeOrigin, ms since the
      // epoch, the clock the profile's start time uses too).
      return { ...geckoExtensionTime(profile, { pid, isExtension, fromEpochMs: timeOrigin }), loadMs };
    },
    async close() {
      await ext.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
