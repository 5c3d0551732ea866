/** Finds the Chromium/Chrome and Firefox executables, or explains how to get them. */
import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

const CANDIDATES: Record<BrowserName, { env: string; paths: string[]; install: string }> = {
  chromium: {
    env: 'CHROME_PATH',
    paths: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    install: 'On Debian or Ubuntu: sudo apt-get install chromium. Elsewhere install Chromium or Chrome',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
    install: 'On Debian: sudo apt-get install firefox-esr. Elsewhere install Firefox 140 or newer',
  },
};

/** Thrown when a browser is not installed; its message says how to install it or point to it. */
export class BrowserMissingError extends Error {
  constructor(readonly browser: BrowserName) {
    const c = CANDIDATES[browser];
    super(`${browser === 'chromium' ? 'Chromium/Chrome' : 'Firefox'} was not found. ${c.install}, or set ${c.env} to its executable.`);
    this.name = 'BrowserMissingError';
  }
}

/** The executable of `browser`: $CHROME_PATH / $FIREFOX_PATH when set, else the first usual path that exists. */
export function findBrowser(browser: BrowserName): string {
  const c = CANDIDATES[browser];
  const fromEnv = process.env[c.env];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${c.env} is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = c.paths.find((p) => existsSync(p));
  if (!found) throw new BrowserMissingError(browser);
  return found;
}
