/**
 * What is wrong with a labelled set's index, if anything: an entry without the fields the folder's
 * README asks for (or with others), a label that is not one of the four, a listed page that is not
 * there or a page that is not listed, and in a language set a language without both a page about a
 * topic and a page about neither. eval:detect would otherwise score a broken set without a word.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LABELS = ['[]', '["kaspersky"]', '["ncsc"]', '["kaspersky","ncsc"]'];
const CATEGORY = /^(kaspersky|ncsc|both|lookalike|passing|neither)-[a-z0-9-]+\.html$/;
const LANG = /^[a-z]{2,3}$/;

/** One entry's problems, each naming the entry. */
function checkEntry(entry: unknown, at: string, languages: boolean): string[] {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return [`${at}: not an object`];
  const e = entry as Record<string, unknown>;
  const name = typeof e.file === 'string' ? e.file : at;
  const keys = ['file', 'url', 'topics', 'family', 'note', ...(languages ? ['lang'] : [])];
  const problems = keys.filter((k) => !(k in e)).map((k) => `${name}: no ${k}`);
  problems.push(
    ...Object.keys(e)
      .filter((k) => !keys.includes(k))
      .map((k) => `${name}: unknown field ${k}`),
  );
  for (const k of ['file', 'url', 'family', 'note', 'lang'])
    if (k in e && (typeof e[k] !== 'string' || e[k] === '')) problems.push(`${name}: ${k} is not a non-empty string`);
  if (typeof e.file === 'string' && !CATEGORY.test(e.file))
    problems.push(`${name}: the name does not start with a category (kaspersky-, ncsc-, both-, lookalike-, passing-, neither-)`);
  if (typeof e.url === 'string' && !URL.canParse(e.url)) problems.push(`${name}: url is not an address`);
  if ('topics' in e && !LABELS.includes(JSON.stringify(e.topics))) problems.push(`${name}: topics is not [], ["kaspersky"], ["ncsc"] or ["kaspersky", "ncsc"]`);
  if (languages && typeof e.lang === 'string' && !LANG.test(e.lang)) problems.push(`${name}: lang is not a primary language subtag such as "de"`);
  return problems;
}

/** The problems of an index (parsed JSON) against the `.html` files of its folder; none means it is sound. */
export function checkIndex(index: unknown, htmlFiles: string[], languages = false): string[] {
  if (!Array.isArray(index)) return ['index.json is not a list'];
  const problems = index.flatMap((entry, i) => checkEntry(entry, `entry ${i}`, languages));
  const listed = index.map((e) => (e as { file?: unknown })?.file).filter((f): f is string => typeof f === 'string');
  problems.push(...listed.filter((f, i) => listed.indexOf(f) !== i).map((f) => `${f}: listed more than once`));
  problems.push(...listed.filter((f) => !htmlFiles.includes(f)).map((f) => `${f}: listed but not in the folder`));
  problems.push(...htmlFiles.filter((f) => !listed.includes(f)).map((f) => `${f}: in the folder but not listed`));
  if (languages) {
    const sides = new Map<string, Set<boolean>>();
    for (const e of index as { lang?: unknown; topics?: unknown }[]) {
      if (typeof e?.lang !== 'string' || !Array.isArray(e.topics)) continue;
      sides.set(e.lang, (sides.get(e.lang) ?? new Set()).add(e.topics.length > 0));
    }
    for (const [lang, seen] of sides) if (seen.size < 2) problems.push(`${lang}: the language needs pages about a topic and pages about neither`);
  }
  return problems;
}

/** {@link checkIndex} on a set's folder as it is on disk. */
export function checkCorpusDir(dir: string, languages = false): string[] {
  const file = path.join(dir, 'index.json');
  if (!existsSync(file)) return [`${file}: missing`];
  let index: unknown;
  try {
    index = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return [`${file}: ${(error as Error).message}`];
  }
  return checkIndex(
    index,
    readdirSync(dir).filter((f) => f.endsWith('.html')),
    languages,
  );
}
