/**
 * One run of the extension over one article: classify it and, when it is about the story, show
 * the panel, mark the mentions and explain them. Uses no extension API (full-stage.ts does
 * that), so the unit tests can call it on a jsdom page.
 */
import { ncscIsUk } from '../../shared/detect-topic';
import type { PopupSection } from '../../shared/popup-section';
import { DEFAULT_SETTINGS, startsAsTab, type Settings } from '../../shared/settings';
import { formatCount, tStory } from '../../shared/i18n';
import { tPage } from '../../shared/page-words';
import { storyKeys } from '../../shared/story-messages';
import type { Verdict } from '../../shared/topics';
import { liveRange, startAnnotator, type Annotator, type Mention } from '../marks/annotator';
import { classifyDocument, toPageVerdict, type Classified } from './classify-page';
import { createMentionCard, describeEntity } from '../marks/mention-card';
import { entitiesToMark } from '../marks/mentions';
import { pageStory } from './page-story';
import { mountPanel, type Panel } from '../panel/panel';

export interface PageRun {
  verdict: Verdict;
  /** The element holding the main text, or null for documents that are not HTML pages. */
  root: Element | null;
  panel: Panel | null;
  annotator: Annotator | null;
  stop(): void;
}

export interface PageRunOptions {
  /** The reader's settings (defaults where not given). */
  settings?: Settings;
  /** Classify only: show nothing (the reader turned the site off, or closed the panel on this page). */
  hidden?: boolean;
  /** The reader had seen the story's panel in full before this page: with the "only the first time" setting it starts as the tab. */
  seenBefore?: boolean;
  /** Told when the reader closes the panel. */
  onDismiss?(): void;
  /** Told once when the reader has seen the panel in full (content/panel/seen-watch.ts). */
  onSeen?(): void;
  /** What the panel's "Key quotes" and "Sources" buttons do (the full stage asks the background to open the popup there). */
  onOpenPopup?(section: PopupSection): void;
  /** What classifyDocument found of this document already (the full stage classifies while its setup is on its way). */
  classified?: Classified;
}

/** Runs the extension over `doc` as it is now. */
export function runPage(doc: Document, url: string, options: PageRunOptions = {}): PageRun {
  const controller = new AbortController();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const classified = options.classified ?? classifyDocument(doc, url);
  const root = classified.root;
  // Topics the reader switched off do not count: the page is relevant only for the others.
  const topics = classified.verdict.topics.filter((topic) => settings.topics[topic]);
  const verdict: Verdict = { ...classified.verdict, topics, relevant: topics.length > 0 };
  if (!verdict.relevant || !root || options.hidden) return { verdict, root, panel: null, annotator: null, stop: () => controller.abort() };

  // The background gives these in the reader's language (see useMessages); English otherwise.
  const dates = { month: tStory(storyKeys.month), day: tStory(storyKeys.day) };
  let index = -1;
  const panel = mountPanel(doc, toPageVerdict(verdict), {
    onStep: (direction) => step(direction),
    onOpenPopup: options.onOpenPopup,
    // Closing the panel takes the marks and cards with it: the reader asked for the page back.
    onDismiss: () => {
      controller.abort();
      options.onDismiss?.();
    },
    onSeen: options.onSeen,
    collapsed: startsAsTab(settings.panel, options.seenBefore ?? false),
    article: root,
    dates,
  });
  // With highlights switched off there are no marks, no cards and nothing to step through.
  const annotator = settings.highlights
    ? startAnnotator(root, entitiesToMark(pageStory.entities, verdict.topics, ncscIsUk(verdict)), {
        signal: controller.signal,
        onChange: (count) => panel.setMentionCount(count),
        // What the detector read serves the marks: which scripts to search for, and the paragraphs' text.
        pageText: classified.text,
        blockTexts: classified.blockTexts,
      })
    : null;
  const card = annotator && createMentionCard(doc, annotator.mentionAt, controller.signal, dates.month);

  /** Moves to the next or previous mention: scrolls to it, outlines it and announces its card. */
  function step(direction: 1 | -1): void {
    const mentions = annotator?.mentions() ?? [];
    if (!annotator || !card || mentions.length === 0) return;
    const n = mentions.length;
    // Before the first step, Next goes to the first mention and Previous to the last.
    index = index < 0 ? (direction === 1 ? 0 : n - 1) : (((index + direction) % n) + n) % n;
    const mention = mentions[index]!;
    scrollToMention(doc, mention);
    annotator.renderer.setCurrent(mention);
    card.show(mention);
    panel.announce(tPage('mentionAnnounce', formatCount(index + 1), formatCount(mentions.length), describeEntity(mention.entity)));
  }

  return {
    verdict,
    root,
    panel,
    annotator,
    stop() {
      controller.abort();
      panel.destroy();
    },
  };
}

/**
 * Scrolls `mention` to the middle of the window: its paragraph first (which also scrolls any box
 * the paragraph sits in), then, where the paragraph is taller than the window (one 10 MB text
 * node is a paragraph of a few hundred thousand lines), the mention itself.
 */
function scrollToMention(doc: Document, mention: Mention): void {
  mention.node.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
  const view = doc.defaultView!;
  const rect = liveRange(mention).getBoundingClientRect();
  if (rect.bottom < 0 || rect.top > view.innerHeight) view.scrollBy({ top: rect.top - view.innerHeight / 2 });
}
