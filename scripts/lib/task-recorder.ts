/**
 * Records the main-thread tasks of a page from outside, while the browser loads and runs it:
 * Chromium through a DevTools trace of the whole browser, Firefox through the Gecko profiler driven
 * from the browser's privileged window (firefox-privileged.ts). chromium-tasks.ts and gecko-tasks.ts
 * read the recordings. The long-tasks browser test and npm run bench:cpu record with it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { firefoxPrivileged } from './firefox-privileged';
import type { ExtensionBrowser } from './launch';
import { CHROMIUM_TRACE_CATEGORIES, chromiumTasks, type TraceEvent } from './chromium-tasks';
import { geckoTasks, isGeckoInjectionFrame, type GeckoProfile } from './gecko-tasks';
import type { Task } from './main-thread-tasks';

/** A recording under way. */
export interface TaskRecording {
  /** Ends the recording and returns the tasks of `page`'s main thread, timed from the page's mark. */
  stop(page: Page): Promise<Task[]>;
  /** Ends the recording unless `stop` did (a test that failed before reading it), so the next can start. */
  discard(): Promise<void>;
}

/** How the recorder shares a task's CPU time out to the extension. */
export interface RecordOptions {
  /**
   * Firefox: also count the samples where Firefox is putting the extension's content scripts into
   * the page (isGeckoInjectionFrame), not only those with the extension's own frames. An empty
   * content script's own code is too short for 1 ms samples to see; the injection is not.
   */
  injection?: boolean;
}

/**
 * Starts recording every task in `ext`'s browser. The page must call `performance.mark(mark)`
 * once (the tasks are timed from it, and in Chromium it also tells which renderer is the page's).
 */
export function recordTasks(ext: ExtensionBrowser, mark: string, options: RecordOptions = {}): Promise<TaskRecording> {
  return ext.name === 'chromium' ? recordChromium(ext, mark) : recordFirefox(ext, mark, options.injection === true);
}

async function recordChromium(ext: ExtensionBrowser, mark: string): Promise<TaskRecording> {
  const cdp = await ext.browser.target().createCDPSession();
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CHROMIUM_TRACE_CATEGORIES } });
  let stopped = false;
  return {
    async discard() {
      if (!stopped) await cdp.detach().catch(() => undefined);
    },
    async stop() {
      stopped = true;
      const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event: { stream?: string }) => resolve(event.stream ?? '')));
      await cdp.send('Tracing.end');
      const json = await readStream(cdp, await complete);
      await cdp.detach();
      const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
      return chromiumTasks(events, mark, (url) => url.startsWith(ext.baseUrl));
    },
  };
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  const parts: Buffer[] = [];
  for (let eof = false; !eof; ) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 22 });
    parts.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
    eof = chunk.eof;
  }
  await cdp.send('IO.close', { handle });
  return Buffer.concat(parts).toString('utf8');
}

async function recordFirefox(ext: ExtensionBrowser, mark: string, injection: boolean): Promise<TaskRecording> {
  const privileged = await firefoxPrivileged(ext.browser);
  // Every process's main thread, since the page's process is not known until the page is open;
  // samples every 1 ms (finer sampling slows the page down itself), with each thread's CPU time.
  await privileged(`Services.profiler.StartProfiler(${2 ** 24}, 1, ['js', 'cpu'], ['GeckoMain'])`);
  let stopped = false;
  return {
    async discard() {
      if (!stopped) await privileged('Services.profiler.StopProfiler()');
    },
    async stop(page) {
      stopped = true;
      const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-gecko-'));
      const file = path.join(dir, 'profile.json');
      try {
        await privileged('Services.profiler.Pause()');
        const pid = await privileged<number>(
          `gBrowser.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(page.url())})?.browsingContext.currentWindowGlobal.osPid ?? 0`,
        );
        if (!pid) throw new Error(`Firefox: no tab shows ${page.url()}`);
        await privileged(`Services.profiler.dumpProfileToFileAsync(${JSON.stringify(file)}).then(() => true)`);
        const profile = JSON.parse(readFileSync(file, 'utf8')) as GeckoProfile;
        return geckoTasks(profile, pid, mark, (location) => location.includes(ext.baseUrl) || (injection && isGeckoInjectionFrame(location)));
      } finally {
        await privileged('Services.profiler.StopProfiler()');
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
