/** The labelled corpora: the English development set in test/fixtures/pages/ (see its README) and its companions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Topic } from '../../src/shared/topics';
import { ROOT } from './paths';

export const CORPUS_DIR = path.join(ROOT, 'test/fixtures/pages');
/** Pages written without sight of the detector, for estimating how it does on pages nobody tuned it on. */
export const HOLDOUT_DIR = path.join(ROOT, 'test/fixtures/holdout');
/** Pages in other languages than English, for tuning (each entry has a `lang`). */
export const LANGUAGES_DIR = path.join(ROOT, 'test/fixtures/languages');
/** Pages in other languages written without sight of the detector, like HOLDOUT_DIR. */
export const LANGUAGES_HOLDOUT_DIR = path.join(ROOT, 'test/fixtures/languages-holdout');

export interface CorpusEntry {
  file: string;
  path: string;
  url: string;
  topics: Topic[];
  family: string;
  note: string;
  /** The page's language (a primary subtag such as `de`); only the language sets have it. */
  lang?: string;
}

/** A corpus index (the development set by default) with each entry's absolute path. */
export function loadCorpusIndex(dir = CORPUS_DIR): CorpusEntry[] {
  const entries = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as Omit<CorpusEntry, 'path'>[];
  return entries.map((e) => ({ ...e, path: path.join(dir, e.file) }));
}

/** Precision, recall and F1 over (page, topic) pairs. */
export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Scores predictions against labels, counting each (page, topic) pair once. */
export function score(pairs: { expected: Topic[]; actual: Topic[] }[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { expected, actual } of pairs) {
    for (const t of actual)
      if (expected.includes(t)) tp += 1;
      else fp += 1;
    for (const t of expected) if (!actual.includes(t)) fn += 1;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

/** {@link score} for each language of a language set, in the order the languages first appear. */
export function scoreByLanguage(pairs: { entry: Pick<CorpusEntry, 'lang'>; expected: Topic[]; actual: Topic[] }[]): Map<string, Scores & { pages: number }> {
  const groups = new Map<string, typeof pairs>();
  for (const pair of pairs) {
    const lang = pair.entry.lang ?? '?';
    groups.set(lang, [...(groups.get(lang) ?? []), pair]);
  }
  return new Map([...groups].map(([lang, group]) => [lang, { pages: group.length, ...score(group) }]));
}
