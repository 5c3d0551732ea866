/**
 * Draws marks over mentions. Where the CSS Custom Highlight API exists the page's DOM is not
 * touched at all; elsewhere each mention is wrapped in a prefixed element, and teardown puts every
 * text node back as it was (same node, same text).
 */
import { PREFIX } from '../shared/ui-prefix';

export const MARK_HIGHLIGHT = `${PREFIX}mention`;
export const CURRENT_HIGHLIGHT = `${PREFIX}current`;
export const MARK_TAG = `${PREFIX}mark`;

// Their look is in marks.css, which the browser injects with the content script (no <style> of ours in the page).

/** Where a mention's words are: a text node and the offsets of the words in it. */
export interface TextSpot {
  node: Text;
  start: number;
  end: number;
}

/** A drawn mark: where its words are now (the fallback renderer moves them into a node of their own) and its range. */
export interface DrawnMark extends TextSpot {
  range: AbstractRange;
}

/** Draws and removes marks over mentions of one text node at a time. */
export interface MarkRenderer {
  readonly mode: 'highlight' | 'wrap';
  /** Marks `spans` (offsets into `text`, in order, not overlapping). */
  mark(text: Text, spans: readonly { start: number; end: number }[]): DrawnMark[];
  /** Draws the marks made since the last flush (the highlight renderer batches them). */
  flush(): void;
  /** Forgets marks whose text the page removed or rewrote. */
  unmark(ranges: AbstractRange[]): void;
  /** Outlines one of the marks, or none. */
  setCurrent(mark: DrawnMark | null): void;
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
      return spans.map(({ start, end }) => {
        const range = makeRange(text, start, end);
        pending.push(range);
        return { node: text, start, end, range };
      });
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
    setCurrent(mark) {
      current.clear();
      if (mark) current.add(mark.range);
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
      const marks: DrawnMark[] = [];
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
        marks.unshift({ node: piece, start: 0, end: piece.length, range });
      }
      return marks;
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
    setCurrent(mark) {
      current?.removeAttribute('data-current');
      const parent = mark?.node.parentElement;
      current = parent?.localName === MARK_TAG ? parent : null;
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
  const hasHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function';
  return (prefer ?? 'highlight') === 'highlight' && hasHighlights ? highlightRenderer() : wrapRenderer(doc);
}
