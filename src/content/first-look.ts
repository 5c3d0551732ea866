/**
 * The first look at a page: the few places a page about the story names its subject, read with a
 * fixed bound so that a 10 MB page costs what a short one does. The first stage reads it on every
 * page; the full detector reads it again before anything else (content/full-stage/classify-page.ts), so a page
 * the first look dismisses is never called relevant. The address, the title and the meta tags are
 * read by the same code as the detector's sample (shared/page-head.ts).
 */

import { mayBeAbout } from './candidate';
import { type PageHead, readHead, urlWords } from '../shared/page-head';

/** How much of the body's text the first look reads, in document order. */
export const FIRST_LOOK_TEXT = 10_000;
/**
 * Text in these elements is code or markup, not words a reader sees. (A pattern, not a Set: fewer
 * of the first stage's bytes.) A parsed <template>'s content is not in the document's tree at all.
 */
const NOT_WORDS = /^(script|style|noscript)$/;
/**
 * Text without any of these characters is read as words wherever it stands: a script or a style
 * sheet that has none of them is a few characters long (`init()`), and rules, statements, JSON and
 * a noscript's markup all have one.
 */
const MAYBE_CODE = /[{;=<]/;

/** Whether `doc` is an HTML page with a body: the only kind the extension reads. */
export function isHtmlPage(doc: Document): boolean {
  return doc.contentType === 'text/html' && !!doc.body;
}

/** The first stage's test: `doc` is an HTML page whose first look names either topic in some form. */
export function mayBeAboutPage(doc: Document, url: string): boolean {
  return isHtmlPage(doc) && mayBeAbout(readFirstLook(doc, url));
}

/**
 * The first look at an HTML page (see isHtmlPage): the address as words, the title, the describing
 * meta tags (`head`) and the first FIRST_LOOK_TEXT characters of the body's text.
 */
export function readFirstLook(doc: Document, url: string, head: PageHead = readHead(doc)): string[] {
  return [urlWords(url), head.title, ...head.meta, bodyText(doc)];
}

/** The first FIRST_LOOK_TEXT characters of the body's text, without scripts and styles; a huge text node is not copied whole. */
function bodyText(doc: Document): string {
  // 4 is NodeFilter.SHOW_TEXT, whose name would cost the first stage 16 of its 2,048 bytes.
  const walker = doc.createTreeWalker(doc.body!, 4);
  let text = '';
  for (let node = walker.nextNode() as Text | null; node && text.length < FIRST_LOOK_TEXT; node = walker.nextNode() as Text | null) {
    // substringData copies at most the room left, however long the node.
    const piece = node.substringData(0, FIRST_LOOK_TEXT - text.length);
    // The parent only where the text could be code: in a content script each element the script
    // touches costs the page a wrapper, and the first of each kind (p, a, li…) far more.
    if (!(MAYBE_CODE.test(piece) && NOT_WORDS.test((node.parentNode as Element).localName))) text += piece;
  }
  // Joined as they stand: a name split by markup ("Kasper<b>sky</b>") is found, and no word the
  // detector could read is lost (the candidate pattern needs no word boundaries or separators).
  return text;
}
