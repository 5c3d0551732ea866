// npm run eval:detect: precision, recall and F1 of the detector on the labelled corpus in
// test/fixtures/pages/, per (page, topic) pair, and every miss. --json prints the result as JSON;
// --holdout scores the held-out set in test/fixtures/holdout/ instead.
import { readFileSync } from 'node:fs';
import { scriptArgs } from './lib/args';
import { classifyHtml } from './lib/classify-html';
import { CORPUS_DIR, HOLDOUT_DIR, loadCorpusIndex, score } from './lib/corpus';

const { values: args } = scriptArgs('npm run eval:detect [-- --holdout] [--json]', { holdout: { type: 'boolean' }, json: { type: 'boolean' } });
const entries = loadCorpusIndex(args.holdout ? HOLDOUT_DIR : CORPUS_DIR);
const results = entries.map((entry) => {
  const verdict = classifyHtml(readFileSync(entry.path, 'utf8'), entry.url);
  return { entry, verdict, expected: entry.topics, actual: verdict.topics };
});
const scores = score(results);
const misses = results
  .filter((r) => r.expected.join() !== r.actual.join())
  .map((r) => ({
    file: r.entry.file,
    family: r.entry.family,
    expected: r.expected,
    actual: r.actual,
    mentions: r.verdict.mentions,
    evidence: r.verdict.evidence,
  }));

if (args.json) {
  console.log(JSON.stringify({ pages: entries.length, ...scores, misses }, null, 2));
} else {
  const pct = (x: number) => x.toFixed(3);
  console.log(`pages ${entries.length}  (page, topic) pairs: TP ${scores.truePositives}  FP ${scores.falsePositives}  FN ${scores.falseNegatives}`);
  console.log(`precision ${pct(scores.precision)}  recall ${pct(scores.recall)}  F1 ${pct(scores.f1)}`);
  console.log(misses.length === 0 ? 'no misses' : `${misses.length} misses:`);
  for (const m of misses) {
    console.log(`  ${m.file} [${m.family}] expected [${m.expected.join(', ')}] got [${m.actual.join(', ')}] mentions ${JSON.stringify(m.mentions)}`);
    for (const e of m.evidence) console.log(`      ${e.topic} ${e.term} @${e.place} x${e.count}`);
  }
}
