/** Classifies the current document: reads its bounded sample and runs the shared detector. */
import { detectTopic } from '../shared/detect-topic';
import type { PageVerdict } from '../shared/messages';
import type { Verdict } from '../shared/topics';
import { findMainRoot, readSample } from './read-page';

/** Only HTML documents with a body get a panel; SVG, XML and plain-text views are left alone. */
export function canAnnotate(doc: Document): boolean {
  return doc.documentElement?.namespaceURI === 'http://www.w3.org/1999/xhtml' && doc.body !== null && doc.contentType === 'text/html';
}

const NEITHER: Verdict = { topics: [], relevant: false, confidence: 1, mentions: { kaspersky: 0, ncsc: 0 }, evidence: [] };

/** The verdict for `doc` and the element holding its main text (null for documents that are not HTML pages). */
export function classifyDocument(doc: Document, url: string): { verdict: Verdict; root: Element | null } {
  if (!canAnnotate(doc)) return { verdict: NEITHER, root: null };
  const root = findMainRoot(doc);
  return { verdict: detectTopic(readSample(doc, root, url)), root };
}

/** The verdict for `doc`, or "neither" when the document is not an HTML page. */
export function classifyPage(doc: Document, url: string): Verdict {
  return classifyDocument(doc, url).verdict;
}

/** The part of a verdict that is sent to other contexts. */
export function toPageVerdict(verdict: Verdict): PageVerdict {
  return { topics: verdict.topics, mentions: verdict.mentions, confidence: verdict.confidence };
}
