/**
 * The annotator's books: every mention found so far, by the text node that holds it. All of them
 * are counted; the first `maxDrawn` are marked. Keeps the marked ones in document order and finds
 * the one under a text position.
 */
import type { MarkedEntity as Entity } from '../../shared/story';
import type { DrawnMark, MarkRenderer } from './mark-renderer';
import { mentionIn, mentionOrder } from './mention-order';
import type { TextMention } from './mentions';

/** One marked mention: where its words are, their mark, and whom they name. */
export interface Mention extends DrawnMark {
  entity: Entity;
}

/** The mentions of one text node of the page: how many, and the marked ones (in text order). */
interface NodeMentions {
  count: number;
  marked: Mention[];
}

export interface MentionLedger {
  /** Whether `node`'s mentions are in the books (it was searched and holds some). */
  has(node: Text): boolean;
  /** Counts `n` more mentions in `node` without marking them (a long node's, a chunk at a time). */
  tally(node: Text, n: number): void;
  /**
   * Counts the mentions `spans` of `node`, searched whole, and marks as many of them as there is
   * room for. `inOrder`: whether they come after every mention marked so far in the page.
   */
  record(node: Text, spans: TextMention[], inOrder: boolean): void;
  /** Takes `node`'s mentions off the books and off the page (the page removed or rewrote it). */
  forget(node: Text): void;
  /** Forgets every node the page has taken out of the document. */
  forgetRemoved(): void;
  /** How many mentions there are, marked or not. */
  count(): number;
  /** The marked mentions in document order. */
  marked(): readonly Mention[];
  /** The marked mention whose text contains `node` at `offset`, if any. */
  at(node: Node, offset: number): Mention | undefined;
  /** Whether the count changed since the last call. */
  takeChanged(): boolean;
  /** Forgets everything (the renderer takes the marks off the page). */
  clear(): void;
}

export function mentionLedger(renderer: MarkRenderer, maxDrawn: number): MentionLedger {
  const byNode = new Map<Text, NodeMentions>();
  const order = mentionOrder(byNode);
  let count = 0;
  let marked = 0;
  let changed = false;

  /** Counts `n` more mentions in `node`; returns its entry. */
  const tally = (node: Text, n: number): NodeMentions => {
    let entry = byNode.get(node);
    if (!entry) {
      entry = { count: 0, marked: [] };
      byNode.set(node, entry);
    }
    entry.count += n;
    count += n;
    changed = true;
    return entry;
  };

  const forget = (node: Text): void => {
    const old = byNode.get(node);
    if (!old) return;
    renderer.unmark(old.marked.map((m) => m.range));
    byNode.delete(node);
    count -= old.count;
    marked -= old.marked.length;
    order.changed();
  };

  return {
    has: (node) => byNode.has(node),
    tally,
    record(node, spans, inOrder) {
      const entry = tally(node, spans.length);
      const room = Math.min(spans.length, maxDrawn - marked);
      if (room <= 0) return;
      const marks = renderer.mark(node, room < spans.length ? spans.slice(0, room) : spans);
      if (entry.marked.length === 0) order.add(node, inOrder);
      for (let i = 0; i < room; i += 1) entry.marked.push({ ...marks[i]!, entity: spans[i]!.entity });
      marked += room;
      order.changed();
    },
    forget,
    forgetRemoved() {
      for (const node of [...byNode.keys()]) if (!node.isConnected) forget(node);
    },
    count: () => count,
    marked: order.all,
    at: (node, offset) => mentionIn(byNode.get(node as Text)?.marked, offset),
    takeChanged() {
      const was = changed;
      changed = false;
      return was;
    },
    clear() {
      byNode.clear();
      order.changed();
      count = 0;
      marked = 0;
    },
  };
}
