/**
 * Text nodes far longer than any paragraph (a whole book in one node, a page built by a script).
 * Reading one whole copies all of it: 10 MB took Firefox 153 about 11 ms a read in a content
 * script, and searching it took longer. Such nodes are read a bounded piece at a time (the marks
 * search them with marks/chunked-search.ts).
 */

/** A text node longer than this, in UTF-16 units, is long. */
export const LONG_TEXT = 32_768;

/** Whether `node` is long. */
export const isLong = (node: Text): boolean => node.length > LONG_TEXT;

/** At most `max` characters of `node`'s text from `from`, without copying the rest. */
export function textOf(node: Text, max: number, from = 0): string {
  return from === 0 && node.length <= max ? node.data : node.substringData(from, max);
}
