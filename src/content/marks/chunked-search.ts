/** The annotator's search of long text nodes (full-stage/long-text.ts), a bounded piece at a time. */
import { textOf } from '../full-stage/long-text';
import { findMentions, type MentionMatcher, type TextMention } from './mentions';

/**
 * The mentions in `text` that start in [from, to), read through a window of the node's text just
 * wide enough to judge word boundaries, so a long node is never copied whole. Returns them with
 * offsets into the node, and where the next search should start (past a mention that runs over `to`).
 * The window holds a whole character (two UTF-16 units at most) on either side of any mention
 * that starts in [from, to): one before `from`, and one after a mention as long as the longest form.
 */
export function findMentionsInNode(text: Text, matcher: MentionMatcher, from: number, to: number): { found: TextMention[]; next: number } {
  const base = Math.max(0, from - 2);
  const window = textOf(text, Math.min(text.length, to + matcher.longest + 1) - base, base);
  const found = findMentions(window, matcher, from - base)
    .filter((m) => m.start + base < to)
    .map((m) => ({ ...m, start: m.start + base, end: m.end + base }));
  return { found, next: Math.max(to, found.at(-1)?.end ?? 0) };
}

/** How much of a long text node is searched at a time, in UTF-16 units. */
export const CHUNK = 16_384;

/** The search of one long text node, a CHUNK at a time, so it can be spread over many slices. */
export interface ChunkedSearch {
  /** Whether a node is being searched. */
  active(): boolean;
  /** Starts searching `node` from its start (instead of any node being searched). */
  start(node: Text): void;
  /** Stops searching `node`, if it is the one being searched (the page rewrote it). */
  drop(node: Text): void;
  /** Searches the next chunk, telling `onFound` of its mentions; returns how many it found. */
  step(): number;
}

export function chunkedSearch(matcher: MentionMatcher, onFound: (node: Text, n: number) => void): ChunkedSearch {
  let long: { node: Text; at: number } | null = null;
  return {
    active: () => long !== null,
    start(node) {
      long = { node, at: 0 };
    },
    drop(node) {
      if (long?.node === node) long = null;
    },
    step() {
      const { node, at } = long!;
      // The page may have cut the node between slices; its change will bring it back to us.
      if (!node.isConnected || at >= node.length) {
        long = null;
        return 0;
      }
      const { found, next } = findMentionsInNode(node, matcher, at, Math.min(at + CHUNK, node.length));
      long = next < node.length ? { node, at: next } : null;
      if (found.length > 0) onFound(node, found.length);
      return found.length;
    },
  };
}
