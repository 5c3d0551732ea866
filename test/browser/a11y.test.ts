// Accessibility in real Chromium and Firefox: axe-core (from npm, injected into the real pages)
// finds 0 violations in the popup, the options page and the in-page panel (open, and started as the
// tab where the window has no room beside the text, which the keyboard reaches and opens), in the
// light and the dark scheme; reduced motion turns the panel's animation off. Screenshots for the README.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { story } from '../../src/shared/story';
import { axe } from './axe';
import { waitForPlacedPanel } from '../../scripts/lib/covered-lines';
import { describeEachBrowser, SCREENSHOTS, openAndClassify, panelReadyForClicks } from './harness';

for (const scheme of ['light', 'dark'] as const) {
  const title = `%s, ${scheme} scheme${scheme === 'dark' ? ' and reduced motion' : ''}: accessibility`;
  describeEachBrowser(title, { launch: () => ({ darkReducedMotion: scheme === 'dark' }) }, (name, session) => {
    const prefer = async (page: Page) => {
      // Chromium: emulate per page. Firefox: set by prefs at launch (see launch.ts).
      if (name === 'chromium' && scheme === 'dark') {
        await page.emulateMediaFeatures([
          { name: 'prefers-color-scheme', value: 'dark' },
          { name: 'prefers-reduced-motion', value: 'reduce' },
        ]);
      }
    };
    it('the panel has 0 axe violations, and its animation follows prefers-reduced-motion', async () => {
      const { page, popup } = await openAndClassify(session, 'kaspersky-article.html');
      await prefer(page);
      // Placed and shown: axe leaves out what is not drawn.
      await panelReadyForClicks(page);
      expect(await axe(page, [['backstory-panel', '.panel']])).toEqual([]);
      const motion = await page.evaluate(() => getComputedStyle(document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.panel')!).animationName);
      expect(motion).toBe(scheme === 'dark' ? 'none' : 'arrive');
      await Promise.all([page.close(), popup.close()]);
    });

    it('the panel started as the tab (no room beside the text at 1280 x 800) has 0 axe violations, is reached by Tab, shows its focus and opens with Enter and with Space', async () => {
      const { page, popup } = await openAndClassify(session, 'placement-full-width.html');
      await popup.close();
      await prefer(page);
      await page.setViewport({ width: 1280, height: 800 });
      await page.reload({ waitUntil: 'load' });
      await waitForPlacedPanel(page);
      const expanded = () =>
        page.evaluate(() => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.collapse')!.getAttribute('aria-expanded'));
      expect(await expanded()).toBe('false');
      expect(await axe(page, [['backstory-panel', '.panel']])).toEqual([]);
      // From the page's last link, Tab reaches the tab's Show button, with its focus ring drawn.
      await page.evaluate(() => Array.from(document.querySelectorAll('a')).at(-1)!.focus());
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const active = document.querySelector('backstory-panel')!.shadowRoot!.activeElement;
        const style = active && getComputedStyle(active);
        return { button: active?.className, visible: active?.matches(':focus-visible'), outline: style && `${style.outlineStyle} ${style.outlineWidth}` };
      });
      expect(focus).toEqual({ button: 'collapse', visible: true, outline: 'solid 3px' });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-panel-tab-focus-${scheme}.png`) });
      // ' ' is the space bar in both browsers' key names (WebDriver BiDi knows no "Space").
      for (const key of ['Enter', ' '] as const) {
        await page.keyboard.press(key);
        expect(await expanded(), `"${key}" opens it`).toBe('true');
        await page.keyboard.press('Escape');
        expect(await expanded()).toBe('false');
      }
      await page.close();
    });

    it('the popup has 0 axe violations', async () => {
      const { page, tabId } = await openAndClassify(session, 'kaspersky-article.html');
      const popup = await session.ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
      await prefer(popup);
      await popup.waitForSelector('#site:not([hidden])');
      // The line naming the keyboard shortcut is part of what axe checks.
      await popup.waitForSelector('#shortcut:not([hidden])');
      expect(await axe(popup)).toEqual([]);
      await popup.bringToFront();
      await popup.setViewport({ width: 400, height: 900 });
      await popup.screenshot({ path: path.join(SCREENSHOTS, `${name}-popup-${scheme}.png`), fullPage: true });
      // The sources with every key point's sentences from the article shown.
      await popup.$$eval('#sources .show-evidence', (buttons) => {
        for (const b of buttons) (b as HTMLElement).click();
      });
      expect(await popup.$$eval('#sources .evidence:not([hidden])', (els) => els.length)).toBe(story.keyPoints.length);
      expect(await axe(popup)).toEqual([]);
      await (await popup.$('#sources'))!.screenshot({ path: path.join(SCREENSHOTS, `${name}-popup-sources-${scheme}.png`) });
      await Promise.all([page.close(), popup.close()]);
    });

    it('the options page has 0 axe violations', async () => {
      const options = await session.ext.openExtensionPage('options/options.html');
      await prefer(options);
      await options.waitForSelector('input[name="panel"]:checked');
      // The three ways the panel may start, the note on "only the first time" and its forget button are part of what axe checks.
      expect(await options.$$eval('input[name="panel"]', (inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
        'firstTime',
        'expanded',
        'collapsed',
      ]);
      expect(await options.$eval('#forget-seen', (el) => el.textContent)).toBe('Open it in full again on the next page');
      expect(await axe(options)).toEqual([]);
      // The check can fail: an image without a text alternative is found.
      await options.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: '../icons/icon-16.png' })));
      expect((await axe(options)).join()).toMatch(/^image-alt/);
      await options.evaluate(() => document.querySelector('main > img:last-child')!.remove());
      // The page really is in the scheme under test.
      expect(await options.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      await options.bringToFront();
      await options.setViewport({ width: 800, height: 700 });
      await options.screenshot({ path: path.join(SCREENSHOTS, `${name}-options-${scheme}.png`), fullPage: true });
      await options.close();
    });
  });
}
