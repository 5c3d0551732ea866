/**
 * The first stage's question, shared with the full detector: could this page be about either
 * topic at all? Kept apart from detect-topic.ts so that the first stage's bundle carries one
 * regular expression and nothing else of the detector.
 */

/** Any word that could start a case for either topic; a page without one is about neither. */
const CANDIDATE = /kaspersky|ncsc|national cyber[\s-]security|cyber[\s-]?(?:security )?(?:agency|centre|center|chief)|gchq/i;

/**
 * False when `texts` (the page's first look: see content/first-look.ts) name neither topic in any
 * form. Every page the full detector calls relevant passes this test, because the full detector
 * runs only on pages that pass it (content/classify-page.ts).
 */
export function mayBeAbout(texts: string[]): boolean {
  // One string: the pattern is compiled once, and no form of a name spans a blank line.
  return CANDIDATE.test(texts.join('\n\n'));
}
