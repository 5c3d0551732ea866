/**
 * The context panel: a prefixed element with a shadow root, so no page CSS reaches in and none of
 * ours reaches out. Built only from the bundled story and the verdict's counts, always as text.
 */
import { formatDate, formatMonth, h } from '../shared/dom';
import type { PageVerdict } from '../shared/messages';
import { renderQuote } from '../shared/quote-view';
import { story } from '../shared/story';
import { describeMentions } from '../shared/topics';
import { PREFIX } from '../shared/ui-prefix';
import { PANEL_CSS } from './panel-style';

/** The panel's element name; the page sees nothing else of the extension. */
export const PANEL_TAG = `${PREFIX}panel`;

/** A mounted panel. */
export interface Panel {
  host: HTMLElement;
  destroy(): void;
}

function buildBody(doc: Document, verdict: PageVerdict): HTMLElement {
  const month = formatMonth(story.reported);
  return h(
    doc,
    'div',
    { class: 'body', id: 'body' },
    h(doc, 'p', { class: 'why' }, describeMentions(verdict)),
    h(doc, 'p', { class: 'old' }, `This is background from ${month}, not today’s news.`),
    ...story.summary.map((s) => h(doc, 'p', { class: 'summary' }, s)),
    h(doc, 'h3', {}, 'Key points'),
    h(doc, 'ul', { class: 'points' }, ...story.keyPoints.map((p) => h(doc, 'li', {}, p))),
    h(doc, 'h3', {}, `Earlier in ${story.earlier.year}`),
    h(doc, 'p', { class: 'earlier' }, story.earlier.text),
    h(
      doc,
      'details',
      { class: 'quotes-box' },
      h(doc, 'summary', {}, `Key quotes (${story.quotes.length})`),
      h(doc, 'ul', { class: 'quotes' }, ...story.quotes.map((q) => renderQuote(doc, q))),
      h(doc, 'p', { class: 'source' }, 'The quotes are also in the Backstory toolbar button, with copy buttons.'),
    ),
    h(doc, 'p', { class: 'source' }, `Summarised by Backstory from a news report dated ${formatDate(story.reported)}.`),
  );
}

function buildPanel(doc: Document, verdict: PageVerdict, onDismiss: () => void): HTMLElement {
  const body = buildBody(doc, verdict);
  const collapse = h(doc, 'button', { type: 'button', class: 'collapse', 'aria-expanded': 'true', 'aria-controls': 'body' }, 'Hide');
  const dismiss = h(doc, 'button', { type: 'button', class: 'dismiss', 'aria-label': 'Close the Backstory panel' }, '✕');
  const setExpanded = (expanded: boolean): void => {
    collapse.setAttribute('aria-expanded', String(expanded));
    collapse.textContent = expanded ? 'Hide' : 'Show';
    body.hidden = !expanded;
  };
  collapse.addEventListener('click', () => setExpanded(body.hasAttribute('hidden')));
  dismiss.addEventListener('click', onDismiss);
  const panel = h(
    doc,
    'aside',
    { class: 'panel', 'aria-label': `Backstory: context from ${formatMonth(story.reported)}` },
    h(
      doc,
      'header',
      {},
      h(doc, 'p', { class: 'date' }, h(doc, 'span', { class: 'when' }, formatMonth(story.reported)), 'Backstory'),
      h(doc, 'div', { class: 'actions' }, collapse, dismiss),
      h(doc, 'h2', { id: 'title' }, story.headline),
    ),
    body,
  );
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !body.hasAttribute('hidden')) {
      setExpanded(false);
      collapse.focus();
    }
  });
  return panel;
}

/** Adds the panel to the end of `doc.body` (replacing any earlier one) and returns it. */
export function mountPanel(doc: Document, verdict: PageVerdict): Panel {
  for (const old of Array.from(doc.querySelectorAll(PANEL_TAG))) old.remove();
  const host = doc.createElement(PANEL_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PANEL_CSS;
  const panel: Panel = { host, destroy: () => host.remove() };
  shadow.append(style, buildPanel(doc, verdict, () => panel.destroy()));
  (doc.body ?? doc.documentElement).append(host);
  return panel;
}
