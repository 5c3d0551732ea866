/**
 * Marks every mention of the story's people and organisations in the main text, in slices that
 * yield to the browser, and keeps up with text the page adds or rewrites later. Every mention is
 * counted; the first MAX_DRAWN outside long text nodes are marked. The parts: which text node to
 * search next (text-queue.ts), long nodes a chunk at a time (chunked-search.ts), the books of what was
 * found (mention-ledger.ts), the slices (run-in-slices.ts) and the page's changes (watch-changes.ts).
 */
import type { MarkedEntity as Entity } from '../../shared/story';
import { scopeChecker } from '../full-stage/boilerplate';
import { isLong } from '../full-stage/long-text';
import { chunkedSearch, type ChunkedSearch } from './chunked-search';
import { createMarkRenderer, type MarkRenderer, type TextSpot } from './mark-renderer';
import { mentionLedger, type Mention } from './mention-ledger';
import { compileMatcher, findMentions, type MentionMatcher } from './mentions';
import { runInSlices } from './run-in-slices';
import { textQueue, type TextQueue } from './text-queue';
import { watchChanges } from './watch-changes';
import { yieldToBrowser } from './yield-to-browser';

export type { Mention } from './mention-ledger';

/**
 * How many mentions are marked at most; those past them are counted, not marked. Far more than a
 * reader steps through, and few enough for every browser to draw: each mark costs the page in
 * every frame (Chromium 156: 230 ms a frame with 100,000 marks), and Firefox 153 takes about
 * 10 µs to add one to a highlight.
 *
 * Mentions in a long text node (full-stage/long-text.ts) are counted and never marked: Chromium 156 spends
 * 80–250 ms on every frame that shows the far end of a 10 MB text node holding even one
 * highlight (none at 1 MB), and 60 ms finding the box of a range there.
 */
export const MAX_DRAWN = 1_000;

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
  /** Debounce for text the page adds later, in ms. */
  debounceMs?: number;
  /**
   * Text already read from the page (the detector's sample): aliases written in a script it holds
   * no letter of are not searched for (see compileMatcher). Without it, every alias is.
   */
  pageText?: string;
  /** Blocks' text already read from the page (by the detector's reader), so the search need not read them again; taken as used. */
  blockTexts?: Map<Element, string>;
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

/** Starts annotating `root`; everything it did is undone by `stop()` or by aborting `options.signal`. */
export function startAnnotator(root: Element, entities: Entity[], options: AnnotatorOptions): Annotator {
  const renderer = createMarkRenderer();
  const inScope = scopeChecker(root);
  const ledger = mentionLedger(renderer, MAX_DRAWN);
  /** The matcher and what uses it, made in the first slice, not in the task that shows the panel. */
  let search: { matcher: MentionMatcher; queue: TextQueue; long: ChunkedSearch } | null = null;
  const searching = (): NonNullable<typeof search> => {
    if (search) return search;
    const matcher = compileMatcher(entities, options.pageText);
    search = { matcher, queue: textQueue(root, matcher, options.blockTexts), long: chunkedSearch(matcher, ledger.tally) };
    return search;
  };
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  /** Whether `text` is article text not searched yet. */
  const isNew = (text: Text): boolean => !ledger.has(text) && inScope(text.parentElement);

  /**
   * Searches `text`, one of the article's text nodes, and records its mentions; returns how many
   * it found. The cheap tests come first, and the scope check (which walks ancestors) runs only
   * for the few nodes that contain a mention. A long node is only set aside here, to be searched
   * a chunk at a time.
   */
  const searchText = (text: Text, inOrder: boolean): number => {
    if (text.length < 3) return 0;
    const { matcher, long } = searching();
    if (isLong(text)) {
      if (isNew(text)) long.start(text);
      return 0;
    }
    const found = findMentions(text.data, matcher);
    if (found.length === 0 || !isNew(text)) return 0;
    ledger.record(text, found, inOrder);
    return found.length;
  };

  /** Works through the queue in slices: a chunk of the long node being searched, else the next text node. */
  const drain = async (): Promise<void> => {
    const { queue, long } = searching();
    await runInSlices({
      step: () => {
        if (long.active()) return 64 + long.step();
        const node = queue.next();
        return node ? 1 + searchText(node, queue.inOrder()) : 0;
      },
      pending: () => long.active() || queue.pending(),
      stopped: () => stopped,
      // The page may have changed the text between slices: a span is followed within one slice only.
      onSlice: queue.leaveSpan,
      onDone: () => {
        // Draw what was found when the pass ends, not as it goes: Chromium repaints the whole page
        // for any change to a highlight (about 40 ms on a 10 MB page, whatever the number of
        // marks), and each change of the panel's count restyles and lays out the panel.
        renderer.flush();
        if (ledger.takeChanged()) options.onChange?.(ledger.count());
      },
    });
  };

  /** Queues what the page added or rewrote under `root`; a rewritten text node loses its old mentions. */
  const enqueue = (nodes: Node[]): void => {
    const { queue, long } = searching();
    for (const node of nodes) {
      if (!node.isConnected || !root.contains(node)) continue;
      if (node.nodeType === Node.TEXT_NODE) {
        ledger.forget(node as Text);
        long.drop(node as Text);
        queue.addText(node as Text);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        queue.addSubtree(node as Element);
      }
    }
    running = running.then(drain);
  };

  const observer = watchChanges(root, options.debounceMs ?? 250, (changedNodes) => {
    ledger.forgetRemoved();
    enqueue(changedNodes);
    options.onChange?.(ledger.count());
  });
  // Marking starts in a task of its own, so classification and the panel are not one long task with it.
  running = yieldToBrowser().then(drain);

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    renderer.destroy();
    ledger.clear();
  };
  options.signal.addEventListener('abort', stop, { once: true });

  return {
    renderer,
    idle: () => running,
    mentions: ledger.marked,
    count: ledger.count,
    mentionAt: ledger.at,
    stop,
  };
}
