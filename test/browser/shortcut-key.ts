/**
 * Presses the extension's keyboard shortcut (manifest.json `commands`: Alt+Shift+K) in the tab in
 * front, so that the browser itself runs the command, as for a person: the browser's shortcut
 * handling -> commands.onCommand in the background -> togglePanel to the page.
 *
 * puppeteer's page.keyboard does not reach a command in either browser (checked on Chromium 156 and
 * Firefox 153: the panel does not move): its key events go to the page. What does:
 * - Chromium: CDP Input.dispatchKeyEvent of type rawKeyDown (a key without text), which the page
 *   leaves unhandled and the browser then matches against its accelerators, extension commands
 *   among them.
 * - Firefox: a key synthesized in the browser window itself with nsITextInputProcessor (what
 *   Firefox's own tests use), which the window's key set, holding the extension's shortcut as a
 *   <key> element, handles like a key of the keyboard. It needs privileged access to the window
 *   (scripts/lib/firefox-privileged.ts).
 */
import type { Page } from 'puppeteer-core';
import { firefoxPrivileged } from '../../scripts/lib/firefox-privileged';
import type { BrowserName, Session } from './harness';

/** CDP's modifier bits: Alt 1, Shift 8. */
const ALT_SHIFT = 1 | 8;

/** Presses Alt+Shift+K with `page`'s tab in front. */
export async function pressShortcut(name: BrowserName, session: Session, page: Page): Promise<void> {
  await page.bringToFront();
  if (name === 'chromium') {
    const cdp = await page.createCDPSession();
    for (const type of ['rawKeyDown', 'keyUp'] as const) {
      await cdp.send('Input.dispatchKeyEvent', { type, modifiers: ALT_SHIFT, key: 'K', code: 'KeyK', windowsVirtualKeyCode: 75, nativeVirtualKeyCode: 75 });
    }
    await cdp.detach();
    return;
  }
  const inWindow = await firefoxPrivileged(session.ext.browser);
  const sent = await inWindow<boolean>(`(() => {
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) return false;
    const key = (key, code, keyCode) => new KeyboardEvent('', { key, code, keyCode });
    const keys = [key('Alt', 'AltLeft', 18), key('Shift', 'ShiftLeft', 16), key('K', 'KeyK', 75)];
    for (const k of keys) tip.keydown(k);
    for (const k of keys.reverse()) tip.keyup(k);
    return true;
  })()`);
  if (!sent) throw new Error('Firefox: no input transaction for the browser window');
}
