/**
 * The small card that explains a mark: who or what it is and its part in the story. Highlights
 * carry no events, so the pointer is hit-tested against the mention ranges.
 */
import { h, mountShadowHost } from '../shared/dom';
import { t, tStory } from '../shared/i18n';
import type { MarkedEntity } from '../shared/story';
import { storyKeys } from '../shared/story-messages';
import { PREFIX } from '../shared/ui-prefix';
import { liveRange, type Mention } from './annotator';
import { CARD_CSS } from './card-style';

export const CARD_TAG = `${PREFIX}card`;

/** Text a screen reader hears for a mention: the card's content in one line. */
export function describeEntity(entity: MarkedEntity): string {
  return t('entityLine', tStory(storyKeys.entityName(entity.id)), tStory(storyKeys.entityPart(entity.id)));
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
    const box = h(doc, 'div', { class: 'card', role: 'tooltip' }, name, part, h(doc, 'p', { class: 'from' }, t('cardFrom', month)));
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
      const rect = liveRange(mention).getBoundingClientRect();
      const view = doc.defaultView!;
      host.hidden = false;
      const below = rect.bottom + 8;
      const height = box.getBoundingClientRect().height;
      const top = below + height > view.innerHeight ? Math.max(8, rect.top - 8 - height) : below;
      box.style.top = `${Math.round(top)}px`;
      box.style.left = `${Math.round(Math.min(Math.max(8, rect.left), view.innerWidth - 328))}px`;
    },
    hide() {
      shown = null;
      if (built) built.host.hidden = true;
    },
    destroy: () => built?.host.remove(),
  };

  let frame = 0;
  doc.addEventListener(
    'pointermove',
    (event) => {
      // Synthetic pointer events from the page's scripts do not move the card.
      if (frame || !event.isTrusted) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const hit = caretAt(doc, event.clientX, event.clientY);
        const found = hit ? mentionAt(hit.node, hit.offset) : undefined;
        // The caret snaps to the nearest text, so also check the pointer is over the mention itself.
        const mention = found && isOver(liveRange(found), event.clientX, event.clientY) ? found : undefined;
        if (mention && mention !== shown) card.show(mention);
        else if (!mention && shown) card.hide();
      });
    },
    { passive: true, signal },
  );
  // Keep the card beside its mention while the page scrolls (stepping between mentions scrolls too).
  doc.addEventListener('scroll', () => shown && card.show(shown), { passive: true, signal, capture: true });
  signal.addEventListener('abort', () => {
    cancelAnimationFrame(frame);
    card.destroy();
  });
  return card;
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
