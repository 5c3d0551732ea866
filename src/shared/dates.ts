/**
 * Dates in the extension's language (the browser's regional form of it, see formatLocale), through Intl (extension pages and the background only: the first
 * Intl.DateTimeFormat in a web page costs it 30-50 ms, so the full stage gets these strings
 * from the background and falls back to the English storyMonth and storyDay messages).
 */
import { formatLocale } from './i18n';
import type { StoryDates } from './topics';

function format(iso: string, options: Intl.DateTimeFormatOptions, locale: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(date);
  }
}

/** "5 December 2017" (en-GB), "December 5, 2017" (en-US), "5. Dezember 2017" (de). */
export function localDay(iso: string, locale = formatLocale()): string {
  return format(iso, { day: 'numeric', month: 'long', year: 'numeric' }, locale);
}

/** "December 2017". */
export function localMonth(iso: string, locale = formatLocale()): string {
  return format(iso, { month: 'long', year: 'numeric' }, locale);
}

/** The story's dates for the panel and card. */
export function storyDates(reported: string, locale = formatLocale()): StoryDates {
  return { month: localMonth(reported, locale), day: localDay(reported, locale) };
}
