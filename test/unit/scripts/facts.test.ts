// @vitest-environment node
// The fact extractor behind the evidence check: what counts as a number, a date and a name.
import { describe, expect, it } from 'vitest';
import { factsOf, isSupported } from '../../../scripts/lib/facts';

const keys = (sentence: string) => factsOf(sentence).map((f) => f.key);

describe('factsOf', () => {
  it.each<[string, string, string[]]>([
    // Numbers and number words.
    ['a year', 'The ban came in 2017.', ['n:2017']],
    ['digits with a thousands comma and a decimal', 'It sold 1,000 copies at 1.5 times the price.', ['n:1000', 'n:1.5']],
    ['a number with a unit stuck to it', 'a £5m deal and 40% of users', ['n:5', 'n:40']],
    ['number words, and "one" left as a pronoun', 'Two banks and three agencies, one of them British.', ['n:2', 'n:3', 'name:British']],
    ['magnitudes', 'a million users', ['n:1000000']],
    ['no number (and no name) in a word with digits', 'Manifest V3 and MV3', ['name:Manifest']],
    // Dates.
    ['an ISO date', 'It was reported 2017-12-05.', ['n:2017', 'month:12', 'day:12-05']],
    ['day month year', 'On 5 December 2017 it said so.', ['month:12', 'day:12-05', 'n:2017']],
    ['month day, year', 'On December 5, 2017 it said so.', ['month:12', 'day:12-05', 'n:2017']],
    ['month and year', 'In December 2017 the agency', ['month:12', 'n:2017']],
    ['a month alone', 'Since March the agency', ['month:03']],
    ['an ordinal day', 'on the 5th of December', ['month:12', 'day:12-05']],
    ['a numeric date after its weekday: day first on a Tuesday', 'quoted on Tuesday (5/12/2017).', ['n:2017', 'month:12', 'day:12-05', 'name:Tuesday']],
    ['a numeric date after its weekday: month first on a Friday', 'on Friday, 5/12/2017', ['n:2017', 'month:05', 'day:05-12', 'name:Friday']],
    ['a numeric date with no weekday: both readings', 'on 5/12/2017', ['n:2017', 'month:12', 'day:12-05', 'month:05', 'day:05-12']],
    ['a numeric date that can be read one way only', 'on 25/12/2017', ['n:2017', 'month:12', 'day:12-25']],
    ['"May" is a month with a day or year', 'Signed on 3 May 2018', ['name:Signed', 'month:05', 'day:05-03', 'n:2018']],
    ['"may" alone is the verb, "May" a name mid-sentence', 'It may rain, Theresa May said.', ['name:Theresa', 'name:May']],
    // Names.
    ['capitalised words mid-sentence, possessives and dashes stripped', 'the UK’s agency and US–Russian tensions', ['name:UK', 'name:US', 'name:Russian']],
    ['a common word starting a sentence is no name', 'The agency said. Its head agreed.', []],
    ['an uncommon word starting a sentence is one', 'Moscow denied it.', ['name:Moscow']],
    ['after a colon a new sentence starts', 'Ciaran Martin: Head of the agency', ['name:Ciaran', 'name:Martin', 'name:Head']],
    ['after an opening quote or bracket too', '“We are discussing” (Martin)', ['name:Martin']],
    ['a name after "(" is mid-sentence', 'Security Centre (NCSC)', ['name:Security', 'name:Centre', 'name:NCSC']],
  ])('%s', (_name, sentence, expected) => {
    expect(keys(sentence).sort()).toEqual([...expected].sort());
  });

  it('marks a capitalised word at a sentence start as initial, and an acronym there as not', () => {
    expect(factsOf('Head of the NCSC.').map((f) => [f.text, f.initial ?? false])).toEqual([
      ['Head', true],
      ['NCSC', false],
    ]);
    expect(factsOf('US officials').map((f) => f.initial ?? false)).toEqual([false]);
  });

  it('gives each fact its kind and place, a date one fact per part', () => {
    const facts = factsOf('In December 2017 Kaspersky');
    expect(facts.map((f) => f.kind)).toEqual(['date', 'date', 'name']);
    expect(facts[0]).toMatchObject({ text: 'December 2017', index: 3 });
    expect(facts[2]).toMatchObject({ text: 'Kaspersky', index: 17 });
  });
});

describe('isSupported', () => {
  const fact = (sentence: string, key: string) => factsOf(sentence).find((f) => f.key === key)!;
  const evidence = ['Kaspersky party explained, quoted by Reuters on Tuesday (5/12/2017).', 'the US and Russia'];

  it.each<[string, string, string, boolean]>([
    ['a year in a numeric date', 'In 2017 it began.', 'n:2017', true],
    ['a month in a numeric date', 'In December it began.', 'month:12', true],
    ['the day of a numeric date', 'On 5 December it began.', 'day:12-05', true],
    ['another day', 'On 3 December it began.', 'day:12-03', false],
    ['another year', 'In 2016 it began.', 'n:2016', false],
    ['a name mid-sentence', 'as Reuters said', 'name:Reuters', true],
    ['a name that is not there', 'as Bloomberg said', 'name:Bloomberg', false],
    ['a name is compared with case: "US" is not "us"', 'told the US', 'name:US', true],
    ['a sentence-initial word is compared without case', 'Party officials said so.', 'name:Party', true],
    ['a derived name is a different word', 'the Russian state', 'name:Russian', false],
  ])('%s', (_name, sentence, key, supported) => {
    expect(isSupported(fact(sentence, key), evidence)).toBe(supported);
  });

  it('does not take "us" for "US" mid-sentence', () => {
    expect(isSupported(fact('told the US', 'name:US'), ['allows us and others'])).toBe(false);
  });
});
