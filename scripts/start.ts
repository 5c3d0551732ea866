// npm start [-- --firefox]: builds the extension, serves the demo news page on localhost and opens
// a browser with the extension loaded on it. With no display it runs headless instead, saves
// screenshots of the page with its panel and of the popup, and prints their paths.
// npm start -- --phone [--firefox]: headless, the same on a phone (see scripts/lib/phone.ts); the
// pictures go to scripts/demo/screenshots/ for the README.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BrowserMissingError } from './lib/browsers';
import { buildExtension } from './lib/build-extension';
import { launchWithExtension } from './lib/launch';
import { FIREFOX_TOUCH_PREFS } from './lib/phone';
import { takePhoneShots } from './lib/phone-shots';
import { ROOT } from './lib/paths';
import { scriptArgs } from './lib/args';
import { serveDirectory } from './lib/serve';

const { values: args } = scriptArgs('npm start [-- --firefox] [--headless] [--phone]', {
  firefox: { type: 'boolean' },
  headless: { type: 'boolean' },
  phone: { type: 'boolean' },
});
const name = args.firefox ? 'firefox' : 'chromium';
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const phone = args.phone === true;
const headless = !hasDisplay || phone || args.headless === true;

async function main(): Promise<void> {
  const dirs = await buildExtension();
  console.log(`Built ${dirs.chrome} and ${dirs.firefox}.`);
  const server = await serveDirectory(path.join(ROOT, 'scripts/demo'));
  const demoUrl = server.url('index.html');
  const ext = await launchWithExtension(name, name === 'chromium' ? dirs.chrome : dirs.firefox, { headless, prefs: phone ? FIREFOX_TOUCH_PREFS : undefined });
  const { page, tabId } = await ext.openTab(demoUrl);

  if (phone) {
    const shots = await takePhoneShots(ext, page, tabId, path.join(ROOT, 'scripts/demo/screenshots'));
    console.log(`${name} as a phone on ${demoUrl}. Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  } else if (!headless) {
    console.log(`${name} is open on ${demoUrl} with Backstory loaded. Click its toolbar button for the quotes.`);
    console.log('Close the browser window (or press Ctrl+C) to stop.');
    await new Promise<void>((resolve) => {
      ext.browser.on('disconnected', () => resolve());
      process.once('SIGINT', () => resolve());
    });
  } else {
    const out = path.join(ROOT, 'artifacts/start');
    mkdirSync(out, { recursive: true });
    await page.waitForSelector('backstory-panel', { timeout: 15_000 });
    // Let the panel's 180 ms slide-in finish, so the picture shows it as a reader sees it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const pageShot = path.join(out, `${name}-page.png`);
    await page.screenshot({ path: pageShot });
    const popup = await ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
    // Chromium draws no frames for a background tab, and a screenshot of one never finishes.
    await popup.bringToFront();
    await popup.setViewport({ width: 400, height: 800 });
    await popup.waitForFunction(() => !document.getElementById('status')?.textContent?.startsWith('Checking'));
    const popupShot = path.join(out, `${name}-popup.png`);
    await popup.screenshot({ path: popupShot, fullPage: true });
    console.log(`No display found, so ${name} ran headless on ${demoUrl}. Screenshots:`);
    console.log(`  page with the panel: ${pageShot}`);
    console.log(`  popup:               ${popupShot}`);
  }
  await ext.close();
  await server.close();
}

main().catch((error: unknown) => {
  if (error instanceof BrowserMissingError) console.error(error.message);
  else console.error(`npm start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
