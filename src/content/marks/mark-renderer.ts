/**
 * Draws marks over mentions with the CSS Custom Highlight API: each mark is a range in a named
 * highlight, and the page's DOM is not touched at all. Their look is in marks.css, which the
 * browser injects with the first stage (no <style> of ours in the page).
 */
import { PREFIX } from '../ui-prefix';

export const MARK_HIGHLIGHT = `${PREFIX}mention`;
export const CURRENT_HIGHLIGHT = `${PREFIX}current`;

/** Where a mention's words are: a text node of the page and the offsets of the words in it. */
export interface TextSpot {
  node: Text;
  start: number;
  end: number;
}

/** A drawn mark: where its words are and its range in the highlight. */
export interface DrawnMark extends TextSpot {
  range: AbstractRange;
}

/** Draws and removes marks over mentions of one text node at a time. */
export interface MarkRenderer {
  /** Marks `spans` (offsets into `text`, in order, not overlapping). */
  mark(text: Text, spans: readonly { start: number; end: number }[]): DrawnMark[];
  /** Draws the marks made since the last flush. */
  flush(): void;
  /** Forgets marks whose text the page removed or rewrote. */
  unmark(ranges: AbstractRange[]): void;
  /** Outlines one of the marks, or none. */
  setCurrent(mark: DrawnMark | null): void;
  /** Takes every mark off the page. */
  destroy(): void;
}

type HighlightSet = Set<AbstractRange>;

/**
 * Registers the two highlights (every mark, and the current one) in the page's highlight registry.
 * Firefox has the API from 140, the manifest's minimum, and Chrome from 105; the manifest sets no
 * minimum Chrome, so in an older one the highlights go into a registry of our own: nothing is
 * drawn, but mentions are still counted and explained on hover.
 */
export function createMarkRenderer(): MarkRenderer {
  const api = globalThis as unknown as { CSS?: { highlights?: Map<string, HighlightSet> }; Highlight?: new () => HighlightSet };
  const registry = api.CSS?.highlights ?? new Map<string, HighlightSet>();
  const HighlightCtor: new () => HighlightSet = api.Highlight ?? Set;
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
