import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import rawStory from '../../../src/story/story.json';
import { StoryError, story, validateStory, type Story } from '../../../src/shared/story';

const ARTICLE = '../shared/seed/000_54e233854a60f2d0.txt';
const articlePath = resolve(process.cwd(), ARTICLE);
const exists = existsSync(articlePath);
const article = exists ? readFileSync(articlePath, 'utf8') : '';

/** A deep copy of story.json, changed by `edit`. */
function broken(edit: (s: Story) => void): unknown {
  const copy = structuredClone(rawStory) as Story;
  edit(copy);
  return copy;
}

function errorOf(value: unknown): StoryError {
  try {
    validateStory(value);
  } catch (error) {
    expect(error).toBeInstanceOf(StoryError);
    return error as StoryError;
  }
  throw new Error('validateStory accepted a malformed story');
}

describe('validateStory', () => {
  it('accepts the bundled story.json and returns the same data', () => {
    expect(validateStory(rawStory)).toEqual(rawStory);
    expect(story).toEqual(validateStory(rawStory));
  });

  it.each<[string, (s: Story) => void, string]>([
    ['missing headline', (s) => delete (s as Partial<Story>).headline, 'headline'],
    ['summary with 2 sentences', (s) => (s.summary = s.summary.slice(0, 2)), 'summary'],
    ['quote kind "indirect"', (s) => ((s.quotes[0] as { kind: string }).kind = 'indirect'), 'quotes[0].kind'],
    ['reported date "2017-13-05"', (s) => (s.reported = '2017-13-05'), 'reported'],
    ['quote date "2017-02-30"', (s) => (s.quotes[1]!.date = '2017-02-30'), 'quotes[1].date'],
    ['quote text in quotation marks', (s) => (s.quotes[0]!.text = `“${s.quotes[0]!.text}”`), 'quotes[0].text'],
    ['quote text in straight quotation marks', (s) => (s.quotes[2]!.text = `"${s.quotes[2]!.text}"`), 'quotes[2].text'],
    ['quote text with a trailing comma', (s) => (s.quotes[1]!.text = `${s.quotes[1]!.text},`), 'quotes[1].text'],
    ['duplicate quote id', (s) => (s.quotes[1]!.id = s.quotes[0]!.id), 'quotes[1].id'],
    ['duplicate entity id', (s) => (s.entities[2]!.id = s.entities[0]!.id), 'entities[2].id'],
    ['entity kind "company"', (s) => ((s.entities[0] as { kind: string }).kind = 'company'), 'entities[0].kind'],
  ])('rejects %s with a StoryError naming the field', (_name, edit, field) => {
    const error = errorOf(broken(edit));
    expect(error.field).toBe(field);
    expect(error.message).toContain(`"${field}"`);
  });

  it('rejects values that are not objects', () => {
    for (const value of [null, [], 'story', 42]) expect(errorOf(value).field).toBe('(root)');
  });
});

describe('story facts', () => {
  it('was reported on 2017-12-05', () => {
    expect(story.reported).toBe('2017-12-05');
    for (const q of story.quotes) expect(q.date).toBe('2017-12-05');
  });

  it('has exactly two direct quotes (Martin and Barclays) and two reported ones', () => {
    const direct = story.quotes.filter((q) => q.kind === 'direct');
    const reported = story.quotes.filter((q) => q.kind === 'reported');
    expect(direct.map((q) => q.speaker).sort()).toEqual(['Barclays', 'Ciaran Martin']);
    expect(reported).toHaveLength(2);
    expect(story.quotes).toHaveLength(4);
  });

  it('names the story’s entities', () => {
    const names = story.entities.map((e) => e.name);
    for (const name of ['Ciaran Martin', 'Kaspersky Lab', 'UK government', 'US government', 'Barclays', 'Reuters']) {
      expect(names).toContain(name);
    }
    expect(names.some((n) => n.startsWith('National Cyber Security Centre'))).toBe(true);
  });

  it('never says "Cyber Security Center" in a user-visible string', () => {
    const visible = [
      story.headline, ...story.summary, ...story.keyPoints, story.earlier.text,
      ...story.entities.flatMap((e) => [e.name, e.part]),
      ...story.quotes.flatMap((q) => [q.speaker, q.speakerRole, q.source]),
    ];
    expect(visible.length).toBeGreaterThan(20);
    for (const text of visible) expect(text).not.toMatch(/Cyber Security Center/i);
  });
});

describe(exists ? `story against the article ${ARTICLE}` : `story against the article (skipped: ${ARTICLE} not found)`, () => {
  it.skipIf(!exists)('every quote occurs in the article character for character', () => {
    for (const q of story.quotes) expect(article, q.id).toContain(q.text);
  });

  it.skipIf(!exists)('direct quotes are quoted in the article and reported ones are not', () => {
    for (const q of story.quotes) {
      const quoted = article.includes(`“${q.text}`) || article.includes(`"${q.text}`);
      expect(quoted, q.id).toBe(q.kind === 'direct');
    }
  });
});

describe('no copy of the article in src/', () => {
  const SENTENCE = 'This is not the first time Kaspersky is prohibited from being used by a country';
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

  it('no file under src/ contains the article’s sentence', () => {
    const all = files(resolve(process.cwd(), 'src'));
    expect(all.some((f) => f.endsWith('story.json'))).toBe(true);
    const copies = all.filter((f) => readFileSync(f, 'utf8').includes(SENTENCE));
    expect(copies).toEqual([]);
  });
});
