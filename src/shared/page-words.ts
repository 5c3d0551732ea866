/**
 * The words the full stage shows, apart from the story's own: the one list of their keys. The
 * background looks exactly these up and hands them to the page with its setup (see
 * background/page-messages.ts and useMessages in i18n.ts), and the full stage says them only
 * through {@link tPage}, whose key type is this list: a word the page needs and the list lacks is
 * a compile error. biome.json keeps src/content/ and src/shared/ (which the full stage may import)
 * from importing the unrestricted `t`.
 */
import { t, tCount, type MessageKey } from './i18n';

export const PAGE_UI_KEYS = [
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
  'topicKaspersky',
  'topicNcsc',
  'timesOnce',
  'timesTwice',
  'timesMany',
  'notAbout',
  'mentionsOne',
  'mentionsTwo',
] as const satisfies readonly MessageKey[];

/** A key of a word the full stage shows. */
export type PageKey = (typeof PAGE_UI_KEYS)[number];

/** `t()` for the full stage: only the keys the background hands the page type-check. */
export const tPage: (key: PageKey, ...substitutions: (string | number)[]) => string = t;

/** The count messages the full stage shows: the background also hands the page their `_few` and `_one` variants (plural.ts). */
export const PAGE_COUNT_KEYS = ['mentionCountMany', 'timesMany'] as const satisfies readonly PageKey[];

/** `tCount()` for the full stage: a count message (see {@link PAGE_COUNT_KEYS}) for `n`, after the other substitutions. */
export const tPageCount: (key: (typeof PAGE_COUNT_KEYS)[number], n: number, ...before: string[]) => string = tCount;
