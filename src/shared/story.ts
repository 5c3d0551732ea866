/**
 * The bundled story: its types and the data every context imports. The build checks the data
 * (scripts/lib/validate-story.ts) and every statement's evidence, the article's sentences behind
 * it (scripts/lib/story-evidence.ts), before anything ships.
 */
import rawStory from '../story/story.json';

/**
 * Where the story departs from the article's wording on purpose (the article is wrong or loose):
 * the story says `ours` where the article says `article`, for the reason `why`.
 */
export interface Note {
  ours: string;
  article: string;
  why: string;
}

/** What backs a statement: sentences of the source article, verbatim, and the ids of the notes on it. */
export interface Backing {
  evidence: string[];
  notes?: string[];
}

/** One of the story's own sentences, with its backing. */
export interface Statement extends Backing {
  text: string;
}

/**
 * A quote from the article: its exact words, or the article's account of what was said. Its
 * backing is for the line around it (who, in what role, where).
 */
export interface Quote extends Backing {
  id: string;
  text: string;
  speaker: string;
  speakerRole: string;
  /** "direct": the article quotes these words; "reported": the article paraphrases the speaker. */
  kind: 'direct' | 'reported';
  source: string;
  /** ISO date (YYYY-MM-DD) on which the article reported it. */
  date: string;
}

/** A person or organisation with a part in the story; its backing is for its name and part. */
export interface Entity extends Backing {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
  aliases: string[];
  part: string;
}

/** What the full stage knows of an entity: enough to find and name its mentions (its words are messages). */
export type MarkedEntity = Pick<Entity, 'id' | 'aliases'>;

/** The whole story as the extension ships it. */
export interface Story {
  id: string;
  headline: Statement;
  /** ISO date (YYYY-MM-DD) of the article's report; `source` holds its evidence. */
  reported: string;
  /** What the article cites (shown in the popup's sources); its evidence also backs `reported`. */
  source: Statement;
  summary: Statement[];
  /** Its evidence also backs the year. */
  earlier: Statement & { year: number };
  keyPoints: Statement[];
  entities: Entity[];
  quotes: Quote[];
  /** The notes statements refer to, by id. */
  notes: Record<string, Note>;
}

/** The story bundled with the extension (checked at build time: scripts/lib/validate-story.ts). */
export const story: Story = rawStory as Story;

/**
 * The story's words in another language (src/story/translations/<lang>.json; the build checks it,
 * see scripts/lib/story-translation.ts). Quotes keep the article's English words: a quote's
 * `translation` is shown beside them. `facts` lists, for each fact of the English statements
 * ("n:2017", "name:Kaspersky"), the ways the translation writes it.
 */
export interface StoryTranslation {
  headline: string;
  source: string;
  summary: string[];
  keyPoints: string[];
  earlier: string;
  entities: Record<string, { name: string; part: string }>;
  quotes: Record<string, { translation: string; speakerRole: string; source: string }>;
  notes: Record<string, string>;
  facts: Record<string, string[]>;
}
