/**
 * Finds mentions of the story's people and organisations in a string: every written form of
 * their aliases (shared/alias-forms.ts), the longest first, as whole words in any script
 * (name-edges.ts).
 */
import { aliasForms } from '../../shared/alias-forms';
import type { MarkedEntity as Entity } from '../../shared/story';
import { charAt, charBefore, edgeOf, joins } from './name-edges';

/** One mention inside a string. */
export interface TextMention {
  start: number;
  end: number;
  entity: Entity;
}

/** A compiled matcher for a set of entities. */
export interface MentionMatcher {
  /**
   * Any form anywhere, word boundaries or not (global), the longest one at each place: text this
   * does not match holds no mention.
   */
  loose: RegExp;
  /** The longest form's length: a mention starting at i ends by i + longest. */
  longest: number;
  /** Whom each form of each alias names. */
  forms: ReadonlyMap<string, Entity>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alias written in Latin letters (ASCII, accented Latin): the forms English pages use. */
const LATIN = /^[ -\u024F]*$/;
/**
 * The other scripts the aliases are written in: Greek, Cyrillic, Hebrew, Arabic, CJK punctuation
 * and kana, CJK ideographs, Hangul (a test checks that it holds a character of every alias not in
 * LATIN). A literal, compiled once: a class built from the aliases' own characters cost Chromium 2 ms.
 */
export const OTHER_SCRIPTS = /[\u0370-\u06FF\u3000-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;

/**
 * Builds one regular expression over every form of every alias, so each text node is searched once.
 * With `pageText` (text already read from the page: the detector's sample), the aliases written in
 * other scripts are searched for only where `pageText` holds a character of one of them: a page
 * whose sample has no Cyrillic, Greek, Hebrew, Arabic, CJK or Hangul character gets the
 * Latin aliases' forms alone (113 of 370), a smaller pattern that is quicker to build and, in
 * Firefox, to search. A name in another script beyond the sample (or added later) is then not marked.
 */
export function compileMatcher(entities: Entity[], pageText?: string): MentionMatcher {
  const everyScript = pageText === undefined || OTHER_SCRIPTS.test(pageText);
  const forms = new Map<string, Entity>();
  for (const entity of entities) {
    for (const alias of entity.aliases) if (everyScript || LATIN.test(alias)) for (const form of aliasForms(alias)) forms.set(form, entity);
  }
  // Aliases are proper names, matched as written: case-sensitive matching is both more precise
  // ("reuters" in a URL is not the agency) and several times faster on long pages.
  // In reverse alphabetical order a form comes before every form that is a prefix of it, so at
  // each place the first alternative that matches is the longest form there. (A trie-shaped
  // pattern searched no faster and took the page 5-20 ms to build.)
  const any = [...forms.keys()].sort().reverse().map(escapeRegExp).join('|') || '(?!)';
  return {
    loose: new RegExp(any, 'g'),
    longest: Math.max(0, ...[...forms.keys()].map((form) => form.length)),
    forms,
  };
}

/**
 * The length of the form that is a whole word at `start`, where `longest` (the longest form there)
 * begins: its own, or when a letter follows it the longest shorter form's ("Kaspersky" in
 * "Kaspersky Labs"); 0 when there is none. Forms that begin at the same place begin with the same
 * character, so the text before them joins all of them or none.
 */
function wholeFormAt(text: string, start: number, longest: string, forms: MentionMatcher['forms']): number {
  if (joins(edgeOf(charAt(longest, 0), true), charBefore(text, start))) return 0;
  for (let n = longest.length; n > 0; n -= 1) {
    const form = n === longest.length ? longest : longest.slice(0, n);
    if (forms.has(form) && !joins(edgeOf(charBefore(form, n), false), charAt(text, start + n))) return n;
  }
  return 0;
}

/** Every mention in `text` that starts at `from` or later (the text before it still decides word boundaries). */
export function findMentions(text: string, matcher: MentionMatcher, from = 0): TextMention[] {
  const { loose, forms } = matcher;
  const found: TextMention[] = [];
  loose.lastIndex = from;
  for (let m = loose.exec(text); m; m = loose.exec(text)) {
    const length = wholeFormAt(text, m.index, m[0], forms);
    if (length > 0) found.push({ start: m.index, end: m.index + length, entity: forms.get(m[0].slice(0, length))! });
    // Past a mention, or one character on: a mention may start inside a form that is not a whole word.
    loose.lastIndex = m.index + (length || 1);
  }
  return found;
}

/**
 * The entities to mark on a page. The NCSC is marked only where the detector took it for the UK
 * body: a page about a namesake keeps its "NCSC" unmarked.
 */
export function entitiesToMark(entities: Entity[], topics: readonly string[], ncscIsUk: boolean): Entity[] {
  return entities.filter((e) => e.id !== 'ncsc' || topics.includes('ncsc') || ncscIsUk);
}
