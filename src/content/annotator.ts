/**
 * Marks every mention of the story's people and organisations in the main text, in slices that
 * yield to the browser, and keeps up with text the page adds or rewrites later.
 */
import type { MarkedEntity as Entity } from '../shared/story';
import { blockOf, scopeChecker, skipPast } from './boilerplate';
import { textWalker } from '../shared/dom';
import { debounce } from './debounce';
import { compileMatcher, findMentions } from './mentions';
import { createMarkRenderer, isOwnNode, type MarkRenderer } from './mark-renderer';
import { SLICE_MS, yieldToBrowser } from './yield-to-browser';

/** One marked mention. `range` may be a StaticRange: use {@link liveRange} for geometry. */
export interface Mention {
  range: AbstractRange;
  entity: Entity;
  node: Text;
}

/** A live Range over a mention, for its on-screen boxes. */
export function liveRange(mention: Mention): Range {
  const range = mention.node.ownerDocument.createRange();
  range.setStart(mention.range.startContainer, mention.range.startOffset);
  range.setEnd(mention.range.endContainer, mention.range.endOffset);
  return range;
}

export interface AnnotatorOptions {
  signal: AbortSignal;
  /** Called after each batch of changes with the number of marked mentions (sorting them is left to who needs it). */
  onChange?(count: number): void;
  renderer?: 'highlight' | 'wrap';
  /** Debounce for text the page adds later, in ms. */
  debounceMs?: number;
}

export interface Annotator {
  readonly renderer: MarkRenderer;
  /** Resolves when the work queued so far is done (the first full pass, at the start). */
  idle(): Promise<void>;
  /** All marked mentions in document order (sorted on demand). */
  mentions(): readonly Mention[];
  /** How many mentions are marked. */
  count(): number;
  /** Main-thread time spent in marking slices so far, in ms (for the benchmark). */
  workMs(): number;
  /** The mention whose text contains `node` at `offset`, if any. */
  mentionAt(node: Node, offset: number): Mention | undefined;
  stop(): void;
}

function documentOrder(a: Mention, b: Mention): number {
  if (a.node === b.node) return a.range.startOffset - b.range.startOffset;
  return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Starts annotating `root`; everything it did is undone by `stop()` or by aborting `options.signal`. */
export function startAnnotator(root: Element, entities: Entity[], options: AnnotatorOptions): Annotator {
  const doc = root.ownerDocument;
  const matcher = compileMatcher(entities);
  const renderer = createMarkRenderer(doc, options.renderer);
  const inScope = scopeChecker(root);
  const byNode = new Map<Text, Mention[]>();
  /** Mentions by the text node that holds their words (the same node, or a wrapper's piece of it). */
  const atNode = new Map<Text, Mention[]>();
  /** Subtrees still to read, each with a walker that remembers where it stopped. */
  const walkers: TreeWalker[] = [];
  const texts: Text[] = [];
  let sorted: Mention[] | null = [];
  let count = 0;
  let changedSinceDraw = false;
  let workMs = 0;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const all = (): Mention[] => (sorted ??= [...byNode.values()].flat().sort(documentOrder));

  const forget = (node: Text): void => {
    const old = byNode.get(node);
    if (!old) return;
    renderer.unmark(old.map((m) => m.range));
    for (const m of old) atNode.delete(m.node);
    byNode.delete(node);
    count -= old.length;
    sorted = null;
  };

  // Called for every text node of the article: the cheap tests come first, and the scope check
  // (which walks ancestors) runs only for the few nodes that contain a mention.
  const markText = (text: Text): boolean => {
    const data = text.data;
    if (data.length < 3) return false;
    const found = findMentions(data, matcher);
    if (found.length === 0) return false;
    // A text node that follows one of our wrappers is the tail of a split we made: already searched.
    if (byNode.has(text) || (text.previousSibling && isOwnNode(text.previousSibling))) return false;
    if (!inScope(text.parentElement)) return false;
    const ranges = renderer.mark(text, found);
    // Our own wrappers (fallback renderer) must not come back to us as page changes.
    if (renderer.mode === 'wrap') observer.discardPending();
    const mentions = found.map((m, i) => ({ range: ranges[i]!, entity: m.entity, node: ranges[i]!.startContainer as Text }));
    byNode.set(text, mentions);
    count += mentions.length;
    for (const m of mentions) atNode.set(m.node, [...(atNode.get(m.node) ?? []), m]);
    sorted = null;
    return true;
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

  /** Whether `block`'s text may hold an alias; read once. A block read now and entered at `node`, its first text node, becomes the span. */
  const mayHold = (block: Element, node: Text): boolean => {
    let may = holds.get(block);
    if (may === undefined) {
      if (budget < 0) return true;
      const text = block.textContent!;
      budget -= text.length;
      const found: number[] = [];
      const { loose } = matcher;
      loose.lastIndex = 0;
      for (let m = loose.exec(text); m; m = loose.exec(text)) found.push(m.index, m.index + m[0].length);
      holds.set(block, (may = found.length > 0));
      if (may && textWalker(block).nextNode() === node) [spanAt, spanEnd, spots, spot] = [0, text.length, found, 0];
    }
    return may;
  };

  /**
   * The next text node to search: changed ones first, then the walkers' nodes in document order.
   * A block whose whole text holds no alias at all (most paragraphs) is passed over in one step:
   * one textContent and one search instead of a call per text node; in one that does, only the
   * nodes an alias overlaps are searched.
   */
  const next = (): Text | null => {
    if (texts.length > 0) return texts.pop()!;
    for (; walkers.length > 0; walkers.shift(), spanEnd = 0) {
      const walker = walkers[0]!;
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

  const pending = (): boolean => walkers.length > 0 || texts.length > 0;

  /** Works through the queue in slices of at most SLICE_MS, yielding between them. */
  const drain = async (): Promise<void> => {
    while (pending() && !stopped) {
      const start = performance.now();
      // The page may have changed the text between slices: a span is followed within one slice only.
      spanEnd = 0;
      // Changed text nodes first, then the walkers' nodes; the clock is read every 64 nodes, and a
      // walker resumes where it stopped in the next slice.
      while (performance.now() - start < SLICE_MS) {
        let node: Text | null = null;
        for (let i = 0; i < 64 && (node = next()); i += 1) changedSinceDraw = markText(node) || changedSinceDraw;
        if (!node) break;
      }
      workMs += performance.now() - start;
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
  walkers.push(textWalker(root));
  // Marking starts in a task of its own, so classification and the panel are not one long task with it.
  running = yieldToBrowser().then(drain);

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    renderer.destroy();
    byNode.clear();
    atNode.clear();
    sorted = [];
    count = 0;
  };
  options.signal.addEventListener('abort', stop, { once: true });

  return {
    renderer,
    idle: () => running,
    mentions: all,
    count: () => count,
    workMs: () => workMs,
    mentionAt: (node, offset) => atNode.get(node as Text)?.find((m) => m.range.startOffset <= offset && offset <= m.range.endOffset),
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
