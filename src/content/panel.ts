/**
 * The context panel: a prefixed element with a shadow root, so no page CSS reaches in and none of
 * ours reaches out. Built only from the bundled story and the verdict's counts, always as text.
 */
import { formatDate, formatMonth, h } from '../shared/dom';
import type { PageVerdict } from '../shared/messages';
import { describeMentions } from '../shared/topics';
import { PREFIX } from '../shared/ui-prefix';
import { pageStory as story } from './page-story';
import { PANEL_CSS } from './panel-style';

/** The panel's element name; the page sees nothing else of the extension. */
export const PANEL_TAG = `${PREFIX}panel`;

/** A mounted panel. */
export interface Panel {
  host: HTMLElement;
  /** Shows how many mentions are marked; 0 hides the mention controls. */
  setMentionCount(count: number): void;
  /** Says `text` politely to screen readers (and shows it under the mention controls). */
  announce(text: string): void;
  destroy(): void;
}

/** What the panel asks of the page's marks. */
export interface PanelActions {
  onStep?(direction: 1 | -1): void;
  /** Opens the key quotes (the popup); without it the panel has no quotes button. */
  onOpenQuotes?(): void;
  /** Called after the reader closed the panel. */
  onDismiss?(): void;
}

/**
 * Runs `action` when the reader presses `button`. The page can reach into an open shadow root and
 * call click() or dispatch events, so only events the browser raised for a person (isTrusted)
 * count: nothing the page's scripts do can make the extension act.
 */
function onPress(button: HTMLElement, action: () => void): void {
  button.addEventListener('click', (event) => {
    if (event.isTrusted) action();
  });
}

function buildMentionNav(doc: Document, actions: PanelActions): { nav: HTMLElement; count: HTMLElement; said: HTMLElement } {
  const count = h(doc, 'span', { class: 'count' });
  const said = h(doc, 'p', { class: 'said', role: 'status', 'aria-live': 'polite' });
  const step = (direction: 1 | -1, label: string, text: string) => {
    const button = h(doc, 'button', { type: 'button', class: direction === 1 ? 'next' : 'prev', 'aria-label': label }, text);
    onPress(button, () => actions.onStep?.(direction));
    return button;
  };
  const nav = h(
    doc,
    'div',
    { class: 'mentions', hidden: true },
    h(doc, 'p', { class: 'mention-line' }, count, ' ', step(-1, 'Previous mention', '‹ Previous'), step(1, 'Next mention', 'Next ›')),
    said,
  );
  return { nav, count, said };
}

function buildQuotesButton(doc: Document, actions: PanelActions): HTMLElement | null {
  if (!actions.onOpenQuotes) return null;
  const button = h(doc, 'button', { type: 'button', class: 'quotes-button' }, 'Read the key quotes');
  onPress(button, () => actions.onOpenQuotes?.());
  return h(doc, 'p', { class: 'quotes-line' }, button, ' Also in the Backstory toolbar button.');
}

function buildBody(doc: Document, verdict: PageVerdict, nav: HTMLElement, actions: PanelActions): HTMLElement {
  const month = formatMonth(story.reported);
  return h(
    doc,
    'div',
    { class: 'body', id: 'body' },
    h(doc, 'p', { class: 'why' }, describeMentions(verdict)),
    nav,
    h(doc, 'p', { class: 'old' }, `This is background from ${month}, not today’s news.`),
    ...story.summary.map((s) => h(doc, 'p', { class: 'summary' }, s)),
    h(doc, 'h3', {}, 'Key points'),
    h(doc, 'ul', { class: 'points' }, ...story.keyPoints.map((p) => h(doc, 'li', {}, p))),
    h(doc, 'h3', {}, `Earlier in ${story.earlier.year}`),
    h(doc, 'p', { class: 'earlier' }, story.earlier.text),
    buildQuotesButton(doc, actions),
    h(doc, 'p', { class: 'source' }, `Summarised by Backstory from a news report dated ${formatDate(story.reported)}.`),
  );
}

function buildPanel(doc: Document, verdict: PageVerdict, nav: HTMLElement, actions: PanelActions, onDismiss: () => void): HTMLElement {
  const body = buildBody(doc, verdict, nav, actions);
  const collapse = h(doc, 'button', { type: 'button', class: 'collapse', 'aria-expanded': 'true', 'aria-controls': 'body' }, 'Hide');
  const dismiss = h(doc, 'button', { type: 'button', class: 'dismiss', 'aria-label': 'Close the Backstory panel' }, '✕');
  const setExpanded = (expanded: boolean): void => {
    collapse.setAttribute('aria-expanded', String(expanded));
    collapse.textContent = expanded ? 'Hide' : 'Show';
    body.hidden = !expanded;
  };
  onPress(collapse, () => setExpanded(body.hasAttribute('hidden')));
  onPress(dismiss, onDismiss);
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
    if (event.isTrusted && event.key === 'Escape' && !body.hasAttribute('hidden')) {
      setExpanded(false);
      collapse.focus();
    }
  });
  return panel;
}

/** Adds the panel to the end of `doc.body` (replacing any earlier one) and returns it. */
/** The panel mounted in each document, so a new one replaces it without searching the page. */
const mounted = new WeakMap<Document, HTMLElement>();

export function mountPanel(doc: Document, verdict: PageVerdict, actions: PanelActions = {}): Panel {
  mounted.get(doc)?.remove();
  const host = doc.createElement(PANEL_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PANEL_CSS;
  const { nav, count, said } = buildMentionNav(doc, actions);
  const panel: Panel = {
    host,
    setMentionCount(n) {
      nav.hidden = n === 0;
      count.textContent = `${n} mention${n === 1 ? '' : 's'} on this page —`;
    },
    announce(text) {
      said.textContent = text;
    },
    destroy: () => host.remove(),
  };
  shadow.append(style, buildPanel(doc, verdict, nav, actions, () => {
    panel.destroy();
    actions.onDismiss?.();
  }));
  (doc.body ?? doc.documentElement).append(host);
  mounted.set(doc, host);
  return panel;
}
