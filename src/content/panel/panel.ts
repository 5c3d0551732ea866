/**
 * The context panel: a prefixed element with a shadow root, so no page CSS reaches in and none of
 * ours reaches out. Built only from the bundled story and the verdict's counts, always as text.
 */
import { h, mountShadowHost } from '../../shared/dom';
import { messagesLanguage, tStory } from '../../shared/i18n';
import { tPage, tPageCount } from '../../shared/page-words';
import { storyKeys } from '../../shared/story-messages';
import type { PageVerdict } from '../../shared/messages';
import type { PopupSection } from '../../shared/popup-section';
import { describeMentions, type StoryDates } from '../../shared/topics';
import { PREFIX } from '../ui-prefix';
import { pageStory as story } from '../full-stage/page-story';
import { PANEL_CSS } from './panel-style';
import { placeWhenLaidOut, unlift, type Placement } from './place-panel';
import { watchSeen, type SeenWatch } from './seen-watch';
import { followVisualViewport, isSmallScreen } from './viewport';

/** The panel's element name; the page sees nothing else of the extension. */
export const PANEL_TAG = `${PREFIX}panel`;

/** A mounted panel. */
export interface Panel {
  host: HTMLElement;
  /** Shows how many mentions are marked; 0 hides the mention controls. */
  setMentionCount(count: number): void;
  /** Says `text` politely to screen readers (and shows it under the mention controls). */
  announce(text: string): void;
  /** Opens the tab to the full panel (focus moves to its Hide button), or folds the open panel to the tab: the keyboard shortcut. */
  toggle(): void;
  /** Opens the panel in full (focus moves to its Hide button). */
  show(): void;
  destroy(): void;
}

/** What the panel asks of the page's marks. */
export interface PanelActions {
  onStep?(direction: 1 | -1): void;
  /** Opens the popup at its key quotes or its sources (what the context is drawn from); without it the panel has neither button. */
  onOpenPopup?(section: PopupSection): void;
  /** Called after the reader closed the panel. */
  onDismiss?(): void;
  /** Called once, when the reader has seen the panel in full (see seen-watch.ts). */
  onSeen?(): void;
  /** Start as a small collapsed tab instead of open, because of the reader's settings or history (settings.ts startsAsTab). */
  collapsed?: boolean;
  /** The element holding the article's text, which the panel keeps clear of as it appears (placement.ts). */
  article?: Element | null;
  /** The story's dates in the reader's language. */
  dates: StoryDates;
}

/**
 * A button that runs `action` when the reader presses it. The page can reach into an open shadow
 * root and call click() or dispatch events, so only events the browser raised for a person
 * (isTrusted) count: nothing the page's scripts do can make the extension act.
 */
function button(doc: Document, attrs: Record<string, string>, text: string, action: () => void): HTMLElement {
  const el = h(doc, 'button', { type: 'button', ...attrs }, text);
  el.addEventListener('click', (event) => {
    if (event.isTrusted) action();
  });
  return el;
}

function buildMentionNav(doc: Document, actions: PanelActions): { nav: HTMLElement; count: HTMLElement; said: HTMLElement } {
  const count = h(doc, 'span', { class: 'count' });
  const said = h(doc, 'p', { class: 'said', role: 'status', 'aria-live': 'polite' });
  const step = (direction: 1 | -1, label: string, text: string) =>
    button(doc, { class: direction === 1 ? 'next' : 'prev', 'aria-label': label }, text, () => actions.onStep?.(direction));
  const nav = h(
    doc,
    'div',
    { class: 'mentions', hidden: true },
    h(
      doc,
      'p',
      { class: 'mention-line' },
      count,
      ' ',
      step(-1, tPage('mentionPreviousLabel'), tPage('mentionPrevious')),
      step(1, tPage('mentionNextLabel'), tPage('mentionNext')),
    ),
    said,
  );
  return { nav, count, said };
}

function buildBody(doc: Document, verdict: PageVerdict, nav: HTMLElement, actions: PanelActions): HTMLElement {
  const { month, day } = actions.dates;
  const open = actions.onOpenPopup;
  return h(
    doc,
    'div',
    { class: 'body', id: 'body' },
    h(doc, 'p', { class: 'why' }, describeMentions(verdict)),
    nav,
    h(doc, 'p', { class: 'old' }, tPage('panelOld', month)),
    ...Array.from({ length: story.summaryCount }, (_, i) => h(doc, 'p', { class: 'summary' }, tStory(storyKeys.summary(i)))),
    h(doc, 'h3', {}, tPage('panelKeyPoints')),
    h(doc, 'ul', { class: 'points' }, ...Array.from({ length: story.pointCount }, (_, i) => h(doc, 'li', {}, tStory(storyKeys.point(i))))),
    h(doc, 'h3', {}, tPage('panelEarlier', story.earlierYear)),
    h(doc, 'p', { class: 'earlier' }, tStory(storyKeys.earlier)),
    // The quotes and the sources are in the popup: the background opens it (the buttons are left out where nothing can).
    open &&
      h(
        doc,
        'p',
        { class: 'quotes-line' },
        button(doc, { class: 'quotes-button' }, tPage('panelQuotes'), () => open('quotes')),
        ' ',
        tPage('panelQuotesAlso'),
      ),
    h(doc, 'p', { class: 'source' }, tPage('panelSource', day), ' ', open && button(doc, {}, tPage('panelSources'), () => open('sources'))),
  );
}

/** The panel's element, and how to open it or fold it to the tab. */
interface PanelParts {
  panel: HTMLElement;
  setExpanded(expanded: boolean): void;
}

function buildPanel(
  doc: Document,
  verdict: PageVerdict,
  nav: HTMLElement,
  actions: PanelActions,
  seen: SeenWatch,
  onDismiss: () => void,
  onOpen: () => void,
): PanelParts {
  const body = buildBody(doc, verdict, nav, actions);
  const collapse = button(doc, { class: 'collapse', 'aria-expanded': 'true', 'aria-controls': 'body' }, tPage('panelHide'), () => {
    const open = !body.hasAttribute('hidden');
    if (open) seen.acted();
    setExpanded(!open);
  });
  const dismiss = button(doc, { class: 'dismiss', 'aria-label': tPage('panelClose') }, '✕', onDismiss);
  const setExpanded = (expanded: boolean): void => {
    if (expanded) onOpen();
    collapse.setAttribute('aria-expanded', String(expanded));
    collapse.textContent = expanded ? tPage('panelHide') : tPage('panelShow');
    body.hidden = !expanded;
    panel.classList.toggle('open', expanded);
    seen.opened(expanded);
  };
  const panel: HTMLElement = h(
    doc,
    'aside',
    // The panel speaks the extension's language, whatever the page's (<html lang> says the page's).
    { class: 'panel', lang: messagesLanguage(), 'aria-label': tPage('panelLabel', actions.dates.month) },
    h(
      doc,
      'header',
      {},
      h(doc, 'p', { class: 'date' }, h(doc, 'span', { class: 'when' }, actions.dates.month), tPage('brand')),
      h(doc, 'div', { class: 'actions' }, collapse, dismiss),
      h(doc, 'h2', { id: 'title' }, tStory(storyKeys.headline)),
    ),
    body,
  );
  panel.addEventListener('keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape' && !body.hasAttribute('hidden')) {
      seen.acted();
      setExpanded(false);
      collapse.focus();
    }
  });
  return { panel, setExpanded };
}

/** The panel mounted in each document, so a new one replaces it without searching the page. */
const mounted = new WeakMap<Document, Panel>();

/** Adds the panel to the end of `doc.body` (replacing any earlier one) and returns it. */
export function mountPanel(doc: Document, verdict: PageVerdict, actions: PanelActions): Panel {
  mounted.get(doc)?.destroy();
  const following = new AbortController();
  const seen = watchSeen(doc, () => actions.onSeen?.(), following.signal);
  // Stepping through the mentions and opening the popup are acts on the open panel: it has been seen.
  const open = actions.onOpenPopup;
  const acting: PanelActions = {
    ...actions,
    onStep: (direction) => {
      seen.acted();
      actions.onStep?.(direction);
    },
    onOpenPopup:
      open &&
      ((section) => {
        seen.acted();
        open(section);
      }),
  };
  const { nav, count, said } = buildMentionNav(doc, acting);
  const arrived = h(doc, 'p', { class: 'arrived', role: 'status', 'aria-live': 'polite' });
  /** Where the panel goes as it appears, until it has been placed (desktop windows only). */
  let placement: Placement | null = null;
  const parts = buildPanel(
    doc,
    verdict,
    nav,
    acting,
    seen,
    () => {
      seen.acted();
      following.abort();
      host.remove();
      actions.onDismiss?.();
    },
    // However it is opened, the open panel belongs at the bottom right, not where its tab was lifted
    // to; opened before it was placed, it stays open.
    () => {
      unlift(host);
      placement?.keep();
    },
  );
  const host = mountShadowHost(doc, PANEL_TAG, PANEL_CSS, arrived, parts.panel);
  const show = (): void => {
    parts.setExpanded(true);
    parts.panel.querySelector<HTMLElement>('.collapse')?.focus({ preventScroll: true });
  };
  const view = doc.defaultView ?? window;
  // On a phone (or any small or zoomed-in window) the panel starts as a small tab whatever the
  // setting says: open, it would cover much of the article. Elsewhere it keeps clear of the
  // article's text as it appears: open beside it, or the tab (place-panel.ts).
  const small = isSmallScreen(view);
  parts.setExpanded(!actions.collapsed && !small);
  if (doc.defaultView) {
    followVisualViewport(host, view, following.signal, !small);
    if (!small) placement = placeWhenLaidOut({ host, ...parts }, view, actions.article ?? null, actions.collapsed === true, following.signal);
  }
  const panel: Panel = {
    host,
    setMentionCount(n) {
      nav.hidden = n === 0;
      count.textContent = n === 1 ? tPage('mentionCountOne') : tPageCount('mentionCountMany', n);
    },
    announce(text) {
      said.textContent = text;
    },
    toggle() {
      if (parts.panel.classList.contains('open')) {
        seen.acted();
        parts.setExpanded(false);
      } else show();
    },
    show,
    destroy() {
      following.abort();
      host.remove();
    },
  };
  mounted.set(doc, panel);
  // Say once, politely, that the panel arrived. A live region announces changes, not its first
  // content, so the words go in after it is in the page; it sits outside the body, so it is heard
  // even when the panel starts collapsed.
  setTimeout(() => {
    arrived.textContent = tPage('panelArrived', actions.dates.month);
  }, 100);
  return panel;
}
