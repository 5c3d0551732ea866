/**
 * Where a name may begin and end in every script: whether the character beside a name's first or
 * last character makes it part of a longer word. JavaScript's `\b` knows only ASCII letters, so
 * it finds "Kaspersky" inside "Kasperskyé" and no boundary at all around "Касперский".
 */

/**
 * How one end of a name meets the text beside it:
 * - `word`: a letter, mark, digit or `_` of a script that spaces its words makes a longer word
 *   (Latin, Cyrillic, Greek, Arabic, Hebrew). Chinese, Japanese and Korean letters do not: those
 *   pages write Latin names against their own words ("据Reuters报道", "NCSCは", "NCSC의").
 * - `kana`: katakana (with the long-vowel mark ー) makes a longer word: Japanese writes a foreign
 *   word as one katakana run, so カスペルスキー inside a longer run is another word.
 * - `open`: nothing beside it counts. Chinese and Japanese kanji have no spaces and attach
 *   particles and compounds (卡巴斯基的, 卡巴斯基公司), and Korean attaches particles to a name's
 *   end (카스퍼스키의); such aliases are whole names, so they do not occur inside other words.
 * - `hangul`: the start of a Korean name, which a word of a spaced script or Hangul would extend.
 */
export type Edge = 'word' | 'kana' | 'open' | 'hangul';

const HAN = /[\p{sc=Han}\p{sc=Hiragana}]/u;
const KANA = /[\p{sc=Katakana}\u30FC\uFF70]/u;
const HANGUL = /\p{sc=Hangul}/u;
/** Scripts written without spaces, or (Korean) with particles joined to names. */
const ATTACHING = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30FC\uFF70]/u;
const WORD = /[\p{L}\p{M}\p{N}_]/u;
/**
 * What English pages meet beside a name: ASCII, and the no-break space, dashes, curly quotes and
 * ellipsis of General Punctuation ("Kaspersky’s"). Tested first, they spare the page compiling
 * the Unicode classes above.
 */
const ASCII_WORD = /\w/;
const isAscii = (c: string): boolean => c.charCodeAt(0) < 0x80;
const SPACE_OR_PUNCTUATION = /^[\u00a0\u2000-\u206f]$/;

/** How a name ending (or, with `atStart`, starting) with the character `c` meets its neighbour. */
export function edgeOf(c: string, atStart: boolean): Edge {
  if (isAscii(c)) return 'word';
  if (HAN.test(c)) return 'open';
  if (KANA.test(c)) return 'kana';
  if (HANGUL.test(c)) return atStart ? 'hangul' : 'open';
  return 'word';
}

/** Whether `neighbour` (a character, or '' at the text's end) joins a name's `edge` into a longer word. */
export function joins(edge: Edge, neighbour: string): boolean {
  if (neighbour === '' || edge === 'open') return false;
  if (isAscii(neighbour)) return edge !== 'kana' && ASCII_WORD.test(neighbour);
  if (SPACE_OR_PUNCTUATION.test(neighbour)) return false;
  if (edge === 'kana') return KANA.test(neighbour);
  if (edge === 'hangul' && HANGUL.test(neighbour)) return true;
  return WORD.test(neighbour) && !ATTACHING.test(neighbour);
}

/** The character (a whole code point) that ends just before `index` in `text`, or ''. */
export function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && index >= 2;
  return text.slice(pair ? index - 2 : index - 1, index);
}

/** The character (a whole code point) that starts at `index` in `text`, or ''. */
export function charAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}
