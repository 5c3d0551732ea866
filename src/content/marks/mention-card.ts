/**
 * The small card that explains a mark: who or what it is and its part in the story. Highlights
 * carry no events, so the pointer is hit-tested against the mention ranges.
 */
import { h, mountShadowHost } from '../../shared/dom';
import { messagesLanguage, tStory } from '../../shared/i18n';
import { tPage } from '../../shared/page-words';
import type { MarkedEntity } from '../../shared/story';
import { storyKeys } from '../../shared/story-messages';
import { PREFIX } from '../ui-prefix';
import { liveRange, type Mention } from './annotator';
import { CARD_CSS } from './card-style';
import { visibleArea, type VisibleArea } from '../panel/viewport';

export const CARD_TAG = `${PREFIX}card`;

/** Text a screen reader hears for a mention: the card's content in one line. */
export function describeEntity(entity: MarkedEntity): string {
  return tPage('entityLine', tStory(storyKeys.entityName(entity.id)), tStory(storyKeys.entityPart(entity.id)));
}

export interface MentionCard {
  show(mention: Mention): void;
  hide(): void;
  destroy(): void;
}

/** Creates the card, built on its first use (most readers never point at a mark), and hit-tests the pointer against `mentionAt`. */
export function createMentionCard(
  doc: Document,
  mentionAt: (node: Node, offset: number) => Mention | undefined,
  signal: AbortSignal,
  month: string,
): MentionCard {
  let built: { host: HTMLElement; box: HTMLElement; name: HTMLElement; part: HTMLElement } | null = null;
  const build = (): NonNullable<typeof built> => {
    const name = h(doc, 'p', { class: 'name' });
    const part = h(doc, 'p', { class: 'part' });
    // Positioned inside the shadow root: the host's own styles are reset by `all: initial !important`.
    // The card speaks the extension's language, whatever the page's.
    const box = h(
      doc,
      'div',
      { class: 'card', role: 'tooltip', lang: messagesLanguage() },
      name,
      part,
      h(doc, 'p', { class: 'from' }, tPage('cardFrom', month)),
    );
    built = { host: mountShadowHost(doc, CARD_TAG, CARD_CSS, box), box, name, part };
    return built;
  };
  let shown: Mention | null = null;

  const card: MentionCard = {
    show(mention) {
      const { host, box, name, part } = built ?? build();
      shown = mention;
      name.textContent = tStory(storyKeys.entityName(mention.entity.id));
      part.textContent = tStory(storyKeys.entityPart(mention.entity.id));
      host.hidden = false;
      place(box, liveRange(mention).getBoundingClientRect(), visibleArea(doc.defaultView!));
    },
    hide() {
      shown = null;
      if (built) built.host.hidden = true;
    },
    destroy: () => built?.host.remove(),
  };

  const mentionUnder = (x: number, y: number): Mention | undefined => {
    const hit = caretAt(doc, x, y);
    const found = hit ? mentionAt(hit.node, hit.offset) : undefined;
    // The caret snaps to the nearest text, so also check the point is over the mention itself.
    return found && isOver(liveRange(found), x, y) ? found : undefined;
  };

  let frame = 0;
  doc.addEventListener(
    'pointermove',
    (event) => {
      // Synthetic pointer events from the page's scripts do not move the card. A finger has no
      // hover: its moves are scrolls, and a tap shows the card (below).
      if (frame || !event.isTrusted || event.pointerType === 'touch') return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const mention = mentionUnder(event.clientX, event.clientY);
        if (mention && mention !== shown) card.show(mention);
        else if (!mention && shown) card.hide();
      });
    },
    { passive: true, signal },
  );
  // A tap (or click) on a mark shows its card; one anywhere else closes it. Clicks on our own
  // panel or card (their hosts, seen from the page) are left alone: the panel's Next shows a card.
  doc.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || (event.target as Element | null)?.localName?.startsWith(PREFIX)) return;
      const mention = mentionUnder(event.clientX, event.clientY);
      if (mention) card.show(mention);
      else if (shown) card.hide();
    },
    { passive: true, signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape' && shown) card.hide();
    },
    { signal },
  );
  // Keep the card beside its mention while the page scrolls (stepping between mentions scrolls too).
  doc.addEventListener('scroll', () => shown && card.show(shown), { passive: true, signal, capture: true });
  signal.addEventListener('abort', () => {
    cancelAnimationFrame(frame);
    card.destroy();
  });
  return card;
}

/**
 * Puts the card below the mention (above it when there is no room below), inside the visible part
 * of the page with 8 px to spare: narrow screens, pinch-zoom and pages wider than the screen.
 */
function place(box: HTMLElement, rect: DOMRect, area: VisibleArea): void {
  box.style.maxWidth = `${Math.max(0, Math.min(320, area.width - 16))}px`;
  const { width, height } = box.getBoundingClientRect();
  const below = rect.bottom + 8;
  const fitsBelow = below + height <= area.top + area.height - 8;
  const top = fitsBelow ? below : Math.max(area.top + 8, rect.top - 8 - height);
  const left = Math.min(Math.max(area.left + 8, rect.left), area.left + area.width - 8 - width);
  box.style.top = `${Math.round(top)}px`;
  box.style.left = `${Math.round(left)}px`;
}

function isOver(range: Range, x: number, y: number): boolean {
  return Array.from(range.getClientRects()).some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1);
}

/** The text position under a point: caretPositionFromPoint (standard, Firefox, Chrome 128+) or caretRangeFromPoint. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?(x: number, y: number): Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
