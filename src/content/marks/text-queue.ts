/**
 * The text nodes the annotator still has to search, handed out one at a time: nodes the page
 * rewrote first, then the text of each subtree still to read, in document order. Most of an
 * article's text is passed over without a call per node: a block whose whole text holds no alias
 * (most paragraphs) is skipped in one step, with one textContent and one search; in one that does,
 * only the nodes an alias overlaps are handed out.
 */
import { textWalker } from '../../shared/dom';
import { blockOf, skipPast } from '../full-stage/boilerplate';
import { isLong } from '../full-stage/long-text';
import type { MentionMatcher } from './mentions';

export interface TextQueue {
  /** The next text node to search, or null when none is left. */
  next(): Text | null;
  /** Whether the node `next()` returned last came from the first walk over the whole article, so it follows every node handed out before it. */
  inOrder(): boolean;
  /** Queues a text node the page added or rewrote. */
  addText(node: Text): void;
  /** Queues the text of a subtree the page added. */
  addSubtree(el: Element): void;
  /** Whether anything is left to hand out. */
  pending(): boolean;
  /** Stops following the current span by length (called between slices: the page may have changed its text meanwhile). */
  leaveSpan(): void;
}

/** Characters of block text the queue may read whole, at most (nested blocks are read again inside their parents). */
const BUDGET = 32e6;

/**
 * Starts with a walk over the whole of `root`'s text; `matcher.loose` says which blocks may hold an
 * alias. `known` holds blocks' text already read from the page (the detector's reader read them
 * whole): a block there without an alias is passed over without reading it again. Entries are
 * dropped once used.
 */
export function textQueue(root: Element, matcher: MentionMatcher, known?: Map<Element, string>): TextQueue {
  /** Subtrees still to read, each with a walker that remembers where it stopped. */
  const walkers: TreeWalker[] = [];
  const texts: Text[] = [];
  /** The walker of the first pass over the whole article: its nodes come in document order. */
  const firstPass = textWalker(root);
  walkers.push(firstPass);
  let lastInOrder = false;

  /** Per block, whether its text holds any alias; each block's text is read once. */
  const holds = new WeakMap<Element, boolean>();
  let budget = BUDGET;

  /**
   * The span: the block being walked whose text holds an alias, entered at its first text node.
   * Inside it a node's length places it in the block's text, so only the nodes an alias overlaps
   * are searched. `spanAt` is how far into the text the walk is (the span is over once it reaches
   * `spanEnd`); `spots` are the aliases' [start, end] pairs, `spot` the first that may lie ahead.
   */
  let spanAt = 0;
  let spanEnd = 0;
  let spots: number[] = [];
  let spot = 0;

  /** Whether the span's next node, of `length` characters, overlaps an alias; moves past it. */
  const overlapsAlias = (length: number): boolean => {
    const start = spanAt;
    spanAt += length;
    while (spot < spots.length && spots[spot + 1]! <= start) spot += 2;
    return spot < spots.length && spots[spot]! < spanAt;
  };

  /**
   * Whether `block`'s text may hold an alias; read once. A block read now and entered at `node`,
   * its first text node, becomes the span. A block that starts with a long text node, or has many
   * children, is not read whole (its text may run to megabytes): its nodes are searched one by one.
   */
  const mayHold = (block: Element, node: Text): boolean => {
    let may = holds.get(block);
    if (may === undefined) {
      if (budget < 0) return true;
      // Read in an earlier task, so good for passing over a block without an alias (a node the
      // page changed since then is queued again and searched), not for placing one: that block is read afresh.
      const read = known?.get(block);
      if (read !== undefined) {
        known!.delete(block);
        matcher.loose.lastIndex = 0;
        if (!matcher.loose.test(read)) {
          holds.set(block, false);
          return false;
        }
      }
      if (isLong(node) || block.childNodes.length > 256) {
        holds.set(block, true);
        return true;
      }
      const text = block.textContent!;
      budget -= text.length;
      const found: number[] = [];
      const { loose } = matcher;
      loose.lastIndex = 0;
      for (let m = loose.exec(text); m; m = loose.exec(text)) found.push(m.index, m.index + m[0].length);
      may = found.length > 0;
      holds.set(block, may);
      if (may && textWalker(block).nextNode() === node) [spanAt, spanEnd, spots, spot] = [0, text.length, found, 0];
    }
    return may;
  };

  /** The next node of the walkers that may hold an alias, in document order within each walker. */
  const nextWalked = (): Text | null => {
    for (; walkers.length > 0; walkers.shift(), spanEnd = 0) {
      const walker = walkers[0]!;
      lastInOrder = walker === firstPass;
      // Read once: in Firefox every DOM property a content script reads crosses a wrapper.
      const top = walker.root as Element;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (spanAt < spanEnd) {
          if (overlapsAlias(node.length)) return node;
          continue;
        }
        const block = blockOf(node.parentElement!, top);
        if (block !== top && !mayHold(block, node)) {
          skipPast(walker, block);
        } else {
          // A span that starts here is a block just read: its first node may overlap no alias.
          if (spanAt >= spanEnd || overlapsAlias(node.length)) return node;
        }
      }
    }
    return null;
  };

  return {
    next() {
      lastInOrder = false;
      if (texts.length > 0) return texts.pop()!;
      return nextWalked();
    },
    inOrder: () => lastInOrder,
    addText(node) {
      texts.push(node);
    },
    addSubtree(el) {
      walkers.push(textWalker(el));
    },
    pending: () => walkers.length > 0 || texts.length > 0,
    leaveSpan() {
      spanEnd = 0;
    },
  };
}
