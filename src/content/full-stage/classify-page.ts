/** Classifies the current document: the first look, then the bounded sample and the shared detector. */
import { mayBeAbout } from '../candidate';
import { detectTopic, LIMITS } from '../../shared/detect-topic';
import type { PageVerdict } from '../../shared/messages';
import { readHead, urlWords } from '../../shared/page-head';
import { neither, type Verdict } from '../../shared/topics';
import { isHtmlPage, readFirstLook } from '../first-look';
import { findMainRoot, readSample, scanLandmarks, textReader } from './read-page';

/** How much main text the detector reads before deciding whether to read up to LIMITS.text. */
const GLANCE_CHARS = 5_000;

/** Only HTML documents with a body get a panel; SVG, XML and plain-text views are left alone. */
export function canAnnotate(doc: Document): boolean {
  return doc.documentElement?.namespaceURI === 'http://www.w3.org/1999/xhtml' && isHtmlPage(doc);
}

/** What classifying a page found, and what it read on the way (for the marks: the page is read once). */
export interface Classified {
  verdict: Verdict;
  /** The element holding the main text (null for documents that are not HTML pages). */
  root: Element | null;
  /** The detector's sample as one string (title, meta tags, headings, main text), or '' when none was read. */
  text: string;
  /** The main text's paragraphs that were read whole, with their text. */
  blockTexts: Map<Element, string>;
}

export interface ClassifyOptions {
  /**
   * The first stage took its first look at this document and passed it (its state says so), so
   * the first look is not read again: what it dismisses is still never relevant. Only for the
   * full stage's first run; a later run (a new address, new settings) reads the first look itself.
   */
  firstLookPassed?: boolean;
}

/** The verdict for `doc`, the element holding its main text, and what was read of it. */
export function classifyDocument(doc: Document, url: string, options: ClassifyOptions = {}): Classified {
  const blockTexts = new Map<Element, string>();
  const none = (root: Element | null): Classified => ({ verdict: neither(), root, text: '', blockTexts });
  if (!canAnnotate(doc)) return none(null);
  // One bounded scan serves both the main-text search and the headline lookup.
  const landmarks = scanLandmarks(doc);
  const root = findMainRoot(doc, landmarks);
  // The <head> is read once, for the first look and the sample alike.
  const head = readHead(doc);
  // The first stage's test comes first: what it dismisses is never relevant, here or there.
  if (!options.firstLookPassed && !mayBeAbout(readFirstLook(doc, url, head))) return none(root);
  // The glance and the full read share one reader: the second read goes on where the first stopped.
  const reader = root && textReader(root, blockTexts);
  const glance = readSample(root, url, head, landmarks, GLANCE_CHARS, reader);
  // Named only outside the glance (in a menu, an aside, or further down than GLANCE_CHARS of the
  // main text): not about either topic, and the rest of the page is not read.
  if (!mayBeAbout([urlWords(url), head.title, ...head.meta, ...glance.headings, glance.text])) return none(root);
  const sample = glance.text.length < GLANCE_CHARS ? glance : readSample(root, url, head, landmarks, LIMITS.text, reader);
  return { verdict: detectTopic(sample), root, text: [head.title, ...head.meta, ...sample.headings, sample.text].join('\n'), blockTexts };
}

/** The verdict for `doc`, or "neither" when the document is not an HTML page. */
export function classifyPage(doc: Document, url: string): Verdict {
  return classifyDocument(doc, url).verdict;
}

/** The part of a verdict that is sent to other contexts. */
export function toPageVerdict(verdict: Verdict): PageVerdict {
  return { topics: verdict.topics, mentions: verdict.mentions, confidence: verdict.confidence };
}
