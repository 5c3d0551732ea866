/**
 * The words a content script shows, looked up once in the background and sent with the page's
 * setup (see useMessages in shared/i18n.ts): the page's main thread then never pays for loading
 * the extension's message file.
 */
import { storyDates } from '../shared/dates';
import { SLOT, t, type MessageKey } from '../shared/i18n';
import { PAGE_UI_KEYS } from '../shared/page-words';
import { story } from '../shared/story';
import { storyKeys, storyMessages } from '../shared/story-messages';

/** One placeholder character per substitution, $1 to $9. */
const SLOTS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(SLOT + 1 + i));

let cached: Record<string, string> | undefined;

/** The content script's messages in the browser's language, as templates, with the story's dates formatted for it. */
export function pageMessages(): Record<string, string> {
  if (cached) return cached;
  const messages: Record<string, string> = {};
  for (const key of [...PAGE_UI_KEYS, ...Object.keys(storyMessages(story))]) messages[key] = t(key as MessageKey, ...SLOTS);
  const dates = storyDates(story.reported);
  messages[storyKeys.month] = dates.month;
  messages[storyKeys.day] = dates.day;
  cached = messages;
  return messages;
}
