/** Topic names, the verdict shape every context shares, and how a verdict is put into words. */
import { tPage, tPageCount } from './page-words';

/** The two subjects that make a page relevant to the story. */
export type Topic = 'kaspersky' | 'ncsc';

/** Every topic, in the order the UI lists them. */
export const TOPICS: readonly Topic[] = ['kaspersky', 'ncsc'];

/** Where on a page a term was found. */
export type Place = 'url' | 'title' | 'heading' | 'meta' | 'lead' | 'body';

/** One piece of evidence: a term, where it was found and how often. */
export interface Evidence {
  topic: Topic;
  term: string;
  place: Place;
  count: number;
}

/** The detector's decision about one page. */
export interface Verdict {
  /** Topics the page is about; empty when it is about neither. */
  topics: Topic[];
  relevant: boolean;
  /** 0–1: how sure the detector is of the topics it reports (or of "neither"). */
  confidence: number;
  /** Mentions of each topic in the page's title and main text. */
  mentions: Record<Topic, number>;
  evidence: Evidence[];
}

/** The verdict for a page about neither topic: what a dismissed page, a page that is not HTML and a page not yet read are given. */
export function neither(): Verdict {
  return { topics: [], relevant: false, confidence: 1, mentions: { kaspersky: 0, ncsc: 0 }, evidence: [] };
}

/** The story's dates as the reader's language writes them: "December 2017", "5 December 2017". */
export interface StoryDates {
  month: string;
  day: string;
}

/** The short name of each topic inside a sentence ("Kaspersky", "the NCSC"). */
export function topicName(topic: Topic): string {
  return topic === 'ncsc' ? tPage('topicNcsc') : tPage('topicKaspersky');
}

function times(topic: Topic, n: number): string {
  const name = topicName(topic);
  return n === 1 ? tPage('timesOnce', name) : n === 2 ? tPage('timesTwice', name) : tPageCount('timesMany', n, name);
}

/** "This page mentions Kaspersky 7 times and the NCSC twice." — why the panel appeared. */
export function describeMentions(verdict: Pick<Verdict, 'topics' | 'mentions'>): string {
  const parts = verdict.topics.map((topic) => times(topic, verdict.mentions[topic]));
  if (parts.length === 0) return tPage('notAbout');
  return parts.length === 1 ? tPage('mentionsOne', parts[0]!) : tPage('mentionsTwo', parts[0]!, parts[1]!);
}
