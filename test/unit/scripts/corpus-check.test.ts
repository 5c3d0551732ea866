// @vitest-environment node
// checkIndex and checkCorpusDir: a labelled set whose index and folder disagree, or whose entries
// are malformed, is reported entry by entry instead of being scored as if it were sound.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCorpusDir, checkIndex } from '../../../scripts/lib/corpus-check';

const page = (file: string, topics: string[], lang = 'de') => ({ file, url: `https://news.example.de/${file}`, lang, topics, family: 'f', note: 'n' });
const sound = [
  page('kaspersky-de-a.html', ['kaspersky']),
  page('lookalike-de-b.html', []),
  page('both-fr-c.html', ['kaspersky', 'ncsc'], 'fr'),
  page('neither-fr-d.html', [], 'fr'),
];
const files = sound.map((e) => e.file);
const without = (key: string) => sound.map((e, i) => (i === 0 ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e));
const withFirst = (change: Record<string, unknown>) => sound.map((e, i) => (i === 0 ? { ...e, ...change } : e));

describe('checkIndex', () => {
  it('finds nothing wrong with a sound language set', () => {
    expect(checkIndex(sound, files, true)).toEqual([]);
  });

  it.each([
    ['an index that is not a list', { file: 'x' }, files, 'not a list'],
    ['an entry that is not an object', [...sound, 'kaspersky-de-e.html'], files, 'entry 4: not an object'],
    ['an entry without a url', without('url'), files, 'kaspersky-de-a.html: no url'],
    ['an entry without topics', without('topics'), files, 'kaspersky-de-a.html: no topics'],
    ['an entry without a language', without('lang'), files, 'kaspersky-de-a.html: no lang'],
    ['a field the README does not list', withFirst({ verdict: 'yes' }), files, 'unknown field verdict'],
    ['an empty note', withFirst({ note: '' }), files, 'note is not a non-empty string'],
    ['topics out of order', withFirst({ topics: ['ncsc', 'kaspersky'] }), files, 'topics is not'],
    ['a topic that does not exist', withFirst({ topics: ['gchq'] }), files, 'topics is not'],
    ['topics as a string', withFirst({ topics: 'kaspersky' }), files, 'topics is not'],
    ['both topics in one string', withFirst({ topics: ['kaspersky,ncsc'] }), files, 'topics is not'],
    ['an address that is not one', withFirst({ url: 'news/kaspersky' }), files, 'url is not an address'],
    ['a language written as a region tag', withFirst({ lang: 'de-CH' }), files, 'lang is not a primary language subtag'],
    ['a name without a category', [...sound, page('bsi-warnung.html', [])], [...files, 'bsi-warnung.html'], 'does not start with a category'],
    ['a page listed twice', [...sound, sound[0]], files, 'kaspersky-de-a.html: listed more than once'],
    ['a listed page that is missing', sound, files.slice(1), 'kaspersky-de-a.html: listed but not in the folder'],
    ['a page that is not listed', sound, [...files, 'ncsc-de-e.html'], 'ncsc-de-e.html: in the folder but not listed'],
    [
      'a language with positives only',
      [...sound, page('ncsc-nl-e.html', ['ncsc'], 'nl')],
      [...files, 'ncsc-nl-e.html'],
      'nl: the language needs pages about a topic and pages about neither',
    ],
    ['a language with negatives only', [...sound, page('passing-ja-e.html', [], 'ja')], [...files, 'passing-ja-e.html'], 'ja: the language needs'],
  ])('reports %s', (_, index, folder, problem) => {
    const problems = checkIndex(index, folder, true);
    expect(
      problems.some((p) => p.includes(problem)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('asks for a language only in a language set, and there for every entry', () => {
    const english = sound.map(({ lang: _, ...e }) => e);
    expect(checkIndex(english, files)).toEqual([]);
    expect(checkIndex(english, files, true)).toHaveLength(sound.length);
    expect(checkIndex(sound, files)).toEqual(sound.map((e) => `${e.file}: unknown field lang`));
  });
});

describe('checkCorpusDir', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const folder = (index: string | null, pages: string[]) => {
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    if (index !== null) writeFileSync(path.join(dir, 'index.json'), index);
    for (const p of pages) writeFileSync(path.join(dir, p), '<!DOCTYPE html><title>x</title>');
    writeFileSync(path.join(dir, 'README.md'), '# pages');
    return dir;
  };

  it('reads the folder: its index and its .html files only', () => {
    expect(checkCorpusDir(folder(JSON.stringify(sound), files), true)).toEqual([]);
    expect(checkCorpusDir(folder(JSON.stringify(sound), files.slice(1)), true)).toEqual(['kaspersky-de-a.html: listed but not in the folder']);
  });

  it('reports a folder without an index and an index that is not JSON', () => {
    expect(checkCorpusDir(folder(null, files), true)).toEqual([`${path.join(dir, 'index.json')}: missing`]);
    expect(checkCorpusDir(folder('[{"file": ', files), true)[0]).toMatch(/index\.json: .*JSON/);
  });
});
