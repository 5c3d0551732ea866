/**
 * A phone, as far as each browser can pretend to be one: used by `npm start -- --phone` and the
 * phone browser tests. Chromium emulates a 390 x 844 phone (device scale 2, mobile viewport, touch,
 * which also makes `pointer: coarse` match); Firefox has no device emulation over WebDriver BiDi, so
 * it gets a 390-px-wide viewport and the prefs below (given at launch) for a coarse pointer.
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './launch';

export const PHONE = { width: 390, height: 844 };

/** Firefox prefs: the primary and every pointer report as coarse (1 = coarse, 4 = hover, per nsILookAndFeel). */
export const FIREFOX_TOUCH_PREFS = { 'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1 };

/** An Android Chrome user agent: pages (the demo) may serve their phone layout by it. */
const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';

/** Makes `page` a phone of `width` x `height` CSS px (before it loads a page, so its viewport meta counts). */
export async function emulatePhone(page: Page, name: 'chromium' | 'firefox', size: { width: number; height: number } = PHONE): Promise<void> {
  if (name === 'chromium') {
    await page.emulate({ viewport: { ...size, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, userAgent: PHONE_UA });
  } else {
    await page.setViewport(size);
  }
}

/** Whether the page's primary pointer is coarse (a finger), as its CSS sees it. */
export function isCoarse(page: Page): Promise<boolean> {
  return page.evaluate(() => matchMedia('(pointer: coarse)').matches);
}

/** Taps the middle of `selector` inside the panel's shadow root, as a finger would. */
export async function tapInPanel(page: Page, selector: string): Promise<void> {
  const point = await page.evaluate((sel: string) => {
    const r = document.querySelector('backstory-panel')!.shadowRoot!.querySelector(sel)!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  await page.touchscreen.tap(point.x, point.y);
}

/** An extension page at phone size, loaded after the emulation so its viewport meta applies. */
export async function extensionPageOnPhone(ext: ExtensionBrowser, relative: string, size = PHONE): Promise<Page> {
  const page = await ext.openExtensionPage(relative);
  await page.bringToFront();
  await emulatePhone(page, ext.name, size);
  // Chromium applies a mobile viewport's width from the page's viewport meta, read at load. Firefox
  // has no meta viewport on the desktop, and a reload of a moz-extension page may never settle over BiDi.
  if (ext.name === 'chromium') await page.reload({ waitUntil: 'load' });
  return page;
}
