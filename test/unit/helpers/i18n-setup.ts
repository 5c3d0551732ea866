/**
 * Unit tests run outside a browser, so this gives them the browser's i18n API over the real
 * src/_locales/en/messages.json (and the story's words, as the build adds them), with the same $1…$9 and named-placeholder substitution rules.
 * A missing key returns '' as the browsers do. `usePseudoLocale()` wraps every message in ⟦…⟧ so a
 * test can find text on screen that did not come from a message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateStory } from '../../../scripts/lib/validate-story';
import { builtStoryMessages } from '../../../src/shared/story-messages';
import type { StoryTranslation } from '../../../src/shared/story';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(__dirname, '../../..', file), 'utf8'));
/** The English messages as the build writes them: src/_locales plus the story's words. */
const story = validateStory(read('src/story/story.json'));

/** The messages of `language` as the build writes them: its src/_locales file plus the story's words in it. */
export function messagesOf(language: string): Record<string, Entry> {
  const words = language === 'en' ? undefined : (read(`src/story/translations/${language}.json`) as StoryTranslation);
  return {
    ...(read(`src/_locales/${language}/messages.json`) as Record<string, Entry>),
    ...builtStoryMessages(story, words, language),
  } as Record<string, Entry>;
}

/** The English messages as the build writes them. */
export const MESSAGES = messagesOf('en');

/** The messages getMessage answers from: English unless a test picks a language with {@link useLanguage}. */
let current = MESSAGES;
let uiLanguage = 'en-GB';

/** Makes the i18n API answer in `language` (its messages, and it as the browser's language) until called again. */
export function useLanguage(language: string, browserLanguage = language === 'en' ? 'en-GB' : language): void {
  current = language === 'en' ? MESSAGES : messagesOf(language);
  uiLanguage = browserLanguage;
}

let pseudo = false;
export function usePseudoLocale(on: boolean): void {
  pseudo = on;
}

export function getMessage(key: string, substitutions: string[] = []): string {
  const entry = current[key];
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return placeholder ? fill(placeholder[1].content) : whole;
  });
  const out = text.replace(/\$\$/g, '$');
  // The file's language is no word on screen: it decides formats, and an unknown one would change them.
  return pseudo && key !== 'messagesLanguage' ? `⟦${out}⟧` : out;
}

const g = globalThis as unknown as { chrome?: Record<string, unknown> };
g.chrome = { ...(g.chrome ?? {}), i18n: { getMessage, getUILanguage: () => uiLanguage } };
