/**
 * The words a content script shows, looked up once in the background and sent with the page's
 * setup (see useMessages in shared/i18n.ts): the page's main thread then never pays for loading
 * the extension's message file.
 */
import { storyDates } from '../shared/dates';
import { NUMBER_SAMPLE_KEYS, SLOT, formatCount, t, type MessageKey } from '../shared/i18n';
import { PAGE_COUNT_KEYS, PAGE_UI_KEYS } from '../shared/page-words';
import { COUNT_SUFFIXES } from '../shared/plural';
import { story } from '../shared/story';
import { storyKeys, storyMessages } from '../shared/story-messages';

/** One placeholder character per substitution, $1 to $9. */
const SLOTS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(SLOT + 1 + i));

let cached: Record<string, string> | undefined;

/**
 * The content script's messages in the browser's language, as templates: the count messages' `_few`
 * and `_one` variants where the language has them, the story's dates formatted for it, and 1000
 * and 10000 as it writes them (so the page groups a count's digits without Intl: plural.ts).
 */
export function pageMessages(): Record<string, string> {
  if (cached) return cached;
  const messages: Record<string, string> = {};
  for (const key of [...PAGE_UI_KEYS, ...Object.keys(storyMessages(story))]) messages[key] = t(key as MessageKey, ...SLOTS);
  for (const key of PAGE_COUNT_KEYS) {
    for (const suffix of COUNT_SUFFIXES) {
      const variant = t(`${key}${suffix}` as MessageKey, ...SLOTS);
      if (variant !== `${key}${suffix}`) messages[`${key}${suffix}`] = variant;
    }
  }
  messages[NUMBER_SAMPLE_KEYS.thousand] = formatCount(1000);
  messages[NUMBER_SAMPLE_KEYS.tenThousand] = formatCount(10000);
  const dates = storyDates(story.reported);
  messages[storyKeys.month] = dates.month;
  messages[storyKeys.day] = dates.day;
  cached = messages;
  return messages;
}
