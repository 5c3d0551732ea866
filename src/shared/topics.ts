/** Topic names, the verdict shape every context shares, and how a verdict is put into words. */

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

/** The names the UI uses for each topic. */
export const TOPIC_NAMES: Record<Topic, string> = {
  kaspersky: 'Kaspersky',
  ncsc: 'the UK’s National Cyber Security Centre',
};

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** "This page mentions Kaspersky 7 times and the NCSC twice." — why the panel appeared. */
export function describeMentions(verdict: Pick<Verdict, 'topics' | 'mentions'>): string {
  const parts = verdict.topics.map((t) => `${t === 'ncsc' ? 'the NCSC' : 'Kaspersky'} ${times(verdict.mentions[t])}`);
  if (parts.length === 0) return 'This page is not about this story.';
  return `This page mentions ${parts.join(' and ')}.`;
}
