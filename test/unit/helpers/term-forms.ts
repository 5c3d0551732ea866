// Every form of the detector's terms, enumerated from their own regular expressions, so that the
// tests of the first stage see what the detector counts and not a copied list.
import { type Term, TERMS } from '../../../src/shared/detect-topic';

/** What `\s` stands for here: a space, and a few other white-space characters a page may hold. */
const WHITE_SPACE = [' ', '\t', '\n', '\u00a0'];

/**
 * Every string that the regular-expression source `source` matches, for the small syntax the terms
 * use: literal characters, `\.`-style escapes, `\s`, classes like `[\s-]`, `(?:a|b)` groups and
 * the `?` quantifier. Anything else throws, so a term written otherwise makes the tests extend this.
 */
export function formsOf(source: string): string[] {
  let at = 0;
  const fail = (): never => {
    throw new Error(`formsOf cannot enumerate "${source}" at ${at}: extend test/unit/helpers/term-forms.ts`);
  };
  const escaped = (c: string | undefined): string[] => (c === 's' ? WHITE_SPACE : c && /[^\w]/.test(c) ? [c] : fail());
  const charClass = (): string[] => {
    const end = source.indexOf(']', at);
    if (end < 0) fail();
    const out: string[] = [];
    for (let i = at; i < end; i += 1) {
      if (source[i] === '\\') out.push(...escaped(source[++i]));
      else if (source[i] === '-' && i > at && i < end - 1) fail();
      else out.push(source[i]!);
    }
    at = end + 1;
    return out;
  };
  const atom = (): string[] => {
    const c = source[at++]!;
    if (c === '(') {
      if (source.slice(at, at + 2) !== '?:') fail();
      at += 2;
      const inner = alternatives();
      if (source[at++] !== ')') fail();
      return inner;
    }
    if (c === '[') return charClass();
    if (c === '\\') return escaped(source[at++]);
    if ('.^$*+{}?'.includes(c)) fail();
    return [c];
  };
  const sequence = (): string[] => {
    let out = [''];
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      let options = atom();
      if (source[at] === '?') {
        at += 1;
        options = ['', ...options];
      }
      if (/^[*+{]/.test(source.slice(at))) fail();
      out = out.flatMap((before) => options.map((option) => before + option));
    }
    return out;
  };
  const alternatives = (): string[] => {
    const out = sequence();
    while (source[at] === '|') {
      at += 1;
      out.push(...sequence());
    }
    return out;
  };
  const all = alternatives();
  if (at !== source.length) fail();
  return [...new Set(all)];
}

/** Every form of `term` the detector counts: its prefix (when it has one) followed by its words. */
export function termForms(term: Term): string[] {
  const words = formsOf(term.words.source);
  return term.prefix ? formsOf(term.prefix.source).flatMap((prefix) => words.map((w) => prefix + w)) : words;
}

/** Every term of every topic with its forms. */
export const TERM_FORMS = Object.values(TERMS)
  .flat()
  .map((term) => ({ term, forms: termForms(term) }));
