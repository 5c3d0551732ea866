// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import rawStory from '../../../src/story/story.json';
import { StoryError, backedStatements, validateStory } from '../../../scripts/lib/validate-story';
import { story, type Story } from '../../../src/shared/story';

const ARTICLE = '../shared/seed/000_54e233854a60f2d0.txt';
const articlePath = resolve(process.cwd(), ARTICLE);
const exists = existsSync(articlePath);
const article = exists ? readFileSync(articlePath, 'utf8') : '';
/** CI puts shared/ beside the clone: there a missing article fails the tests instead of skipping them. */
const required = process.env.CI === 'true';
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

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
    ['a key point without evidence', (s) => (s.keyPoints[1]!.evidence = []), 'keyPoints[1].evidence'],
    ['a summary sentence as a bare string', (s) => ((s.summary as unknown[])[2] = s.summary[2]!.text), 'summary[2]'],
    ['an empty evidence span', (s) => (s.quotes[3]!.evidence = ['']), 'quotes[3].evidence[0]'],
    ['an entity without evidence', (s) => delete (s.entities[4] as Partial<Story['entities'][number]>).evidence, 'entities[4].evidence'],
    ['a note without its reason', (s) => ((s.notes['martin-title'] as { why?: string }).why = ''), 'notes.martin-title.why'],
    ['a statement naming a missing note', (s) => (s.earlier.notes = ['no-such-note']), 'earlier.notes[0]'],
    ['an alias written as a pattern', (s) => (s.entities[2]!.aliases[1] = 'Kaspersk(y|i).*'), 'entities[2].aliases[1]'],
    ['an alias with nested groups', (s) => (s.entities[2]!.aliases[1] = 'Kaspersk{y,{a,b}}'), 'entities[2].aliases[1]'],
    ['an alias with a comma outside a group', (s) => (s.entities[2]!.aliases[1] = 'Kaspersky, Lab'), 'entities[2].aliases[1]'],
    ['an alias with an unclosed group', (s) => (s.entities[2]!.aliases[1] = 'Kaspersk{y,i'), 'entities[2].aliases[1]'],
    ['a group with one choice', (s) => (s.entities[2]!.aliases[1] = 'Kaspersk{y}'), 'entities[2].aliases[1]'],
    ['an alias giving an empty form', (s) => (s.entities[2]!.aliases[1] = '{Kaspersky,}'), 'entities[2].aliases[1]'],
    ['an alias giving a form that starts with a hyphen', (s) => (s.entities[2]!.aliases[1] = '{,-}Kaspersky'), 'entities[2].aliases[1]'],
    ['an alias with a double space', (s) => (s.entities[2]!.aliases[1] = 'Kaspersky  Lab'), 'entities[2].aliases[1]'],
    ['an alias giving a lowercase Latin form', (s) => (s.entities[5]!.aliases[0] = '{B,b}arclays'), 'entities[5].aliases[0]'],
    ['an alias giving 72 forms', (s) => (s.entities[2]!.aliases[1] = 'K{a,b,c,d,e,f,g,h}{a,b,c,d,e,f,g,h,i}'), 'entities[2].aliases[1]'],
    ['a form two entities give', (s) => s.entities[5]!.aliases.push('Reuter{s,}'), 'entities[6].aliases[0]'],
    ['a form one entity gives twice', (s) => (s.entities[2]!.aliases[3] = 'Kaspersk{y,i}'), 'entities[2].aliases[3]'],
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
      story.headline.text,
      story.source.text,
      ...story.summary.map((s) => s.text),
      ...story.keyPoints.map((p) => p.text),
      story.earlier.text,
      ...story.entities.flatMap((e) => [e.name, e.part]),
      ...story.quotes.flatMap((q) => [q.speaker, q.speakerRole, q.source]),
    ];
    expect(visible.length).toBeGreaterThan(20);
    for (const text of visible) expect(text).not.toMatch(/Cyber Security Center/i);
  });
});

describe('story notes', () => {
  it('says where the story corrects the article: the agency’s spelling and Martin’s title', () => {
    const notes = Object.values(story.notes).map((n) => [n.ours, n.article]);
    expect(notes).toContainEqual(['Centre', 'Center']);
    expect(notes).toContainEqual(['head', 'Director']);
    const noted = (id: string) =>
      backedStatements(story)
        .filter((s) => s.notes?.includes(id))
        .map((s) => s.field);
    // Every statement that names the agency's "Centre" carries the note; so does every "head" for Martin.
    for (const s of backedStatements(story)) {
      if (/Centre/.test(s.text)) expect(noted('centre-spelling'), s.field).toContain(s.field);
      if (/\bhead\b/i.test(s.text)) expect(noted('martin-title'), s.field).toContain(s.field);
    }
  });
});

describe(exists ? `story against the article ${ARTICLE}` : `story against the article (SKIPPED: ${ARTICLE} not found beside the project)`, () => {
  it.skipIf(!exists && !required)('the article is there (CI must have it beside the clone)', () => {
    expect(exists, `${articlePath} is missing`).toBe(true);
  });

  it.skipIf(!exists)('every quote occurs in the article character for character', () => {
    for (const q of story.quotes) expect(article, q.id).toContain(q.text);
  });

  it.skipIf(!exists)('every evidence span of every statement occurs in the article character for character (whitespace collapsed)', () => {
    const spans = backedStatements(story).flatMap((s) => s.evidence.map((span, i) => [`${s.field}.evidence[${i}]`, span] as const));
    expect(spans.length).toBeGreaterThan(30);
    for (const [field, span] of spans) expect(collapse(article), field).toContain(collapse(span));
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
