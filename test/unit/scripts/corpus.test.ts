// @vitest-environment node
// The detector on the labelled development corpus (test/fixtures/pages), through the same entry
// points a developer uses: classifyHtml (what eval:detect runs) and the classify command.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { classifyHtml } from '../../../scripts/lib/classify-html';
import { CORPUS_DIR, loadCorpusIndex, score } from '../../../scripts/lib/corpus';
import { ROOT } from '../../../scripts/lib/paths';

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
