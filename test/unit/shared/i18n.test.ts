// Every string a person sees comes from _locales/en/messages.json: these tests fail when a message
// key is missing or unused, when a placeholder is broken, and when a visible string does not come
// from a message (the UI is rendered with a pseudo-locale that wraps every message in ⟦…⟧).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPage } from '../../../src/content/full-stage/page-run';
import { CARD_TAG, createMentionCard } from '../../../src/content/marks/mention-card';
import { renderQuotes } from '../../../src/popup/quotes-view';
import { renderSources } from '../../../src/popup/sources-view';
import { describeStatus } from '../../../src/popup/status-view';
import { localDay } from '../../../src/shared/dates';
import { localizePage, t, useMessages } from '../../../src/shared/i18n';
import { COUNT_MESSAGE_KEYS, COUNT_RULES, COUNT_SUFFIXES } from '../../../src/shared/plural';
import { story } from '../../../src/shared/story';
import { describeMentions } from '../../../src/shared/topics';
import { MESSAGES, messagesOf, useLanguage, usePseudoLocale } from '../helpers/i18n-setup';
import { fakeLayout } from '../helpers/fake-layout';
import { userClick } from '../helpers/user-input';

const ROOT = path.join(__dirname, '../../..');
const own = JSON.parse(readFileSync(path.join(ROOT, 'src/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const manifest = readFileSync(path.join(ROOT, 'manifest.json'), 'utf8');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, ext) : ext.test(name) ? [full] : [];
  });
}
/** Source files without their comments (which may show example calls). */
const sources = files(path.join(ROOT, 'src'), /\.(ts|html)$/).map((file) => ({
  file,
  text: readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, ''),
}));

/** Keys the code uses: t('key'), data-i18n*="key" and __MSG_key__ in the manifest. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const { text } of sources) {
    for (const m of text.matchAll(/\bt(?:Page)?(?:Count)?\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g)) keys.add(m[1]!);
  }
  for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(m[1]!);
  return keys;
}

/** Every language besides English the extension speaks: each has a folder in src/_locales. */
const LANGUAGES = readdirSync(path.join(ROOT, 'src/_locales')).filter((l) => l !== 'en');

type Messages = typeof own;
const fileOf = (language: string) => JSON.parse(readFileSync(path.join(ROOT, 'src/_locales', language, 'messages.json'), 'utf8')) as Messages;

/** The keys `language`'s file must have: English's, and the count messages' variants where the language has plural rules for them. */
function expectedKeys(language: string): string[] {
  const variants = language in COUNT_RULES ? COUNT_MESSAGE_KEYS.flatMap((key) => COUNT_SUFFIXES.map((suffix) => `${key}${suffix}`)) : [];
  return [...Object.keys(own), ...variants].sort();
}

/** The $NAME$s a message uses, lower-cased and sorted. */
const namesIn = (message: string) => [...new Set([...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();

afterEach(() => {
  useLanguage('en');
  usePseudoLocale(false);
  document.body.replaceChildren();
  document.head.replaceChildren();
});

describe('messages', () => {
  it('every key the code, the pages and the manifest use is in the English messages', () => {
    const missing = [...usedKeys()].filter((key) => !(key in MESSAGES));
    expect(missing).toEqual([]);
  });

  it('every message in src/_locales/en/messages.json is used', () => {
    const used = usedKeys();
    expect(Object.keys(own).filter((key) => !used.has(key))).toEqual([]);
  });

  it('every $NAME$ in a message has a placeholder, and every placeholder is used', () => {
    for (const [key, entry] of Object.entries(own)) {
      const named = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
      const declared = Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase());
      expect(named.sort(), key).toEqual([...new Set(declared)].sort());
      expect(entry.message.length, key).toBeGreaterThan(0);
    }
  });

  it('there is a language besides English (the tests below are tables over them)', () => {
    expect(LANGUAGES).toContain('de');
  });

  it.each(LANGUAGES)('%s: has every English message and no other (count variants only where its plural rules need them)', (language) => {
    expect(Object.keys(fileOf(language)).sort()).toEqual(expectedKeys(language));
  });

  it.each(LANGUAGES)('%s: each message is written, uses the placeholders of its English message and declares them as English does', (language) => {
    for (const [key, entry] of Object.entries(fileOf(language))) {
      const english = own[key.replace(/_(few|one)$/, '')]!;
      expect(entry.message.trim(), `${language}: ${key}`).not.toBe('');
      expect(namesIn(entry.message), `${language}: ${key} uses`).toEqual(namesIn(english.message));
      expect(entry.placeholders, `${language}: ${key} declares`).toEqual(english.placeholders);
    }
  });

  // The Chrome Web Store's limits for the manifest's name and description (Firefox's are wider).
  it.each(['en', ...LANGUAGES])('%s: the store listing fits: a name of at most 75 characters, a description of at most 132', (language) => {
    const file = fileOf(language);
    expect(file.extName!.message.length).toBeLessThanOrEqual(75);
    expect(file.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it.each(LANGUAGES)('%s: keeps the brand names as they are', (language) => {
    const file = fileOf(language);
    expect(file.extName!.message).toContain('Backstory');
    expect(file.extName!.message).toMatch(/NCSC/);
    expect(file.extName!.message).toMatch(/Kaspersky/);
  });

  it('the manifest takes its name, description and button title from messages', () => {
    const m = JSON.parse(manifest);
    expect([m.name, m.description, m.action.default_title]).toEqual(['__MSG_extName__', '__MSG_extDescription__', '__MSG_actionTitle__']);
    expect(m.default_locale).toBe('en');
  });

  it('the extension pages have no text of their own: every text comes from a data-i18n key', () => {
    for (const file of ['src/popup/popup.html', 'src/options/options.html']) {
      const doc = new DOMParser().parseFromString(readFileSync(path.join(ROOT, file), 'utf8'), 'text/html');
      const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.closest('script, style')) continue;
        expect(n.nodeValue!.trim(), `${file}: text in <${n.parentElement?.localName}>`).toBe('');
      }
    }
  });
});

/** Text a person sees or hears in `root`: text nodes and accessible-name attributes. */
function visibleStrings(root: Node): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!node.parentElement?.closest('style, script')) out.push(node.nodeValue ?? '');
    } else {
      const el = node as Element;
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) if (el.hasAttribute(name)) out.push(el.getAttribute(name)!);
      if (el.shadowRoot) for (const child of Array.from(el.shadowRoot.childNodes)) walk(child);
    }
  };
  const walk = (start: Node): void => {
    visit(start);
    const inner = document.createTreeWalker(start, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = inner.nextNode(); n; n = inner.nextNode()) visit(n);
  };
  for (let n: Node | null = root; n; n = walker.nextNode()) {
    visit(n);
    if (n === root) continue;
  }
  return out;
}

/** The article's words and their attribution are data, not UI: the quotes and the sources may show them as they are. */
const DATA = [
  ...story.quotes.flatMap((q) => [`“${q.text}”`, q.text, q.speaker, `, ${q.speakerRole}`]),
  ...story.keyPoints.flatMap((p) => p.evidence),
  // Dates are formatted for the browser's locale by Intl, not written out.
  ...story.quotes.map((q) => localDay(q.date)),
];

/** What is left of `s` once messages (⟦…⟧), data, symbols, digits and spaces are taken out: must be nothing. */
function hardCoded(s: string): string {
  // A message may hold an element (the date's <time>): its text nodes then start or end inside ⟦…⟧.
  // A message inside a message (a quote's source in "reported on") nests: take the inner ones out first.
  let rest = s;
  while (/⟦[^⟦⟧]*⟧/.test(rest)) rest = rest.replace(/⟦[^⟦⟧]*⟧/g, '');
  rest = rest.replace(/⟦[^⟧]*(⟧|$)/g, '').replace(/^[^⟦]*⟧/, '');
  // Longest first: an evidence sentence holds a quote's words.
  for (const d of [...DATA].sort((a, b) => b.length - a.length)) rest = rest.split(d).join('');
  return rest.replace(/[\s\d✕‹›·—–:,.()“”'’-]/g, '');
}

describe('no hard-coded strings on screen', () => {
  it('panel, mention navigation, announcements and card: every visible string is a message', async () => {
    usePseudoLocale(true);
    document.body.innerHTML = `<article><h1>Kaspersky and the NCSC</h1><p>Kaspersky said the National Cyber Security Centre in London,
      led by Ciaran Martin, was wrong. Barclays agreed. Kaspersky again.</p></article>`;
    const run = runPage(document, 'https://news.example.co.uk/kaspersky', { onOpenPopup: () => undefined });
    await run.annotator!.idle();
    const shadow = document.querySelector('backstory-panel')!.shadowRoot!;
    fakeLayout();
    userClick(shadow.querySelector('.next')!);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const card = createMentionCard(document, () => undefined, new AbortController().signal, 'month');
    card.show(run.annotator!.mentions()[0]!);
    // The extension's own UI only (the page's article text is the page's).
    const ui = ['backstory-panel', 'backstory-card'].map((tag) => document.querySelector(tag)!);
    const strings = ui.flatMap((host) => visibleStrings(host)).filter((s) => s.trim() !== '');
    expect(strings.length).toBeGreaterThan(20);
    expect(strings.filter((s) => hardCoded(s) !== '')).toEqual([]);
    run.stop();
    card.destroy();
  });

  it('popup quote list and status lines: every visible string is a message or the article’s words', () => {
    usePseudoLocale(true);
    const list = document.createElement('ul');
    const said = document.createElement('p');
    document.body.append(list, said);
    renderQuotes(list, said, story.quotes);
    const status = describeStatus({
      state: 'classified',
      verdict: { topics: ['kaspersky', 'ncsc'], mentions: { kaspersky: 3, ncsc: 1 }, confidence: 1 },
      site: 'a.example',
    });
    const strings = [...visibleStrings(document.body), status.text].filter((s) => s.trim() !== '');
    expect(strings.filter((s) => hardCoded(s) !== '')).toEqual([]);
  });

  it('popup sources: every visible string is a message or the article’s own sentences', () => {
    usePseudoLocale(true);
    document.body.innerHTML = '<section><h2></h2><p class="sources-from"></p><ol class="sources-points"></ol></section>';
    renderSources(document.querySelector('section')!, story);
    for (const button of Array.from(document.querySelectorAll('button'))) button.click();
    const strings = visibleStrings(document.body).filter((s) => s.trim() !== '');
    expect(strings.length).toBeGreaterThan(story.keyPoints.length * 3);
    expect(strings.filter((s) => hardCoded(s) !== '')).toEqual([]);
  });

  it('the popup and options pages, localized: every visible string is a message', () => {
    usePseudoLocale(true);
    for (const file of ['src/popup/popup.html', 'src/options/options.html']) {
      document.documentElement.innerHTML = readFileSync(path.join(ROOT, file), 'utf8').replace(/^<!doctype html>/i, '');
      localizePage(document);
      const strings = visibleStrings(document.body).filter((s) => s.trim() !== '');
      expect(strings.length, file).toBeGreaterThan(3);
      expect(
        strings.filter((s) => hardCoded(s) !== ''),
        file,
      ).toEqual([]);
    }
  });

  it('answers from given templates: their slots filled, a "$1" in the text kept, other keys asked of the browser', () => {
    try {
      useMessages({ panelHide: 'Hide', mentionAnnounce: 'Sale at $1.4bn: \ue001 of \ue002 (\ue003)' });
      expect(t('panelHide')).toBe('Hide');
      expect(t('mentionAnnounce', 1, 7)).toBe('Sale at $1.4bn: 1 of 7 ()');
      expect(t('panelShow')).toBe(MESSAGES.panelShow!.message);
    } finally {
      useMessages({});
    }
  });
});

describe('the UI in each language', () => {
  /** A message of `language` as the browser gives it (no placeholders). */
  const word = (language: string, key: string) => messagesOf(language)[key]!.message;

  it.each(LANGUAGES)('%s: the popup shows each quote in its English words (lang="en") with the translation beside it, labelled', (language) => {
    useLanguage(language);
    const list = document.createElement('ul');
    document.body.append(list);
    renderQuotes(list, document.createElement('p'), story.quotes);
    for (const quote of story.quotes) {
      const item = list.querySelector(`[data-quote-id="${quote.id}"]`)!;
      const words = item.querySelector('.quote-text')!;
      expect(words.getAttribute('lang')).toBe('en');
      expect(words.textContent).toContain(quote.text);
      const translation = item.querySelector('.quote-translation')!;
      expect(translation.getAttribute('lang')).toBe(language);
      expect(translation.querySelector('.translation-label')!.textContent).toBe(word(language, 'quoteTranslation'));
      expect(translation.textContent).toContain(word(language, `quote_${quote.id.replace(/-/g, '_')}_translation`));
      expect(item.querySelector('.quote-meta')!.textContent).toContain(word(language, `quote_${quote.id.replace(/-/g, '_')}_role`));
    }
  });

  it('en: the popup shows the quotes without a translation', () => {
    const list = document.createElement('ul');
    renderQuotes(list, document.createElement('p'), story.quotes);
    expect(list.querySelectorAll('.quote-text[lang="en"]')).toHaveLength(story.quotes.length);
    expect(list.querySelector('.quote-translation')).toBeNull();
  });

  it.each(['en', ...LANGUAGES])(
    '%s: "What the article says" shows the English sentences (lang="en"), and says they are English unless the popup is',
    (language) => {
      useLanguage(language);
      document.body.innerHTML = '<section><h2></h2><p class="sources-from"></p><ol class="sources-points"></ol></section>';
      renderSources(document.querySelector('section')!, story);
      const quotes = Array.from(document.querySelectorAll('.evidence blockquote'));
      expect(quotes).toHaveLength(story.keyPoints.length);
      for (const q of quotes) expect(q.getAttribute('lang')).toBe('en');
      const said = Array.from(document.querySelectorAll('.evidence-language'), (p) => p.textContent);
      expect(said).toEqual(language === 'en' ? [] : story.keyPoints.map(() => word(language, 'sourcesInEnglish')));
      expect(document.querySelector('.point')!.textContent).toBe(word(language, 'storyPoint1'));
    },
  );

  it.each(['en', ...LANGUAGES])('%s: the panel in an English page says its language on its root and speaks it', async (language) => {
    useLanguage(language);
    document.documentElement.lang = 'en';
    document.body.innerHTML = '<article><h1>Kaspersky and the NCSC</h1><p>Kaspersky said the NCSC was wrong. Kaspersky again.</p></article>';
    const run = runPage(document, 'https://news.example.co.uk/kaspersky', { onOpenPopup: () => undefined });
    await run.annotator?.idle();
    const panel = document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.panel')!;
    expect(panel.getAttribute('lang')).toBe(language);
    expect(panel.querySelector('h2')!.textContent).toBe(word(language, 'storyHeadline'));
    expect(panel.querySelector('h3')!.textContent).toBe(word(language, 'panelKeyPoints'));
    // A mark's card speaks the extension's language inside the English page too.
    const card = createMentionCard(document, () => undefined, new AbortController().signal, 'month');
    card.show(run.annotator!.mentions()[0]!);
    const box = document.querySelector(CARD_TAG)!.shadowRoot!.querySelector('.card')!;
    expect(box.getAttribute('lang')).toBe(language);
    expect(box.querySelector('.part')!.textContent).toBe(word(language, 'entity_kaspersky_part'));
    run.stop();
    card.destroy();
  });

  it.each(['en', ...LANGUAGES])('%s: the popup and options pages say their language on <html lang>', (language) => {
    useLanguage(language);
    for (const file of ['src/popup/popup.html', 'src/options/options.html']) {
      document.documentElement.innerHTML = readFileSync(path.join(ROOT, file), 'utf8').replace(/^<!doctype html>/i, '');
      document.documentElement.lang = 'en';
      localizePage(document);
      expect(document.documentElement.lang, file).toBe(language);
      expect(document.title, file).toBe(word(language, file.includes('popup') ? 'popupTitle' : 'optionsTitle'));
    }
  });

  it('a language the extension lacks gets the English words, dates and <html lang>, not the browser’s', () => {
    useLanguage('en', 'it-IT');
    localizePage(document);
    expect(document.documentElement.lang).toBe('en');
    expect(localDay('2017-12-05')).toBe('December 5, 2017');
  });

  it('de: counts and dates are written the German way', () => {
    useLanguage('de');
    expect(describeMentions({ topics: ['kaspersky', 'ncsc'], mentions: { kaspersky: 1234, ncsc: 2 } })).toBe(
      'Diese Seite erwähnt Kaspersky 1.234-mal und das NCSC zweimal.',
    );
    expect(localDay('2017-12-05')).toBe('5. Dezember 2017');
  });
});
