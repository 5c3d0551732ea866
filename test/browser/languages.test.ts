// The UI in the reader's language, in real Chromium and Firefox with the built extension: for each
// language the extension speaks besides English (a table over src/_locales, so a new language runs
// here by itself), the browser is switched to it and the panel, the popup and the options page
// must show that language's words and say it in `lang`, the quotes stay English (lang="en") with
// the translation beside them, and the words fit: no text wider than its box in the panel, open
// on a desktop and as the phone sheet (the longest language, German, is the one that matters).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, expect, it } from 'vitest';
import { firefoxHasLanguage } from '../../scripts/lib/launch';
import { ROOT, distFor } from '../../scripts/lib/paths';
import { FIREFOX_TOUCH_PREFS, emulatePhone, tapInPanel } from '../../scripts/lib/phone';
import { axe } from './axe';
import { type ExtensionApi, SCREENSHOTS, TEST_WINDOW, describeEachBrowser, inExtension, openAndClassify, panelReadyForClicks, waitFor } from './harness';

const LANGUAGES = readdirSync(path.join(ROOT, 'src/_locales')).filter((l) => l !== 'en');
/**
 * The languages checked in both browsers: the longest (German) and one in another script (Russian).
 * The others run in Chromium only: each language in Firefox is one more browser launch and one more
 * language pack, and what differs between the browsers (the switch to a language, fonts, line
 * breaking) those two already cover.
 */
const IN_BOTH_BROWSERS = new Set(['de', 'ru']);
const story = JSON.parse(readFileSync(path.join(ROOT, 'src/story/story.json'), 'utf8')) as { quotes: { id: string }[] };

/** The built messages of `language` (the UI's and the story's words), as the browser reads them. */
function builtMessages(language: string): Record<string, string> {
  const file = JSON.parse(readFileSync(path.join(distFor('chrome'), '_locales', language, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  return Object.fromEntries(Object.entries(file).map(([key, { message }]) => [key, message.replace(/\$\$/g, '$')]));
}

/**
 * What does not fit in the panel: elements of its shadow root whose content is wider than their box
 * (text spilling or clipped), and elements that reach past the panel's own right edge or the
 * screen's. Text hidden for all but screen readers (1 px, clipped) is meant to be clipped.
 */
const panelFit = (page: Page) =>
  page.evaluate(() => {
    const shadow = document.querySelector('backstory-panel')!.shadowRoot!;
    const panel = shadow.querySelector('.panel')!.getBoundingClientRect();
    const view = visualViewport!.width;
    const problems: string[] = [];
    for (const el of Array.from(shadow.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(el).clip !== 'auto') continue;
      const what = `${el.localName}.${el.className}:${(el.textContent ?? '').trim().slice(0, 20)}`;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) problems.push(`${what} content ${el.scrollWidth} > box ${el.clientWidth}`);
      if (r.right > panel.right + 0.5 || r.right > view + 0.5)
        problems.push(`${what} ends at ${Math.round(r.right)}, past the panel (${Math.round(panel.right)}) or screen (${view})`);
      // A button's word broken across lines ("Ausblend|en") fits its box but is no longer a word.
      const text = el.localName === 'button' ? (el.textContent ?? '').trim() : '';
      if (text !== '' && !/\s/.test(text)) {
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = new Set(Array.from(range.getClientRects(), (line) => Math.round(line.top)));
        if (lines.size > 1) problems.push(`${what} breaks its one word over ${lines.size} lines`);
      }
    }
    return { problems, panel: { width: Math.round(panel.width), height: Math.round(panel.height), right: panel.right, view } };
  });

/** The panel's language and its visible words: its headline and headings. */
const panelWords = (page: Page) =>
  page.evaluate(() => {
    const panel = document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.panel')!;
    return {
      lang: panel.getAttribute('lang'),
      pageLang: document.documentElement.lang,
      headline: panel.querySelector('h2')!.textContent,
      headings: Array.from(panel.querySelectorAll('h3'), (h) => h.textContent),
      hide: panel.querySelector('.collapse')!.textContent,
    };
  });

for (const language of LANGUAGES) {
  const words = builtMessages(language);
  /** Firefox switches its extensions' language only with the language pack installed (docs/testing.md). */
  const unsupported = (name: string) => name === 'firefox' && !firefoxHasLanguage(language);
  const skipWhy = `(SKIPPED in Firefox: no language pack for "${language}"; apt-get install firefox-esr-l10n-${language === 'es' ? 'es-es' : language})`;

  const browsers = IN_BOTH_BROWSERS.has(language) ? undefined : (['chromium'] as const);
  describeEachBrowser(`%s in ${language}`, { browsers, launch: () => ({ language }) }, (name, session) => {
    const figures: string[] = [];
    afterAll(() => {
      if (figures.length > 0) console.info(`${name} in ${language}:\n  ${figures.join('\n  ')}`);
    });

    it.skipIf(unsupported(name))(`the panel, the popup and the options page speak ${language} and fit${unsupported(name) ? ` ${skipWhy}` : ''}`, async () => {
      const { page, popup, tabId } = await openAndClassify(session, 'kaspersky-article.html');
      // The popup: its language, its status and the quotes in English with the translation beside them.
      // (openAndClassify waits for the English status only: wait for this language's.)
      const status = await waitFor(
        () => popup.$eval('#status', (el, checking) => (el.textContent === checking ? '' : el.textContent), words.popupChecking),
        'the status',
      );
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(status?.startsWith(words.mentionsOne!.split('$')[0]!)).toBe(true);
      const quotes = await popup.evaluate(() =>
        Array.from(document.querySelectorAll('.quote'), (q) => ({
          words: q.querySelector('.quote-text')!.getAttribute('lang'),
          translation: q.querySelector('.quote-translation')?.getAttribute('lang'),
          text: q.querySelector('.quote-translation')?.textContent,
        })),
      );
      expect(quotes).toHaveLength(story.quotes.length);
      story.quotes.forEach((quote, i) => {
        expect(quotes[i]).toEqual({
          words: 'en',
          translation: language,
          text: `${words.quoteTranslation} ${words[`quote_${quote.id.replace(/-/g, '_')}_translation`]}`,
        });
      });
      expect(await popup.$eval('#story-heading', (el) => el.textContent)).toBe(words.storyHeadline);
      // Open the article's sentences under a key point: said to be English, and marked so.
      await popup.$eval('.show-evidence', (el) => (el as HTMLElement).click());
      expect(
        await popup.$eval('.evidence:not([hidden])', (el) => [el.querySelector('.evidence-language')?.textContent, el.querySelector('blockquote')!.lang]),
      ).toEqual([words.sourcesInEnglish, 'en']);
      expect(await axe(popup)).toEqual([]);
      // Chromium draws only the tab in front: a screenshot of a background tab never finishes.
      await popup.bringToFront();
      await popup.screenshot({ path: path.join(SCREENSHOTS, `${name}-popup-${language}.png`), fullPage: true });
      await popup.close();
      // The toolbar button's tooltip.
      const title = await inExtension(
        session,
        (id: number) => {
          const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
          return (g.browser ?? g.chrome)!.action.getTitle({ tabId: id });
        },
        tabId,
      );
      expect(title.startsWith(words.badgeTitleOne!.split('$')[0]!)).toBe(true);
      // The panel in an English page.
      await panelReadyForClicks(page);
      expect(await panelWords(page)).toEqual({
        lang: language,
        pageLang: 'en',
        headline: words.storyHeadline,
        headings: [words.panelKeyPoints, words.panelEarlier!.replace('$YEAR$', '2017')],
        hide: words.panelHide,
      });
      const fit = await panelFit(page);
      expect(fit.problems).toEqual([]);
      figures.push(`panel open on a ${TEST_WINDOW.width}-px window: ${fit.panel.width} x ${fit.panel.height} px, nothing wider than its box`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-panel-${language}.png`) });
      await page.close();
      // The options page.
      const options = await session.ext.openExtensionPage('options/options.html');
      await waitFor(() => options.evaluate(() => document.title !== ''), 'the options page');
      expect(await options.evaluate(() => [document.documentElement.lang, document.title, document.querySelector('legend')!.textContent])).toEqual([
        language,
        words.optionsTitle,
        words.optionsPanelLegend,
      ]);
      expect(await axe(options)).toEqual([]);
      await options.bringToFront();
      await options.screenshot({ path: path.join(SCREENSHOTS, `${name}-options-${language}.png`), fullPage: true });
      await options.close();
    });
  });

  describeEachBrowser(`%s as a phone in ${language}`, { browsers, launch: () => ({ language, prefs: FIREFOX_TOUCH_PREFS }) }, (name, session) => {
    it.skipIf(unsupported(name))(`the phone sheet fits ${language} at 390 and 320 px${unsupported(name) ? ` ${skipWhy}` : ''}`, async () => {
      const { page } = await openAndClassify(session, 'kaspersky-article.html');
      for (const width of [390, 320]) {
        await emulatePhone(page, name, { width, height: 844 });
        await page.reload({ waitUntil: 'load' });
        await panelReadyForClicks(page);
        // The tab, then the sheet.
        expect((await panelFit(page)).problems, `${width} px, tab`).toEqual([]);
        await tapInPanel(page, '.collapse');
        await waitFor(() => page.evaluate(() => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.panel.open') !== null), 'the sheet');
        await new Promise((resolve) => setTimeout(resolve, 250));
        expect((await panelWords(page)).lang).toBe(language);
        const fit = await panelFit(page);
        expect(fit.problems, `${width} px, sheet`).toEqual([]);
        expect(fit.panel.right).toBeLessThanOrEqual(fit.panel.view + 0.5);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone-${width}-${language}.png`) });
      }
      await page.close();
    });
  });
}
