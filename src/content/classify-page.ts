/** Classifies the current document: the first look, then the bounded sample and the shared detector. */
import { mayBeAbout } from '../shared/candidate';
import { detectTopic, LIMITS } from '../shared/detect-topic';
import type { PageVerdict } from '../shared/messages';
import type { Verdict } from '../shared/topics';
import { isHtmlPage, mayBeAboutPage } from './first-look';
import { findMainRoot, readSample, scanLandmarks, textReader } from './read-page';

/** How much main text the detector reads before deciding whether to read up to LIMITS.text. */
const GLANCE_CHARS = 5_000;

/** Only HTML documents with a body get a panel; SVG, XML and plain-text views are left alone. */
export function canAnnotate(doc: Document): boolean {
  return doc.documentElement?.namespaceURI === 'http://www.w3.org/1999/xhtml' && isHtmlPage(doc);
}

/** The verdict for a page about neither topic (also what the content script says before its first run). */
export const neither = (): Verdict => ({ topics: [], relevant: false, confidence: 1, mentions: { kaspersky: 0, ncsc: 0 }, evidence: [] });

/** The verdict for `doc` and the element holding its main text (null for documents that are not HTML pages). */
export function classifyDocument(doc: Document, url: string): { verdict: Verdict; root: Element | null } {
  if (!canAnnotate(doc)) return { verdict: neither(), root: null };
  // One bounded scan serves both the main-text search and the headline lookup.
  const landmarks = scanLandmarks(doc);
  const root = findMainRoot(doc, landmarks);
  // The first stage's test comes first: what it dismisses is never relevant, here or there.
  if (!mayBeAboutPage(doc, url)) return { verdict: neither(), root };
  // The glance and the full read share one reader: the second read goes on where the first stopped.
  const reader = root && textReader(root);
  const glance = readSample(doc, root, url, landmarks, GLANCE_CHARS, reader);
  if (!mayBeAbout([glance.url, glance.title, ...glance.meta, ...glance.headings, glance.text])) return { verdict: neither(), root };
  return { verdict: detectTopic(glance.text.length < GLANCE_CHARS ? glance : readSample(doc, root, url, landmarks, LIMITS.text, reader)), root };
}

/** The verdict for `doc`, or "neither" when the document is not an HTML page. */
export function classifyPage(doc: Document, url: string): Verdict {
  return classifyDocument(doc, url).verdict;
}

/** The part of a verdict that is sent to other contexts. */
export function toPageVerdict(verdict: Verdict): PageVerdict {
  return { topics: verdict.topics, mentions: verdict.mentions, confidence: verdict.confidence };
}
