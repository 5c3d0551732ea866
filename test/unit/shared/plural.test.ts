// @vitest-environment node
// Count messages: which variant a count takes (CLDR's categories for whole numbers, checked against
// Node's Intl.PluralRules, which the content script cannot afford), and digits grouped as each
// language writes them from the two samples the background hands the page.
import { describe, expect, it } from 'vitest';
import { COUNT_RULES, countKey, groupDigits } from '../../../src/shared/plural';

const COUNTS = [0, 1, 2, 3, 4, 5, 11, 12, 14, 15, 21, 22, 24, 25, 100, 101, 102, 111, 112, 121, 1000, 1001, 1022, 10_011];

describe('countKey', () => {
  it.each([
    [1, 'ru', 'timesMany_one'],
    [21, 'ru', 'timesMany_one'],
    [11, 'ru', 'timesMany'],
    [2, 'uk', 'timesMany_few'],
    [24, 'uk', 'timesMany_few'],
    [12, 'uk', 'timesMany'],
    [5, 'ru-RU', 'timesMany'],
    [22, 'de', 'timesMany'],
    [21, 'en', 'timesMany'],
    [2, 'fr', 'timesMany'],
  ])('%i in %s takes %s', (n, language, key) => {
    expect(countKey('timesMany', n, language)).toBe(key);
  });

  it.each(Object.keys(COUNT_RULES))('%s: agrees with CLDR (Intl.PluralRules) on every count', (language) => {
    const cldr = new Intl.PluralRules(language);
    const suffix = { one: '_one', few: '_few', many: '' } as Record<string, string>;
    for (const n of COUNTS) expect(countKey('k', n, language), `${n}`).toBe(`k${suffix[cldr.select(n)]}`);
  });
});

describe('groupDigits', () => {
  it.each(['de', 'fr', 'es', 'ru', 'uk', 'en'])('%s: writes counts as Intl.NumberFormat does', (language) => {
    const format = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    for (const n of [7, 999, 1000, 4321, 12_345, 1_234_567]) {
      expect(groupDigits(n, format.format(1000), format.format(10_000)), `${n}`).toBe(format.format(n));
    }
  });
});
