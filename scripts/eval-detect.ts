// npm run eval:detect: precision, recall and F1 of the detector on the labelled corpus in
// test/fixtures/pages/, per (page, topic) pair, and every miss; then the same on the language set in
// test/fixtures/languages/, overall and per language. --json prints the result as JSON (the language
// set under `languages`); --holdout scores the held-out sets (test/fixtures/holdout/ and
// test/fixtures/languages-holdout/) instead.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scriptArgs } from './lib/args';
import { classifyHtml } from './lib/classify-html';
import { CORPUS_DIR, HOLDOUT_DIR, LANGUAGES_DIR, LANGUAGES_HOLDOUT_DIR, loadCorpusIndex, type Scores, score, scoreByLanguage } from './lib/corpus';
import { checkCorpusDir } from './lib/corpus-check';
import { ROOT } from './lib/paths';

const { values: args } = scriptArgs('npm run eval:detect [-- --holdout] [--json]', { holdout: { type: 'boolean' }, json: { type: 'boolean' } });

/** The detector's verdict on every page of the set in `dir`, its scores and its misses. */
function evaluate(dir: string) {
  const entries = loadCorpusIndex(dir);
  const results = entries.map((entry) => {
    const verdict = classifyHtml(readFileSync(entry.path, 'utf8'), entry.url);
    return { entry, verdict, expected: entry.topics, actual: verdict.topics };
  });
  const misses = results
    .filter((r) => r.expected.join() !== r.actual.join())
    .map((r) => ({
      file: r.entry.file,
      ...(r.entry.lang ? { lang: r.entry.lang } : {}),
      family: r.entry.family,
      expected: r.expected,
      actual: r.actual,
      mentions: r.verdict.mentions,
      evidence: r.verdict.evidence,
    }));
  return { entries, results, scores: score(results), misses };
}

const englishDir = args.holdout ? HOLDOUT_DIR : CORPUS_DIR;
const languagesDir = args.holdout ? LANGUAGES_HOLDOUT_DIR : LANGUAGES_DIR;
for (const [dir, languages] of [
  [englishDir, false],
  [languagesDir, true],
] as const) {
  const problems = checkCorpusDir(dir, languages);
  if (problems.length === 0) continue;
  console.error(`${path.relative(ROOT, dir)} is not a sound labelled set:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const english = evaluate(englishDir);
const languages = evaluate(languagesDir);
const byLanguage = scoreByLanguage(languages.results);

if (args.json) {
  const langs = {
    set: path.relative(ROOT, languagesDir),
    pages: languages.entries.length,
    ...languages.scores,
    byLanguage: Object.fromEntries(byLanguage),
    misses: languages.misses,
  };
  console.log(JSON.stringify({ pages: english.entries.length, ...english.scores, misses: english.misses, languages: langs }, null, 2));
} else {
  const pct = (x: number) => x.toFixed(3);
  const printMisses = (misses: typeof english.misses) => {
    console.log(misses.length === 0 ? 'no misses' : `${misses.length} misses:`);
    for (const m of misses) {
      console.log(`  ${m.file} [${m.family}] expected [${m.expected.join(', ')}] got [${m.actual.join(', ')}] mentions ${JSON.stringify(m.mentions)}`);
      for (const e of m.evidence) console.log(`      ${e.topic} ${e.term} @${e.place} x${e.count}`);
    }
  };
  const { scores } = english;
  console.log(`pages ${english.entries.length}  (page, topic) pairs: TP ${scores.truePositives}  FP ${scores.falsePositives}  FN ${scores.falseNegatives}`);
  console.log(`precision ${pct(scores.precision)}  recall ${pct(scores.recall)}  F1 ${pct(scores.f1)}`);
  printMisses(english.misses);

  const all = languages.scores;
  console.log(
    `\nlanguages (${path.relative(ROOT, languagesDir)}): pages ${languages.entries.length}  (page, topic) pairs: TP ${all.truePositives}  FP ${all.falsePositives}  FN ${all.falseNegatives}`,
  );
  console.log(`precision ${pct(all.precision)}  recall ${pct(all.recall)}  F1 ${pct(all.f1)}`);
  // A language where the detector found nothing has no precision to speak of (score() says 1).
  const precision = (s: Scores) => (s.truePositives + s.falsePositives === 0 ? '-' : pct(s.precision));
  console.log('  lang  pages   TP  FP  FN  precision  recall     F1');
  for (const [lang, s] of byLanguage)
    console.log(
      `  ${lang.padEnd(4)} ${String(s.pages).padStart(6)} ${[s.truePositives, s.falsePositives, s.falseNegatives].map((n) => String(n).padStart(4)).join('')}  ${precision(s).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1).padStart(5)}`,
    );
  printMisses(languages.misses);
}
