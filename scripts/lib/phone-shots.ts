/**
 * `npm start -- --phone`: the demo page, the popup and the options page on a phone (see phone.ts),
 * as pictures for the README: the panel as it starts (a small tab), opened as a bottom sheet, a
 * tapped mark's card, and the popup and options pages at phone width.
 */
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './launch';
import { emulatePhone, extensionPageOnPhone, tapInPanel } from './phone';
import { pointOfWord } from './page-points';

const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));

/** Saves the phone screenshots of `tabId` (a tab on the demo page) into `out`; returns their paths. */
export async function takePhoneShots(ext: ExtensionBrowser, page: Page, tabId: number, out: string): Promise<string[]> {
  const file = (what: string) => path.join(out, `${ext.name}-phone-${what}.png`);
  const shots: string[] = [];
  const shoot = async (p: Page, what: string, fullPage = false) => {
    await p.screenshot({ path: file(what), fullPage });
    shots.push(file(what));
  };
  await emulatePhone(page, ext.name);
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('backstory-panel', { timeout: 15_000 });
  await settle();
  await shoot(page, 'page');
  await tapInPanel(page, '.collapse');
  await settle();
  await shoot(page, 'sheet');
  await tapInPanel(page, '.collapse');
  const mark = await pointOfWord(page, 'Kaspersky');
  await page.touchscreen.tap(mark.x, mark.y);
  await page.waitForFunction(() => !(document.querySelector('backstory-card') as HTMLElement | null)?.hidden, { timeout: 5_000 });
  await settle(200);
  await shoot(page, 'card');
  const popup = await extensionPageOnPhone(ext, `popup/popup.html?tab=${tabId}`);
  await settle();
  await popup.waitForFunction(() => !document.getElementById('status')?.textContent?.startsWith('Checking'));
  await shoot(popup, 'popup', true);
  const options = await extensionPageOnPhone(ext, 'options/options.html');
  await settle();
  await shoot(options, 'options', true);
  await Promise.all([popup.close(), options.close()]);
  return shots;
}
