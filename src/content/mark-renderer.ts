/**
 * Draws marks over mention ranges. Where the CSS Custom Highlight API exists the page's DOM is not
 * touched at all; elsewhere each mention is wrapped in a prefixed element, and teardown puts every
 * text node back as it was (same node, same text).
 */
import { PREFIX } from '../shared/ui-prefix';

export const MARK_HIGHLIGHT = `${PREFIX}mention`;
export const CURRENT_HIGHLIGHT = `${PREFIX}current`;
export const MARK_TAG = `${PREFIX}mark`;

// Their look is in marks.css, which the browser injects with the content script (no <style> of ours in the page).

/** Draws and removes marks over mentions of one text node at a time. */
export interface MarkRenderer {
  readonly mode: 'highlight' | 'wrap';
  /** Marks `spans` (offsets into `text`, in order, not overlapping); returns one range per span. */
  mark(text: Text, spans: readonly { start: number; end: number }[]): AbstractRange[];
  /** Draws the marks made since the last flush (the highlight renderer batches them). */
  flush(): void;
  /** Forgets marks whose text the page removed or rewrote. */
  unmark(ranges: AbstractRange[]): void;
  setCurrent(range: AbstractRange | null): void;
  destroy(): void;
}

/** Whether `node` was put into the page by the wrap renderer (observers ignore it). */
export function isOwnNode(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === MARK_TAG;
}

type HighlightSet = Set<AbstractRange>;

function highlightRenderer(): MarkRenderer {
  const registry = (CSS as unknown as { highlights: Map<string, HighlightSet> }).highlights;
  const HighlightCtor = (globalThis as unknown as { Highlight: new () => HighlightSet }).Highlight;
  const marks = new HighlightCtor();
  const current = new HighlightCtor();
  registry.set(MARK_HIGHLIGHT, marks);
  registry.set(CURRENT_HIGHLIGHT, current);
  // StaticRange, which every browser with CSS highlights has: a live Range is updated by the
  // browser on every DOM change anywhere in the page, and thousands of them slow the page down.
  const makeRange = (text: Text, start: number, end: number): AbstractRange =>
    new StaticRange({ startContainer: text, startOffset: start, endContainer: text, endOffset: end });
  // Ranges reach the highlight in batches: each change to a highlight makes the browser repaint
  // every mark, so adding them one slice at a time would repaint thousands of marks many times.
  let pending: AbstractRange[] = [];
  return {
    mode: 'highlight',
    mark(text, spans) {
      const ranges = spans.map(({ start, end }) => makeRange(text, start, end));
      pending.push(...ranges);
      return ranges;
    },
    flush() {
      for (const range of pending) marks.add(range);
      pending = [];
    },
    unmark(ranges) {
      const gone = new Set(ranges);
      pending = pending.filter((r) => !gone.has(r));
      for (const range of ranges) {
        marks.delete(range);
        current.delete(range);
      }
    },
    setCurrent(range) {
      current.clear();
      if (range) current.add(range);
    },
    destroy() {
      pending = [];
      if (registry.get(MARK_HIGHLIGHT) === marks) registry.delete(MARK_HIGHLIGHT);
      if (registry.get(CURRENT_HIGHLIGHT) === current) registry.delete(CURRENT_HIGHLIGHT);
    },
  };
}

function wrapRenderer(doc: Document): MarkRenderer {
  /** Each changed text node with its original text and the nodes the renderer added after it. */
  const changed = new Map<Text, { data: string; added: ChildNode[] }>();
  let current: Element | null = null;
  return {
    mode: 'wrap',
    mark(text, spans) {
      const record = changed.get(text) ?? { data: text.data, added: [] };
      changed.set(text, record);
      const ranges: AbstractRange[] = [];
      // From the last span back, so the offsets of earlier spans stay valid in `text`.
      for (const { start, end } of spans.slice().reverse()) {
        const tail = text.splitText(end);
        const piece = text.splitText(start);
        const mark = doc.createElement(MARK_TAG);
        piece.replaceWith(mark);
        mark.append(piece);
        record.added.push(mark, tail);
        const range = doc.createRange();
        range.selectNodeContents(piece);
        ranges.unshift(range);
      }
      return ranges;
    },
    unmark(ranges) {
      // Called for text the page removed or rewrote. Removed: nothing of ours is left in the page.
      // Rewritten (the first piece of a split node): its old wrappers stay until the page replaces
      // them. Known gap, fallback only: every supported browser version has CSS highlights.
      for (const range of ranges) {
        const text = range.startContainer.parentElement?.previousSibling;
        if (text instanceof Text) changed.delete(text);
      }
    },
    flush() {
      // Wrapped marks are drawn as soon as they are made.
    },
    setCurrent(range) {
      current?.removeAttribute('data-current');
      const node = range?.startContainer;
      current = node?.parentElement?.localName === MARK_TAG ? node.parentElement : null;
      current?.setAttribute('data-current', '');
    },
    destroy() {
      for (const [text, { data, added }] of changed) {
        for (const node of added) node.remove();
        text.data = data;
      }
      changed.clear();
    },
  };
}

/** The best renderer this browser supports (or the one asked for, in tests). */
export function createMarkRenderer(doc: Document, prefer?: 'highlight' | 'wrap'): MarkRenderer {
  const hasHighlights =
    typeof CSS !== 'undefined' && 'highlights' in CSS && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function';
  return (prefer ?? 'highlight') === 'highlight' && hasHighlights ? highlightRenderer() : wrapRenderer(doc);
}
