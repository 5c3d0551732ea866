// npm run classify -- FILE.html... : one JSON line per file with the detector's verdict, from the
// same code the full stage runs. A file listed in a labelled set's index (test/fixtures/*/index.json) is classified
// at the URL given there; any other at file://<its path>.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scriptArgs } from './lib/args';
import { classifyHtml } from './lib/classify-html';
import { CORPUS_DIR, HOLDOUT_DIR, LANGUAGES_DIR, LANGUAGES_HOLDOUT_DIR, loadCorpusIndex } from './lib/corpus';

const files = scriptArgs('npm run classify -- FILE.html [FILE.html...]', {}, true).positionals;
if (files.length === 0) {
  console.error('usage: npm run classify -- FILE.html [FILE.html...]');
  process.exitCode = 2;
}
const urls = new Map(
  [CORPUS_DIR, HOLDOUT_DIR, LANGUAGES_DIR, LANGUAGES_HOLDOUT_DIR].flatMap((dir) => loadCorpusIndex(dir)).map((entry) => [path.resolve(entry.path), entry.url]),
);
for (const file of files) {
  try {
    const full = path.resolve(file);
    const url = urls.get(full) ?? `file://${full}`;
    const v = classifyHtml(readFileSync(full, 'utf8'), url);
    console.log(JSON.stringify({ file, topics: v.topics, relevant: v.relevant, confidence: v.confidence, mentions: v.mentions, evidence: v.evidence }));
  } catch (error) {
    console.log(JSON.stringify({ file, error: (error as Error).message }));
    process.exitCode = 1;
  }
}
