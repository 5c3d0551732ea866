/**
 * The story's own words (headline, summary, key points, the earlier events, who each person or
 * organisation is) reach the reader as messages, like every other string: the build writes them
 * from src/story/story.json into _locales/en/messages.json, where a translation can replace them.
 * The quotes and the evidence are the article's words and stay as they are in story.json.
 */
import type { Story } from './story';

/** An entity's message key: its id with anything but letters and digits as "_". */
const entityKey = (id: string, what: 'name' | 'part') => `entity_${id.replace(/[^A-Za-z0-9]/g, '_')}_${what}`;

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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Messages = Record<string, { message: string; description: string }>;

/** The messages for `story`'s words, in the messages.json format. */
export function storyMessages(story: Story): Messages {
  const out: Messages = {};
  const add = (key: string, message: string, description: string) => {
    // A "$" would start a placeholder in messages.json: write it as "$$".
    out[key] = { message: message.replace(/\$/g, '$$$$'), description };
  };
  add(storyKeys.headline, story.headline.text, 'The story’s headline (our words, from story.json).');
  add(storySourceKey, story.source.text, 'What the article cites, in the popup’s sources.');
  // Where the background cannot give the dates in the browser's own format (it formats them with Intl).
  const [year, month, day] = story.reported.split('-').map(Number) as [number, number, number];
  const monthName = MONTHS[month - 1]!;
  add(storyKeys.month, `${monthName} ${year}`, 'The month of the story, when the browser cannot format it.');
  add(storyKeys.day, `${day} ${monthName} ${year}`, 'The day of the story, when the browser cannot format it.');
  for (const [i, s] of story.summary.entries()) add(storyKeys.summary(i), s.text, `Summary sentence ${i + 1} of the story.`);
  for (const [i, p] of story.keyPoints.entries()) add(storyKeys.point(i), p.text, `Key point ${i + 1} of the story.`);
  add(storyKeys.earlier, story.earlier.text, 'What happened earlier, before the story.');
  for (const e of story.entities) {
    add(storyKeys.entityName(e.id), e.name, `Name of a ${e.kind} in the story, as the card shows it.`);
    add(storyKeys.entityPart(e.id), e.part, `The part ${e.name} plays in the story.`);
  }
  return out;
}
