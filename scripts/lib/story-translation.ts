/**
 * The build's check of a translation of the story (src/story/translations/<lang>.json): its shape
 * (every statement, entity, quote and note of story.json, in the same numbers) and its facts. Each
 * translated statement must keep the facts of its English statement (factsOf in facts.ts: names,
 * numbers, dates), written as the translation's `facts` table says that language writes them.
 */
import { readFileSync } from 'node:fs';
import type { Story, StoryTranslation } from '../../src/shared/story';
import { factsOf } from './facts';

/** Thrown when a translation file is not what the story needs; the message names the file and field. */
export class TranslationError extends Error {
  override name = 'TranslationError';
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Checks that `value` has the translation's shape for `story`; `file` names it in errors. */
export function validateTranslation(value: unknown, story: Story, file: string): StoryTranslation {
  const fail = (field: string, problem: string): never => {
    throw new TranslationError(`${file}: "${field}" ${problem}`);
  };
  if (!isObject(value)) return fail('(root)', 'must be an object');
  for (const key of ['headline', 'source', 'earlier']) if (!isText(value[key])) fail(key, 'must be a non-empty string');
  const texts = (key: 'summary' | 'keyPoints', count: number) => {
    const list = value[key];
    if (!Array.isArray(list) || list.length !== count) fail(key, `must be an array of ${count} sentences, as in story.json`);
    for (const [i, item] of (list as unknown[]).entries()) if (!isText(item)) fail(`${key}[${i}]`, 'must be a non-empty string');
  };
  texts('summary', story.summary.length);
  texts('keyPoints', story.keyPoints.length);
  const each = (key: string, ids: string[], fields: string[] | null) => {
    const group = value[key];
    if (!isObject(group)) return fail(key, 'must be an object');
    for (const id of ids) {
      const item = group[id];
      if (fields === null) {
        if (!isText(item)) fail(`${key}.${id}`, 'must be a non-empty string');
      } else if (!isObject(item)) fail(`${key}.${id}`, 'is missing');
      else for (const field of fields) if (!isText(item[field])) fail(`${key}.${id}.${field}`, 'must be a non-empty string');
    }
    const extra = Object.keys(group).find((id) => !ids.includes(id));
    if (extra) fail(`${key}.${extra}`, `is not in story.json's ${key}`);
  };
  each(
    'entities',
    story.entities.map((e) => e.id),
    ['name', 'part'],
  );
  each(
    'quotes',
    story.quotes.map((q) => q.id),
    ['translation', 'speakerRole', 'source'],
  );
  each('notes', Object.keys(story.notes), null);
  const facts = value.facts;
  if (!isObject(facts)) return fail('facts', 'must be an object');
  for (const [key, forms] of Object.entries(facts)) {
    if (!Array.isArray(forms) || forms.length === 0 || !forms.every(isText)) fail(`facts.${key}`, 'must be a list of the ways the translation writes it');
  }
  return value as unknown as StoryTranslation;
}

/** One statement and its translation, named by its field. */
interface Pair {
  field: string;
  english: string;
  translated: string;
}

/** The English statements whose facts a translation must keep, each beside its translation. */
export function translatedStatements(story: Story, words: StoryTranslation): Pair[] {
  return [
    { field: 'headline', english: story.headline.text, translated: words.headline },
    { field: 'source', english: story.source.text, translated: words.source },
    ...story.summary.map((s, i) => ({ field: `summary[${i}]`, english: s.text, translated: words.summary[i]! })),
    ...story.keyPoints.map((p, i) => ({ field: `keyPoints[${i}]`, english: p.text, translated: words.keyPoints[i]! })),
    { field: 'earlier', english: story.earlier.text, translated: words.earlier },
    ...story.entities.map((e) => ({ field: `entities.${e.id}.part`, english: e.part, translated: words.entities[e.id]!.part })),
    ...story.quotes.map((q) => ({ field: `quotes.${q.id}.translation`, english: q.text, translated: words.quotes[q.id]!.translation })),
  ];
}

/**
 * Every fact a translation drops or its table lacks, as lines naming the statement, the fact and
 * the forms looked for; empty when each translated statement has, for every fact of its English
 * statement, one of the forms `facts` gives (as written, case and all). A table entry no
 * statement needs is a problem too: it would hide a fact the story never had.
 */
export function checkTranslationFacts(story: Story, words: StoryTranslation): string[] {
  const problems: string[] = [];
  const needed = new Set<string>();
  for (const { field, english, translated } of translatedStatements(story, words)) {
    for (const key of new Set(factsOf(english).map((f) => f.key))) {
      needed.add(key);
      const forms = words.facts[key];
      if (!forms) problems.push(`${field}: the fact "${key}" of the English statement has no entry in "facts" (list how this language writes it)`);
      else if (!forms.some((form) => translated.includes(form)))
        problems.push(`${field}: the translation drops the fact "${key}" (none of ${forms.map((f) => `"${f}"`).join(', ')} is in "${translated}")`);
    }
  }
  for (const key of Object.keys(words.facts)) if (!needed.has(key)) problems.push(`facts.${key}: no English statement has this fact`);
  return problems;
}

/** Reads, validates and fact-checks the translation in `file`; throws one error listing every problem. */
export function readTranslation(file: string, story: Story, name = file): StoryTranslation {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TranslationError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  const words = validateTranslation(data, story, name);
  const problems = checkTranslationFacts(story, words);
  if (problems.length > 0) throw new TranslationError(`${name}: the translation does not keep the story's facts:\n  ${problems.join('\n  ')}`);
  return words;
}
