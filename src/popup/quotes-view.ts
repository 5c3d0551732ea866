/** The popup's list of key quotes, each with a copy button that copies it with its attribution. */
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { quoteWithAttribution, renderQuote } from './quote-view';
import type { Quote } from '../shared/story';
import { copyText } from './copy-quote';

/** Fills `list` with the quotes; copy results are announced in `announcer`. */
export function renderQuotes(list: HTMLElement, announcer: HTMLElement, quotes: Quote[], copy = copyText): void {
  const doc = list.ownerDocument;
  for (const quote of quotes) {
    const button = h(
      doc,
      'button',
      { type: 'button', class: 'copy', 'aria-label': quote.kind === 'direct' ? t('copyLabelDirect', quote.speaker) : t('copyLabelReported', quote.speaker) },
      t('copy'),
    );
    button.addEventListener('click', async () => {
      const ok = await copy(doc, quoteWithAttribution(quote));
      button.textContent = ok ? t('copied') : t('copyFailed');
      button.classList.toggle('copied', ok);
      announcer.textContent = ok ? t('copiedSaid', quote.speaker) : t('copyFailedSaid');
    });
    list.append(renderQuote(doc, quote, button));
  }
}
