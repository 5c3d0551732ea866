/**
 * Every string a person sees comes from src/_locales/<lang>/messages.json through the browser's
 * i18n API: `t('key', ...substitutions)`. The key type comes from the English file, so a missing
 * key is a type error; a unit test also checks every key used in src/ exists and every message
 * is used. Works in every context (content script, popup, options page, background).
 */
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

/** The browser's UI language ("en-GB"), for formatting dates and numbers. */
export function uiLanguage(): string {
  return api()?.getUILanguage() || 'en';
}

/** Fills every element with data-i18n="key" (its text) or data-i18n-aria-label / -title / -alt (that attribute). */
export function localizePage(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n], [data-i18n-aria-label], [data-i18n-title], [data-i18n-alt]'))) {
    if (el.dataset.i18n) el.textContent = t(el.dataset.i18n as MessageKey);
    if (el.dataset.i18nAriaLabel) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel as MessageKey));
    if (el.dataset.i18nTitle) el.setAttribute('title', t(el.dataset.i18nTitle as MessageKey));
    if (el.dataset.i18nAlt) el.setAttribute('alt', t(el.dataset.i18nAlt as MessageKey));
  }
}
