// @vitest-environment node
// The build's check of the story's translations: each must have every statement of story.json and
// keep its facts (names, numbers, dates) as its language's fact table writes them; a language of
// the UI without a translation of the story fails the build.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import rawStory from '../../../src/story/story.json';
import { writeLocales } from '../../../scripts/lib/build-extension';
import { ROOT } from '../../../scripts/lib/paths';
import { checkTranslationFacts, readTranslation, validateTranslation } from '../../../scripts/lib/story-translation';
import { validateStory } from '../../../scripts/lib/validate-story';
import type { StoryTranslation } from '../../../src/shared/story';

const story = validateStory(rawStory);
const TRANSLATIONS = path.join(ROOT, 'src/story/translations');
const languages = readdirSync(path.join(ROOT, 'src/_locales')).filter((l) => l !== 'en');
const german = JSON.parse(readFileSync(path.join(TRANSLATIONS, 'de.json'), 'utf8')) as StoryTranslation;

/** A deep copy of the German translation, changed by `edit`. */
function edited(edit: (t: StoryTranslation) => void): StoryTranslation {
  const copy = structuredClone(german);
  edit(copy);
  return copy;
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'backstory-translation-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the translations in src/story/translations', () => {
  it.each(languages)('%s: has a translation that keeps every fact of the story', (language) => {
    const file = path.join(TRANSLATIONS, `${language}.json`);
    expect(existsSync(file), `${language} has a UI but no src/story/translations/${language}.json`).toBe(true);
    expect(() => readTranslation(file, story)).not.toThrow();
  });
});

describe('the fact check', () => {
  it('passes the German translation as it is (the cases below each break one thing)', () => {
    expect(checkTranslationFacts(story, german)).toEqual([]);
  });

  it('fails a statement that drops a date, naming the statement and the fact', () => {
    const problems = checkTranslationFacts(
      story,
      edited((t) => {
        t.summary[0] = t.summary[0]!.replace('Im Dezember 2017 riet', 'Damals riet');
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^summary\[0\]: the translation drops the fact "month:12" \(none of "Dezember" is in "Damals riet/),
      expect.stringMatching(/^summary\[0\]: the translation drops the fact "n:2017"/),
    ]);
  });

  it('fails a statement that drops a name', () => {
    const problems = checkTranslationFacts(
      story,
      edited((t) => {
        t.summary[1] = t.summary[1]!.replace('Sein Leiter, Ciaran Martin,', 'Sein Leiter');
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining('summary[1]: the translation drops the fact "name:Ciaran"'),
      expect.stringContaining('summary[1]: the translation drops the fact "name:Martin"'),
    ]);
  });

  it('fails a quote translation that drops a name of the quote', () => {
    const problems = checkTranslationFacts(
      story,
      edited((t) => {
        t.quotes['kaspersky-denial']!.translation = 'Das Unternehmen hat die Vorwürfe bislang zurückgewiesen';
      }),
    );
    expect(problems.map((p) => p.split(' (')[0])).toEqual([
      'quotes.kaspersky-denial.translation: the translation drops the fact "name:Kaspersky"',
      'quotes.kaspersky-denial.translation: the translation drops the fact "name:Russian"',
      'quotes.kaspersky-denial.translation: the translation drops the fact "name:Government"',
    ]);
  });

  it('fails a fact the table does not list, and a table entry no statement needs', () => {
    const problems = checkTranslationFacts(
      story,
      edited((t) => {
        delete t.facts['name:Barclays'];
        t.facts['name:GCHQ'] = ['GCHQ'];
      }),
    );
    expect(problems).toContain('summary[3]: the fact "name:Barclays" of the English statement has no entry in "facts" (list how this language writes it)');
    expect(problems).toContain('facts.name:GCHQ: no English statement has this fact');
  });

  it('matches a form as written: another case is not the same form', () => {
    const problems = checkTranslationFacts(
      story,
      edited((t) => {
        t.facts['name:Russia'] = ['RUSSLAND'];
      }),
    );
    expect(problems).toEqual([expect.stringContaining('keyPoints[4]: the translation drops the fact "name:Russia"')]);
  });
});

describe('the shape check', () => {
  it.each([
    ['a summary sentence too few', (t: StoryTranslation) => t.summary.pop(), '"summary" must be an array of 4 sentences'],
    ['an empty key point', (t: StoryTranslation) => (t.keyPoints[2] = ' '), '"keyPoints[2]" must be a non-empty string'],
    ['an entity left out', (t: StoryTranslation) => delete t.entities.barclays, '"entities.barclays" is missing'],
    [
      'a quote without its source',
      (t: StoryTranslation) => (t.quotes['martin-advice']!.source = ''),
      '"quotes.martin-advice.source" must be a non-empty string',
    ],
    ['a quote story.json lacks', (t: StoryTranslation) => (t.quotes.invented = t.quotes['martin-advice']!), '"quotes.invented" is not in story.json\'s quotes'],
    ['a note left out', (t: StoryTranslation) => delete t.notes['this-year'], '"notes.this-year" must be a non-empty string'],
    ['a fact with no forms', (t: StoryTranslation) => (t.facts['n:2017'] = []), '"facts.n:2017" must be a list'],
  ])('fails %s, naming the field', (_, edit, message) => {
    expect(() => validateTranslation(edited(edit), story, 'de.json')).toThrow(`de.json: ${message}`);
  });
});

describe('the build', () => {
  /** A project root with src/_locales of `languages` (German words for each) and, for `translated`, the German story. */
  function project(name: string, languages: string[], translated: string[]): string {
    const root = path.join(temp, name);
    for (const language of ['en', ...languages]) {
      mkdirSync(path.join(root, 'src/_locales', language), { recursive: true });
      cpSync(path.join(ROOT, 'src/_locales', language === 'en' ? 'en' : 'de', 'messages.json'), path.join(root, 'src/_locales', language, 'messages.json'));
    }
    mkdirSync(path.join(root, 'src/story/translations'), { recursive: true });
    for (const language of translated) writeFileSync(path.join(root, 'src/story/translations', `${language}.json`), JSON.stringify(german));
    return root;
  }

  it('writes each language with its story words and its own language', () => {
    const root = project('both', ['de', 'xx'], ['de', 'xx']);
    writeLocales(story, path.join(root, 'out'), root);
    const read = (l: string) => JSON.parse(readFileSync(path.join(root, 'out/_locales', l, 'messages.json'), 'utf8'));
    expect(read('xx').messagesLanguage.message).toBe('xx');
    expect(read('de').storyHeadline.message).toBe(german.headline);
    expect(read('de').quote_martin_advice_role.message).toBe(german.quotes['martin-advice']!.speakerRole);
    expect(read('en').storyHeadline.message).toBe(story.headline.text);
    expect(read('en').quote_martin_advice_translation.message).toBe(story.quotes.find((q) => q.id === 'martin-advice')!.text);
  });

  it('fails for a language of the UI without a translation of the story', () => {
    const root = project('untranslated', ['de', 'xx'], ['de']);
    expect(() => writeLocales(story, path.join(root, 'out'), root)).toThrow(
      'src/_locales/xx has no translation of the story: write src/story/translations/xx.json',
    );
  });

  it('fails a translation that drops a fact, listing what it drops', () => {
    const root = project('dropped', ['de'], []);
    const broken = edited((t) => {
      t.earlier = t.earlier.replace('im Jahr 2017', 'in jenem Jahr');
    });
    writeFileSync(path.join(root, 'src/story/translations/de.json'), JSON.stringify(broken));
    expect(() => writeLocales(story, path.join(root, 'out'), root)).toThrow(
      /de\.json: the translation does not keep the story's facts:\n {2}earlier: the translation drops the fact "n:2017"/,
    );
  });
});
