/** The labelled development corpus in test/fixtures/pages/ (see its README). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Topic } from '../../src/shared/topics';
import { ROOT } from './paths';

export const CORPUS_DIR = path.join(ROOT, 'test/fixtures/pages');
/** Pages written without sight of the detector, for estimating how it does on pages nobody tuned it on. */
export const HOLDOUT_DIR = path.join(ROOT, 'test/fixtures/holdout');

export interface CorpusEntry {
  file: string;
  path: string;
  url: string;
  topics: Topic[];
  family: string;
  note: string;
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
