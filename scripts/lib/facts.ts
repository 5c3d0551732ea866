/**
 * The checkable facts of a sentence: its numbers, dates and names. The evidence check
 * (story-evidence.ts) asks that every fact of a statement in story.json appear in the article
 * sentences behind it. Plain code and a few word lists, so each rule has a row in
 * test/unit/scripts/facts.test.ts.
 */

/**
 * One fact. `key` is what is compared: "n:2017" (a number or a year), "month:12", "day:12-05"
 * (a day of a month), "name:Kaspersky". `text` and `index` say where the sentence has it; a date
 * gives one fact for each of its parts, all with the date's text.
 */
export interface Fact {
  kind: 'number' | 'date' | 'name';
  key: string;
  text: string;
  index: number;
  /** A capitalised word at the start of a sentence (or after a colon): compared without case. */
  initial?: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Number words. "one" is left out: it is more often a pronoun ("one of the companies") than a count. */
const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

/**
 * Words that often start a sentence and are no name there. Any other capitalised word at the start
 * of a sentence counts as a name that the evidence must have in some case ("Head" needs "head").
 */
const COMMON = new Set(
  `a about after again against all also although an and another any are as at because been before
being both but by can could despite did do does during each earlier either even every few for from had has have he her
here his how however i if in into is it its later many may might more most much my neither no nor not now of on once only
or other our over she should since so some still such than that the their then there these they this those though through
to under until up was we were what when where whether which while who whose why will with within without would yet you`.split(/\s+/),
);

const pad = (n: number) => String(n).padStart(2, '0');
const monthDay = (month: number, day: number) => `day:${pad(month)}-${pad(day)}`;

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A finder over one sentence: each rule takes its matches out (as spaces), so later rules do not see them. */
class Finder {
  readonly facts: Fact[] = [];
  rest: string;
  constructor(readonly sentence: string) {
    this.rest = sentence;
  }
  take(kind: Fact['kind'], pattern: RegExp, found: (m: RegExpExecArray, add: (key: string) => void) => boolean | void): void {
    for (const m of this.rest.matchAll(pattern)) {
      const keys: string[] = [];
      if (found(m, (key) => keys.push(key)) === false) continue;
      for (const key of keys) this.facts.push({ kind, key, text: m[0], index: m.index });
      this.rest = this.rest.slice(0, m.index) + ' '.repeat(m[0].length) + this.rest.slice(m.index + m[0].length);
    }
  }
}

/** 2017-12-05. */
function isoDates(f: Finder): void {
  f.take('date', /\b(\d{4})-(\d{2})-(\d{2})\b/g, (m, add) => {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDay(year, month, day)) return false;
    add(`n:${year}`);
    add(`month:${pad(month)}`);
    add(monthDay(month, day));
  });
}

/**
 * 5/12/2017: day first or month first. A weekday just before it ("Tuesday (5/12/2017)") decides
 * which; without one, both readings that are real days count.
 */
function numericDates(f: Finder): void {
  f.take('date', /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/g, (m, add) => {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [a, b] = [Number(m[1]), Number(m[2])];
    let readings = [
      [b, a],
      [a, b],
    ].filter(([month, day]) => isRealDay(year, month!, day!));
    const before = f.sentence
      .slice(0, m.index)
      .match(/([A-Za-z]+)\W{0,3}$/)?.[1]
      ?.toLowerCase();
    const weekday = before ? WEEKDAYS.indexOf(before) : -1;
    const onWeekday = readings.filter(([month, day]) => new Date(Date.UTC(year, month! - 1, day!)).getUTCDay() === weekday);
    if (onWeekday.length > 0) readings = onWeekday;
    if (readings.length === 0) return false;
    add(`n:${year}`);
    for (const [month, day] of readings) {
      add(`month:${pad(month!)}`);
      add(monthDay(month!, day!));
    }
  });
}

const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const ORDINAL = '(?:st|nd|rd|th)?';

/** 5 December 2017, December 5, 2017, December 2017, 5 December, December. "May" alone is the verb. */
function writtenDates(f: Finder): void {
  const pattern = new RegExp(
    `(?:\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?)?\\b${MONTH_NAME}\\b(?:\\s+(\\d{1,2})${ORDINAL}\\b(?!\\d))?(?:,?\\s+(\\d{4})\\b)?`,
    'g',
  );
  f.take('date', pattern, (m, add) => {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    const day = Number(m[1] ?? m[3] ?? 0);
    const year = m[4] ? Number(m[4]) : undefined;
    if (m[2] === 'May' && !day && !year) return false;
    if (day && !isRealDay(year ?? 2000, month, day)) return false;
    add(`month:${pad(month)}`);
    if (day) add(monthDay(month, day));
    if (year) add(`n:${year}`);
  });
}

/** 2017, 1,000, 1.5, 40% and £5m; and number words (see NUMBER_WORDS). A digit inside a word ("MV3") is no number. */
function numbers(f: Finder): void {
  f.take('number', /(?<![\p{L}\p{N}])\d+(?:[.,]\d+)*(?!\p{N})/gu, (m, add) => {
    const value = Number(m[0].replace(/,(?=\d{3}\b)/g, ''));
    add(`n:${Number.isNaN(value) ? m[0] : value}`);
  });
  f.take('number', /\b[A-Za-z]+\b/g, (m, add) => {
    const value = NUMBER_WORDS[m[0].toLowerCase()];
    if (value === undefined) return false;
    add(`n:${value}`);
  });
}

/** The words of `text`, without a possessive "’s"; hyphens and dashes split words ("US–Russian"). */
export function wordsOf(text: string): { word: string; index: number }[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)*/gu), (m) => ({ word: m[0].replace(/[’']s$/, ''), index: m.index }));
}

/** Whether the word at `index` starts a sentence: nothing but quotes and brackets since the start or since . ! ? : */
function startsSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s“”"‘’'([]+$/u, '');
  return before === '' || /[.!?:]$/.test(before);
}

/** Capitalised words: mid-sentence they are names; at a sentence's start only when not common words. */
function names(f: Finder): void {
  for (const { word, index } of wordsOf(f.rest)) {
    if (!/^\p{Lu}/u.test(word) || /\p{N}/u.test(word)) continue;
    const acronym = word.length > 1 && word === word.toUpperCase();
    const initial = !acronym && startsSentence(f.rest, index);
    if (initial && COMMON.has(word.toLowerCase())) continue;
    f.facts.push({ kind: 'name', key: `name:${word}`, text: word, index, ...(initial ? { initial } : {}) });
  }
}

/** The numbers, dates and names in `sentence`, in the order the rules find them. */
export function factsOf(sentence: string): Fact[] {
  const f = new Finder(sentence);
  isoDates(f);
  numericDates(f);
  writtenDates(f);
  numbers(f);
  names(f);
  return f.facts;
}

/** Whether `fact` is in `evidence` (facts and words of the evidence sentences). */
export function isSupported(fact: Fact, evidence: string[]): boolean {
  if (!fact.key.startsWith('name:')) return evidence.some((e) => factsOf(e).some((g) => g.key === fact.key));
  const name = fact.key.slice(5);
  const words = evidence.flatMap((e) => wordsOf(e).map((w) => w.word));
  return fact.initial ? words.some((w) => w.toLowerCase() === name.toLowerCase()) : words.includes(name);
}
