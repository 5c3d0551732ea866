/**
 * Marks every mention of the story's people and organisations in the main text, in slices that
 * yield to the browser, and keeps up with text the page adds or rewrites later. Every mention is
 * counted; the first MAX_DRAWN outside long text nodes are marked.
 */
import type { MarkedEntity as Entity } from '../shared/story';
import { blockOf, scopeChecker, skipPast } from './boilerplate';
import { textWalker } from '../shared/dom';
import { debounce } from './debounce';
import { compileMatcher, findMentions, type TextMention } from './mentions';
import { createMarkRenderer, isOwnNode, type DrawnMark, type MarkRenderer, type TextSpot } from './mark-renderer';
import { findMentionsInNode, isLong } from './long-text';
import { mentionIn, mentionOrder } from './mention-order';
import { SLICE_MS, yieldToBrowser } from './yield-to-browser';

/** One marked mention: where its words are, their mark, and whom they name. */
export interface Mention extends DrawnMark {
  entity: Entity;
}

/**
 * How many mentions are marked at most; those past them are counted, not marked. Far more than a
 * reader steps through, and few enough for every browser to draw: each mark costs the page in
 * every frame (Chromium 156: 230 ms a frame with 100,000 marks), and Firefox 153 takes about
 * 10 µs to add one to a highlight.
 *
 * Mentions in a long text node (long-text.ts) are counted and never marked: Chromium 156 spends
 * 80–250 ms on every frame that shows the far end of a 10 MB text node holding even one
 * highlight (none at 1 MB), and 60 ms finding the box of a range there.
 */
export const MAX_DRAWN = 1_000;

/** How much of a long text node is searched at a time, in UTF-16 units. */
export const CHUNK = 16_384;

/** A live Range over a mention, for its on-screen boxes. */
export function liveRange(mention: TextSpot): Range {
  const range = mention.node.ownerDocument.createRange();
  range.setStart(mention.node, mention.start);
  range.setEnd(mention.node, mention.end);
  return range;
}

export interface AnnotatorOptions {
  signal: AbortSignal;
  /** Called after each batch of changes with the number of mentions (sorting them is left to who needs it). */
  onChange?(count: number): void;
  renderer?: 'highlight' | 'wrap';
  /** Debounce for text the page adds later, in ms. */
  debounceMs?: number;
}

export interface Annotator {
  readonly renderer: MarkRenderer;
  /** Resolves when the work queued so far is done (the first full pass, at the start). */
  idle(): Promise<void>;
  /** The marked mentions in document order. */
  mentions(): readonly Mention[];
  /** How many mentions there are, marked or not. */
  count(): number;
  /** The marked mention whose text contains `node` at `offset`, if any. */
  mentionAt(node: Node, offset: number): Mention | undefined;
  stop(): void;
}

/** The mentions of one text node of the page: how many, and the marked ones. */
interface NodeMentions {
  count: number;
  marked: Mention[];
}

/** Starts annotating `root`; everything it did is undone by `stop()` or by aborting `options.signal`. */
export function startAnnotator(root: Element, entities: Entity[], options: AnnotatorOptions): Annotator {
  const doc = root.ownerDocument;
  const matcher = compileMatcher(entities);
  const renderer = createMarkRenderer(doc, options.renderer);
  const inScope = scopeChecker(root);
  /** Mentions by the text node the page holds them in (before any split by the fallback renderer). */
  const byNode = new Map<Text, NodeMentions>();
  /** Marked mentions by the text node that holds their words (the same node, or a wrapper's piece of it), in order. */
  const atNode = new Map<Text, Mention[]>();
  const order = mentionOrder(byNode);
  /** Subtrees still to read, each with a walker that remembers where it stopped. */
  const walkers: TreeWalker[] = [];
  const texts: Text[] = [];
  /** The long text node being searched a chunk at a time, and where the next chunk starts. */
  let long: { node: Text; at: number } | null = null;
  let count = 0;
  let marked = 0;
  let changedSinceDraw = false;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const forget = (node: Text): void => {
    const old = byNode.get(node);
    if (long?.node === node) long = null;
    if (!old) return;
    renderer.unmark(old.marked.map((m) => m.range));
    for (const m of old.marked) atNode.delete(m.node);
    byNode.delete(node);
    count -= old.count;
    marked -= old.marked.length;
    order.changed();
  };

  /** Counts `n` more mentions in `text`; returns its entry. */
  const tally = (text: Text, n: number): NodeMentions => {
    let entry = byNode.get(text);
    if (!entry) {
      entry = { count: 0, marked: [] };
      byNode.set(text, entry);
    }
    entry.count += n;
    count += n;
    changedSinceDraw = true;
    return entry;
  };

  /**
   * Counts the mentions `spans` of `text` (not a long node), and marks them all while there is room
   * for all of them (the fallback renderer splits the node: marking some would leave the others'
   * offsets wrong). `inOrder`: whether they come after every mention marked so far in the page.
   */
  const record = (text: Text, spans: TextMention[], inOrder: boolean): void => {
    const entry = tally(text, spans.length);
    if (marked + spans.length > MAX_DRAWN) return;
    const marks = renderer.mark(text, spans);
    // Our own wrappers (fallback renderer) must not come back to us as page changes.
    if (renderer.mode === 'wrap') observer.discardPending();
    const mentions = marks.map((mark, i): Mention => ({ ...mark, entity: spans[i]!.entity }));
    if (entry.marked.length === 0) order.add(text, inOrder);
    entry.marked.push(...mentions);
    for (const m of mentions) {
      const list = atNode.get(m.node);
      if (list) list.push(m);
      else atNode.set(m.node, [m]);
    }
    marked += mentions.length;
    order.changed();
  };

  /** Whether `text` is article text not searched yet. */
  const isNew = (text: Text): boolean =>
    // A text node that follows one of our wrappers is the tail of a split we made: already searched.
    !byNode.has(text) && !(text.previousSibling && isOwnNode(text.previousSibling)) && inScope(text.parentElement);

  // Called for every text node of the article: the cheap tests come first, and the scope check
  // (which walks ancestors) runs only for the few nodes that contain a mention. Returns how many
  // mentions it found; a long node is only set aside here, to be searched a chunk at a time.
  const markText = (text: Text, inOrder: boolean): number => {
    if (text.length < 3) return 0;
    if (isLong(text)) {
      if (isNew(text)) long = { node: text, at: 0 };
      return 0;
    }
    const found = findMentions(text.data, matcher);
    if (found.length === 0 || !isNew(text)) return 0;
    record(text, found, inOrder);
    return found.length;
  };

  /** Searches the next chunk of the long node and counts its mentions; returns how many it found. */
  const countChunk = (): number => {
    const { node, at } = long!;
    // The page may have cut the node between slices; its change will bring it back to us.
    if (!node.isConnected || at >= node.length) {
      long = null;
      return 0;
    }
    const { found, next } = findMentionsInNode(node, matcher, at, Math.min(at + CHUNK, node.length));
    long = next < node.length ? { node, at: next } : null;
    if (found.length > 0) tally(node, found.length);
    return found.length;
  };

  /** Per block, whether its text holds any alias; each block's text is read once. */
  const holds = new WeakMap<Element, boolean>();
  /** Characters of block text read so far may not pass this (nested blocks are read again inside their parents). */
  let budget = 32e6;

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
    // The fallback renderer splits the nodes it marks: the walk cannot follow by length after that.
    if (renderer.mode === 'wrap') spanEnd = 0;
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

  /** The walker of the first pass over the whole article: its nodes come in document order. */
  const firstPass = textWalker(root);
  /** Whether the node `next()` returned last came from the first pass. */
  let nextInOrder = false;

  /**
   * The next text node to search: changed ones first, then the walkers' nodes in document order.
   * A block whose whole text holds no alias at all (most paragraphs) is passed over in one step:
   * one textContent and one search instead of a call per text node; in one that does, only the
   * nodes an alias overlaps are searched.
   */
  const next = (): Text | null => {
    nextInOrder = false;
    if (texts.length > 0) return texts.pop()!;
    for (; walkers.length > 0; walkers.shift(), spanEnd = 0) {
      const walker = walkers[0]!;
      nextInOrder = walker === firstPass;
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

  const pending = (): boolean => long !== null || walkers.length > 0 || texts.length > 0;

  /**
   * Works through the queue in slices of at most SLICE_MS, yielding between them. The clock is read
   * every 64 units of work (a node, a mention or a chunk of a long node), so a slice overruns by
   * little whatever the page holds.
   */
  const drain = async (): Promise<void> => {
    while (pending() && !stopped) {
      const start = performance.now();
      // The page may have changed the text between slices: a span is followed within one slice only.
      spanEnd = 0;
      for (let units = 0; ; ) {
        if (units >= 64) {
          if (performance.now() - start >= SLICE_MS) break;
          units = 0;
        }
        if (long) {
          units += 64 + countChunk();
          continue;
        }
        const node = next();
        if (!node) break;
        units += 1 + markText(node, nextInOrder);
      }
      if (pending()) {
        await yieldToBrowser();
      } else {
        // Draw what was found when the pass ends, not as it goes: Chromium repaints the whole page
        // for any change to a highlight (about 40 ms on a 10 MB page, whatever the number of
        // marks), and each change of the panel's count restyles and lays out the panel.
        renderer.flush();
        if (changedSinceDraw) options.onChange?.(count);
        changedSinceDraw = false;
      }
    }
    renderer.flush();
  };

  const enqueue = (nodes: Node[]): void => {
    for (const node of nodes) {
      if (!node.isConnected || !root.contains(node)) continue;
      if (node.nodeType === Node.TEXT_NODE) {
        forget(node as Text);
        texts.push(node as Text);
      } else if (node.nodeType === Node.ELEMENT_NODE && !isOwnNode(node)) {
        walkers.push(textWalker(node as Element));
      }
    }
    running = running.then(drain);
  };

  const observer = watchChanges(root, options.debounceMs ?? 250, (changedNodes) => {
    for (const node of [...byNode.keys()]) if (!node.isConnected) forget(node);
    enqueue(changedNodes);
    options.onChange?.(count);
  });
  walkers.push(firstPass);
  // Marking starts in a task of its own, so classification and the panel are not one long task with it.
  running = yieldToBrowser().then(drain);

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    renderer.destroy();
    byNode.clear();
    atNode.clear();
    order.changed();
    long = null;
    count = 0;
    marked = 0;
  };
  options.signal.addEventListener('abort', stop, { once: true });

  return {
    renderer,
    idle: () => running,
    mentions: order.all,
    count: () => count,
    mentionAt: (node, offset) => mentionIn(atNode.get(node as Text), offset),
    stop,
  };
}

/**
 * Calls `onChange` with nodes added or rewritten under `root`, debounced (at most once a second
 * while the page keeps changing); ignores the extension's own marks. A node changed many times is
 * reported once.
 */
function watchChanges(root: Element, debounceMs: number, onChange: (nodes: Node[]) => void): { disconnect(): void; discardPending(): void } {
  let pending = new Set<Node>();
  const report = debounce(
    () => {
      const nodes = [...pending];
      pending = new Set();
      onChange(nodes);
    },
    debounceMs,
    Math.max(debounceMs, 1_000),
  );
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.add(record.target);
      for (const node of record.addedNodes) if (!isOwnNode(node)) pending.add(node);
    }
    if (pending.size > 0) report.schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return {
    disconnect() {
      report.cancel();
      observer.disconnect();
    },
    // Records queued by our own synchronous changes; the page cannot have run in between.
    discardPending: () => void observer.takeRecords(),
  };
}
