/**
 * Every string a person sees comes from src/_locales/<lang>/messages.json through the browser's
 * i18n API: `t('key', ...substitutions)`. The key type comes from the English file, so a missing
 * key is a type error; a unit test also checks every key used in src/ exists and every message
 * is used. Works in every context (content script, popup, options page, background).
 */
import { countKey, groupDigits } from './plural';

export type MessageKey = keyof typeof import('../_locales/en/messages.json');

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

function api(): I18nApi | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/**
 * Where the n-th substitution goes in a message given as a template: U+E001…U+E009, private-use
 * characters that no message contains (a "$1" could be a price in the story's words).
 */
export const SLOT = 0xe000;

/** Messages already looked up for this context, as templates (see {@link useMessages}). */
let given: Map<string, string> | undefined;

/**
 * Answers `t()` from `messages` (key → template with SLOT characters) instead of the browser's
 * API, which falls back for any key not given. The content script gets its messages this way from
 * the background: Chromium loads a page's message file on its first i18n call in the page, a
 * synchronous 3-12 ms stop on the page's main thread.
 */
export function useMessages(messages: Record<string, string>): void {
  given = new Map(Object.entries(messages));
}

/** The message `key` with its $1…$9 placeholders filled; the key itself if the browser has no such message. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const template = given?.get(key);
  if (template !== undefined) return template.replace(/[\ue001-\ue009]/g, (slot) => String(substitutions[slot.charCodeAt(0) - SLOT - 1] ?? ''));
  return api()?.getMessage(key, substitutions.map(String)) || key;
}

/** A message of the story's own words (keys from shared/story-messages.ts, written by the build). */
export function tStory(key: string): string {
  return t(key as MessageKey);
}

/** The browser's UI language ("en-GB"). */
export function uiLanguage(): string {
  return api()?.getUILanguage() || 'en';
}

/**
 * The key of the message the build writes into every messages file with that file's language
 * ("en", "de"): the browser picks the file, so this says which language the extension speaks, which
 * is the browser's only when the extension has it.
 */
export const LANGUAGE_KEY = 'messagesLanguage';

/** The language of the messages the browser gave the extension ("de"; "en" where it has no file for the browser's language). */
export function messagesLanguage(): string {
  const language = t(LANGUAGE_KEY as MessageKey);
  return language === LANGUAGE_KEY || language === '' ? 'en' : language;
}

/**
 * The locale for dates and numbers: the browser's ("de-AT", "en-US") when the extension speaks its
 * language, else the language of the messages, so a date never reads in another language than
 * the sentence around it.
 */
export function formatLocale(): string {
  const ui = uiLanguage();
  const language = messagesLanguage();
  return ui.split(/[-_]/)[0]!.toLowerCase() === language ? ui : language;
}

/** The keys of the two samples of grouped digits a content script is given (see {@link formatCount}). */
export const NUMBER_SAMPLE_KEYS = { thousand: 'numberThousand', tenThousand: 'numberTenThousand' } as const;

/** A count as the reader's language writes it ("1.234" in German); without Intl where the samples were given. */
export function formatCount(n: number): string {
  const thousand = given?.get(NUMBER_SAMPLE_KEYS.thousand);
  const tenThousand = given?.get(NUMBER_SAMPLE_KEYS.tenThousand);
  if (thousand !== undefined && tenThousand !== undefined) return groupDigits(n, thousand, tenThousand);
  try {
    return new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: 0 }).format(n);
  } catch {
    return String(n);
  }
}

/**
 * Count message `key` for `n` (its `_few` or `_one` variant where the language has them, see
 * plural.ts), with `n` formatted as the language writes it and put after `before`: `tCount('timesMany', 7, name)`
 * fills $1 with the name and $2 with "7".
 */
export function tCount(key: MessageKey, n: number, ...before: string[]): string {
  return t(countKey(key, n, messagesLanguage()) as MessageKey, ...before, formatCount(n));
}

/**
 * Fills every element with data-i18n="key" (its text) or data-i18n-aria-label / -title / -alt (that
 * attribute); given a whole document, also says its language on <html lang>.
 */
export function localizePage(root: ParentNode): void {
  if ('documentElement' in root) (root as Document).documentElement.lang = messagesLanguage();
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n], [data-i18n-aria-label], [data-i18n-title], [data-i18n-alt]'))) {
    if (el.dataset.i18n) el.textContent = t(el.dataset.i18n as MessageKey);
    if (el.dataset.i18nAriaLabel) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel as MessageKey));
    if (el.dataset.i18nTitle) el.setAttribute('title', t(el.dataset.i18nTitle as MessageKey));
    if (el.dataset.i18nAlt) el.setAttribute('alt', t(el.dataset.i18nAlt as MessageKey));
  }
}
