/**
 * The story's own words (headline, summary, key points, the earlier events, who each person or
 * organisation is) reach the reader as messages, like every other string: the build writes them
 * from src/story/story.json into _locales/en/messages.json, and from each
 * src/story/translations/<lang>.json into that language's file. The quotes and the evidence are
 * the article's words and stay English as they are in story.json; what is said around a quote (the
 * speaker's role, where it was said) and its translation are messages too ({@link quoteMessages}).
 */
import { LANGUAGE_KEY } from './i18n';
import type { Story, StoryTranslation } from './story';

/** An entity's message key: its id with anything but letters and digits as "_". */
const safe = (id: string) => id.replace(/[^A-Za-z0-9]/g, '_');
const entityKey = (id: string, what: 'name' | 'part') => `entity_${safe(id)}_${what}`;

export const storyKeys = {
  headline: 'storyHeadline',
  month: 'storyMonth',
  day: 'storyDay',
  earlier: 'storyEarlier',
  summary: (i: number) => `storySummary${i + 1}`,
  point: (i: number) => `storyPoint${i + 1}`,
  entityName: (id: string) => entityKey(id, 'name'),
  entityPart: (id: string) => entityKey(id, 'part'),
};

/**
 * The key of the story's source line (what the article cites), which only the popup shows: kept out
 * of storyKeys, whose every entry is bundled into the full stage.
 */
export const storySourceKey = 'storySource';

/**
 * The keys of the words around a quote, which only the popup shows: the quote's translation (in the
 * English file the quote's own words, so the popup shows no translation there), the speaker's role
 * and where it was said; and of each note's reason.
 */
export const quoteKeys = {
  translation: (id: string) => `quote_${safe(id)}_translation`,
  speakerRole: (id: string) => `quote_${safe(id)}_role`,
  source: (id: string) => `quote_${safe(id)}_source`,
  note: (id: string) => `note_${safe(id)}_why`,
};

/** The story's words in English, in the shape of a translation (facts are not needed for the original). */
export function englishWords(story: Story): StoryTranslation {
  return {
    headline: story.headline.text,
    source: story.source.text,
    summary: story.summary.map((s) => s.text),
    keyPoints: story.keyPoints.map((p) => p.text),
    earlier: story.earlier.text,
    entities: Object.fromEntries(story.entities.map((e) => [e.id, { name: e.name, part: e.part }])),
    quotes: Object.fromEntries(story.quotes.map((q) => [q.id, { translation: q.text, speakerRole: q.speakerRole, source: q.source }])),
    notes: Object.fromEntries(Object.entries(story.notes).map(([id, n]) => [id, n.why])),
    facts: {},
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Messages = Record<string, { message: string; description: string }>;

/** A messages.json entry for `message` (a "$" would start a placeholder there: it is written "$$"). */
const entry = (message: string, description: string) => ({ message: message.replace(/\$/g, '$$$$'), description });

/** The story's month and day in `language`, where the background cannot format them (it formats them with Intl). */
function storyDateWords(reported: string, language: string): { month: string; day: string } {
  const [year, month, day] = reported.split('-').map(Number) as [number, number, number];
  if (language === 'en') return { month: `${MONTHS[month - 1]} ${year}`, day: `${day} ${MONTHS[month - 1]} ${year}` };
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(date);
  return { month: format({ month: 'long', year: 'numeric' }), day: format({ day: 'numeric', month: 'long', year: 'numeric' }) };
}

/**
 * The messages for `story`'s words that any context shows, in the messages.json format: in English,
 * or in `language` from its translation `words`; with the file's language under LANGUAGE_KEY.
 */
export function storyMessages(story: Story, words = englishWords(story), language = 'en'): Messages {
  const out: Messages = {};
  const add = (key: string, message: string, description: string) => {
    out[key] = entry(message, description);
  };
  add(LANGUAGE_KEY, language, 'The language of this file (written by the build).');
  add(storyKeys.headline, words.headline, 'The story’s headline (our words, from story.json).');
  add(storySourceKey, words.source, 'What the article cites, in the popup’s sources.');
  const dates = storyDateWords(story.reported, language);
  add(storyKeys.month, dates.month, 'The month of the story, when the browser cannot format it.');
  add(storyKeys.day, dates.day, 'The day of the story, when the browser cannot format it.');
  for (const [i, text] of words.summary.entries()) add(storyKeys.summary(i), text, `Summary sentence ${i + 1} of the story.`);
  for (const [i, text] of words.keyPoints.entries()) add(storyKeys.point(i), text, `Key point ${i + 1} of the story.`);
  add(storyKeys.earlier, words.earlier, 'What happened earlier, before the story.');
  for (const e of story.entities) {
    add(storyKeys.entityName(e.id), words.entities[e.id]!.name, `Name of a ${e.kind} in the story, as the card shows it.`);
    add(storyKeys.entityPart(e.id), words.entities[e.id]!.part, `The part ${e.name} plays in the story.`);
  }
  return out;
}

/** The messages for the words around the story's quotes and its notes (the popup's, see {@link quoteKeys}). */
export function quoteMessages(story: Story, words = englishWords(story)): Messages {
  const out: Messages = {};
  for (const q of story.quotes) {
    const { translation, speakerRole, source } = words.quotes[q.id]!;
    out[quoteKeys.translation(q.id)] = entry(translation, `The quote ${q.id} in this language (the English file has its own words).`);
    out[quoteKeys.speakerRole(q.id)] = entry(speakerRole, `The role of ${q.speaker}, who said ${q.id}.`);
    out[quoteKeys.source(q.id)] = entry(source, `Where ${q.id} was said.`);
  }
  for (const id of Object.keys(story.notes)) out[quoteKeys.note(id)] = entry(words.notes[id]!, `Why the story departs from the article (${id}).`);
  return out;
}

/**
 * Every message of the story's words a language's file gets from the build ({@link storyMessages}
 * and {@link quoteMessages}): what scripts/lib/build-extension.ts writes, and what the unit tests'
 * i18n stand-in answers from.
 */
export function builtStoryMessages(story: Story, words = englishWords(story), language = 'en'): Messages {
  return { ...storyMessages(story, words, language), ...quoteMessages(story, words) };
}
