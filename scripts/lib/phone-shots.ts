/**
 * `npm start -- --phone`: the demo page, the popup and the options page on a phone (see phone.ts),
 * as pictures for the README: the panel as it starts (a small tab), opened as a bottom sheet, a
 * tapped mark's card, and the popup and options pages at phone width.
 */
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './launch';
import { emulatePhone } from './phone';

const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));

/** Taps the middle of `selector` inside the panel's shadow root, as a finger would. */
export async function tapInPanel(page: Page, selector: string): Promise<void> {
  const point = await page.evaluate((sel: string) => {
    const r = document.querySelector('backstory-panel')!.shadowRoot!.querySelector(sel)!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  await page.touchscreen.tap(point.x, point.y);
}

/** The middle of the first occurrence of `word` in the page's article, in viewport coordinates. */
export function pointOfWord(page: Page, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate((w: string) => {
    const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`no "${w}" in the article`);
  }, word);
}

/** An extension page at phone size, loaded after the emulation so its viewport meta applies. */
async function extensionPageOnPhone(ext: ExtensionBrowser, relative: string): Promise<Page> {
  const page = await ext.openExtensionPage(relative);
  await page.bringToFront();
  await emulatePhone(page, ext.name);
  await page.reload({ waitUntil: 'load' }).catch(() => undefined);
  await settle();
  return page;
}

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
  await popup.waitForFunction(() => !document.getElementById('status')?.textContent?.startsWith('Checking'));
  await shoot(popup, 'popup', true);
  const options = await extensionPageOnPhone(ext, 'options/options.html');
  await shoot(options, 'options', true);
  await Promise.all([popup.close(), options.close()]);
  return shots;
}
