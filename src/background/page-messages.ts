/**
 * The words a content script shows, looked up once in the background and sent with the page's
 * setup (see useMessages in shared/i18n.ts): the page's main thread then never pays for loading
 * the extension's message file.
 */
import { storyDates } from '../shared/dates';
import { SLOT, t, type MessageKey } from '../shared/i18n';
import { story } from '../shared/story';
import { storyKeys, storyMessages } from '../shared/story-messages';

/** Every message the content script uses apart from the story's own words (test/unit/background/page-messages.test.ts keeps this list whole). */
export const PAGE_UI_KEYS: readonly MessageKey[] = [
  'brand',
  'panelLabel',
  'panelOld',
  'panelKeyPoints',
  'panelEarlier',
  'panelSource',
  'panelHide',
  'panelShow',
  'panelClose',
  'panelQuotes',
  'panelQuotesAlso',
  'panelSources',
  'panelArrived',
  'mentionCountOne',
  'mentionCountMany',
  'mentionPrevious',
  'mentionPreviousLabel',
  'mentionNext',
  'mentionNextLabel',
  'mentionAnnounce',
  'entityLine',
  'cardFrom',
  // shared/topics.ts: the panel's line on why the page is about the story.
  'topicKaspersky',
  'topicNcsc',
  'timesOnce',
  'timesTwice',
  'timesMany',
  'notAbout',
  'mentionsOne',
  'mentionsTwo',
];

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
