// @vitest-environment node
// The detector on the labelled development corpus (test/fixtures/pages), through the same entry
// points a developer uses: classifyHtml (what eval:detect runs) and the classify command; and the
// four labelled sets (English and other languages, development and held-out) sound as they are.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { classifyHtml } from '../../../scripts/lib/classify-html';
import { CORPUS_DIR, HOLDOUT_DIR, LANGUAGES_DIR, LANGUAGES_HOLDOUT_DIR, loadCorpusIndex, score, scoreByLanguage } from '../../../scripts/lib/corpus';
import { checkCorpusDir } from '../../../scripts/lib/corpus-check';
import { ROOT } from '../../../scripts/lib/paths';
import type { Topic } from '../../../src/shared/topics';

const entries = loadCorpusIndex();

describe('the corpus index', () => {
  it('lists every page once, and every listed page exists', () => {
    const pages = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(entries.map((e) => e.file).sort()).toEqual(pages);
    for (const e of entries) expect(existsSync(e.path), e.file).toBe(true);
  });

  it('has at least 80 pages, a third of them lookalikes or passing mentions', () => {
    expect(entries.length).toBeGreaterThanOrEqual(80);
    const negatives = entries.filter((e) => e.topics.length === 0 && !e.family.startsWith('neither'));
    expect(negatives.length * 3).toBeGreaterThanOrEqual(entries.length);
  });
});

describe('the labelled sets', () => {
  it.each([
    ['development', CORPUS_DIR, false],
    ['held-out', HOLDOUT_DIR, false],
    ['languages', LANGUAGES_DIR, true],
    ['languages held-out', LANGUAGES_HOLDOUT_DIR, true],
  ])('the %s set has well-formed entries, one per page, and every listed page', (_, dir, languages) => {
    expect(checkCorpusDir(dir, languages)).toEqual([]);
  });

  it('the language set has at least 60 pages in at least 10 languages besides English', () => {
    const pages = loadCorpusIndex(LANGUAGES_DIR);
    const langs = new Set(pages.map((e) => e.lang));
    expect(pages.length).toBeGreaterThanOrEqual(60);
    expect(langs.size).toBeGreaterThanOrEqual(10);
    expect(langs.has('en')).toBe(false);
  });

  it('the held-out language set has at least 20 pages, all in languages the development set has', () => {
    const held = loadCorpusIndex(LANGUAGES_HOLDOUT_DIR);
    const langs = new Set(loadCorpusIndex(LANGUAGES_DIR).map((e) => e.lang));
    expect(held.length).toBeGreaterThanOrEqual(20);
    for (const e of held) expect(langs.has(e.lang), e.file).toBe(true);
  });
});

describe('scoreByLanguage', () => {
  it('scores each language on its own pages, in the order they first appear', () => {
    const pair = (lang: string, expected: Topic[], actual: Topic[]) => ({ entry: { lang }, expected, actual });
    const scores = scoreByLanguage([
      pair('ru', ['kaspersky'], []),
      pair('nl', [], ['ncsc']),
      pair('ru', ['kaspersky'], ['kaspersky']),
      pair('nl', ['ncsc'], ['ncsc']),
    ]);
    expect([...scores.keys()]).toEqual(['ru', 'nl']);
    expect(scores.get('ru')).toMatchObject({ pages: 2, truePositives: 1, falsePositives: 0, falseNegatives: 1, precision: 1, recall: 0.5 });
    expect(scores.get('nl')).toMatchObject({ pages: 2, truePositives: 1, falsePositives: 1, falseNegatives: 0, precision: 0.5, recall: 1 });
  });
});

describe('detection on the corpus', () => {
  const results = entries.map((e) => ({ entry: e, actual: classifyHtml(readFileSync(e.path, 'utf8'), e.url).topics, expected: e.topics }));

  it('reaches precision and recall of at least 0.98', () => {
    const s = score(results);
    const misses = results.filter((r) => r.actual.join() !== r.expected.join()).map((r) => `${r.entry.file}: got [${r.actual}]`);
    expect(s.precision, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(s.recall, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it.each(['us-counterintelligence', 'dutch-ncsc', 'swiss-ncsc', 'nz-ncsc', 'irish-ncsc', 'state-courts', 'india-scheduled-castes', 'kasper-name'])(
    'never matches the %s lookalikes',
    (family) => {
      const pages = results.filter((r) => r.entry.family === family);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const r of pages) expect(r.actual, r.entry.file).toEqual([]);
    },
  );
});

describe('npm run classify', () => {
  it('prints one JSON verdict line per file', async () => {
    const picks = [entries.find((e) => e.topics.length === 2)!, entries.find((e) => e.family === 'swiss-ncsc')!];
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/ts-run.mjs', 'scripts/classify.ts', ...picks.map((p) => p.path)], { cwd: ROOT });
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ file: picks[0]!.path, topics: ['kaspersky', 'ncsc'], relevant: true });
    expect(lines[1]).toMatchObject({ file: picks[1]!.path, topics: [], relevant: false });
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['file', 'topics', 'relevant', 'confidence', 'mentions', 'evidence']);
      expect(path.isAbsolute(line.file)).toBe(true);
    }
  }, 30_000);
});
