/** How a quote is shown and copied, the same in the popup and the page panel. */
import { localDay } from '../shared/dates';
import { h } from '../shared/dom';
import { messagesLanguage, t, tStory } from '../shared/i18n';
import type { Quote } from '../shared/story';
import { quoteKeys } from '../shared/story-messages';

/** The label that tells a direct quote from the article's account of what someone said. */
export function quoteKindLabel(quote: Quote): string {
  return quote.kind === 'direct' ? t('quoteDirect') : t('quoteReported');
}

/** The speaker's role and where the quote was said, in the extension's language. */
function quoteContext(quote: Quote): { role: string; source: string } {
  return { role: tStory(quoteKeys.speakerRole(quote.id)), source: tStory(quoteKeys.source(quote.id)) };
}

/**
 * The quote's translation into the extension's language, or null where there is none to show: in
 * English the message holds the quote's own words.
 */
export function quoteTranslation(quote: Quote): string | null {
  const translation = tStory(quoteKeys.translation(quote.id));
  return translation === quote.text || translation === quoteKeys.translation(quote.id) ? null : translation;
}

/** The quote with its attribution, as it goes to the clipboard (the article's English words, without the translation). */
export function quoteWithAttribution(quote: Quote): string {
  const words = quote.kind === 'direct' ? `“${quote.text}”` : `${quote.text} (${t('quoteReportedShort')})`;
  const { role, source } = quoteContext(quote);
  return t('quoteCopyText', words, quote.speaker, role, source, localDay(quote.date));
}

const SLOT = '\u0000';

/** `text` with the date put in a <time> element where the message placed it. */
function withTime(doc: Document, text: string, iso: string): (string | HTMLElement)[] {
  const [before = '', after = ''] = text.split(SLOT);
  return [before, h(doc, 'time', { datetime: iso }, localDay(iso)), after];
}

/**
 * A list item showing one quote: its words (the article's, in English, marked lang="en"), our
 * translation beside them where the extension speaks another language, who said it, in what
 * role, where and when.
 */
export function renderQuote(doc: Document, quote: Quote, extra?: Node): HTMLElement {
  const words =
    quote.kind === 'direct'
      ? h(doc, 'blockquote', { class: 'quote-text', lang: 'en' }, h(doc, 'p', {}, `“${quote.text}”`))
      : h(doc, 'p', { class: 'quote-text reported', lang: 'en' }, quote.text);
  const translation = quoteTranslation(quote);
  const { role, source } = quoteContext(quote);
  return h(
    doc,
    'li',
    { class: `quote is-${quote.kind}`, 'data-quote-id': quote.id },
    h(doc, 'p', { class: 'quote-kind' }, quoteKindLabel(quote)),
    words,
    translation !== null &&
      h(
        doc,
        'p',
        { class: 'quote-translation', lang: messagesLanguage() },
        h(doc, 'span', { class: 'translation-label' }, t('quoteTranslation')),
        ' ',
        translation,
      ),
    h(
      doc,
      'p',
      { class: 'quote-meta' },
      h(doc, 'span', { class: 'speaker' }, quote.speaker),
      `, ${role}`,
      h(doc, 'br'),
      ...withTime(doc, t('quoteReportedOn', source, SLOT), quote.date),
    ),
    extra ?? null,
  );
}
