/**
 * The first stage's question, shared with the full detector: could this page be about either
 * topic at all? The pattern is made by the build from the detector's own terms
 * (`candidateSource` in detect-topic.ts), so the first stage's bundle carries one regular
 * expression and nothing else of the detector, and no term can be in one and not the other.
 */

declare global {
  /**
   * Any form of any term the detector counts, also where markup splits it or no space separates it
   * from the next word: candidateSource() in detect-topic.ts, case-insensitive. The build puts it
   * in as a regular-expression literal (scripts/lib/build-extension.ts), which is shorter than a
   * string given to RegExp(): the first stage has 2 KB.
   */
  const __BACKSTORY_CANDIDATE__: RegExp;
}

/**
 * False when `texts` (the page's first look: see content/first-look.ts) hold no form of any term
 * the detector counts, however their text nodes were joined: the detector would count none there.
 */
export function mayBeAbout(texts: string[]): boolean {
  // One string: the pattern is compiled once. Its separators match any run of non-word characters,
  // so what joins the texts matters only in keeping a word of one from running into the next.
  return __BACKSTORY_CANDIDATE__.test(texts.join(' '));
}
