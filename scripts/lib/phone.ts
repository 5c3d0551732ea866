/**
 * A phone, as far as each browser can pretend to be one: used by `npm start -- --phone` and the
 * phone browser tests. Chromium emulates a 390 x 844 phone (device scale 2, mobile viewport, touch,
 * which also makes `pointer: coarse` match); Firefox has no device emulation over WebDriver BiDi, so
 * it gets a 390-px-wide viewport and the prefs below (given at launch) for a coarse pointer.
 */
import type { Page } from 'puppeteer-core';

export const PHONE = { width: 390, height: 844 };

/** Firefox prefs: the primary and every pointer report as coarse (1 = coarse, 4 = hover, per nsILookAndFeel). */
export const FIREFOX_TOUCH_PREFS = { 'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1 };

/** An Android Chrome user agent: pages (the demo) may serve their phone layout by it. */
const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';

/** Makes `page` a phone of `width` x `height` CSS px (before it loads a page, so its viewport meta counts). */
export async function emulatePhone(page: Page, name: 'chromium' | 'firefox', size = PHONE): Promise<void> {
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
