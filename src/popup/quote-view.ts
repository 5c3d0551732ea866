/** How a quote is shown and copied, the same in the popup and the page panel. */
import { localDay } from '../shared/dates';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import type { Quote } from '../shared/story';

/** The label that tells a direct quote from the article's account of what someone said. */
export function quoteKindLabel(quote: Quote): string {
  return quote.kind === 'direct' ? t('quoteDirect') : t('quoteReported');
}

/** The quote with its attribution, as it goes to the clipboard. */
export function quoteWithAttribution(quote: Quote): string {
  const words = quote.kind === 'direct' ? `“${quote.text}”` : `${quote.text} (${t('quoteReportedShort')})`;
  return t('quoteCopyText', words, quote.speaker, quote.speakerRole, quote.source, localDay(quote.date));
}

const SLOT = '\u0000';

/** `text` with the date put in a <time> element where the message placed it. */
function withTime(doc: Document, text: string, iso: string): (string | HTMLElement)[] {
  const [before = '', after = ''] = text.split(SLOT);
  return [before, h(doc, 'time', { datetime: iso }, localDay(iso)), after];
}

/** A list item showing one quote: its words, who said it, in what role, where and when. */
export function renderQuote(doc: Document, quote: Quote, extra?: Node): HTMLElement {
  const words =
    quote.kind === 'direct'
      ? h(doc, 'blockquote', { class: 'quote-text' }, h(doc, 'p', {}, `“${quote.text}”`))
      : h(doc, 'p', { class: 'quote-text reported' }, quote.text);
  return h(
    doc,
    'li',
    { class: `quote is-${quote.kind}`, 'data-quote-id': quote.id },
    h(doc, 'p', { class: 'quote-kind' }, quoteKindLabel(quote)),
    words,
    h(
      doc,
      'p',
      { class: 'quote-meta' },
      h(doc, 'span', { class: 'speaker' }, quote.speaker),
      `, ${quote.speakerRole}`,
      h(doc, 'br'),
      ...withTime(doc, t('quoteReportedOn', quote.source, SLOT), quote.date),
    ),
    extra ?? null,
  );
}
