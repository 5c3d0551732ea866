/**
 * The first look at a page: the few places a page about the story names its subject, read with a
 * fixed bound so that a 10 MB page costs what a short one does. The first stage reads it on every
 * page; the full detector reads it again before anything else (content/classify-page.ts), so a page
 * the first look dismisses is never called relevant.
 */

import { mayBeAbout } from '../shared/candidate';

/** How much of the body's text the first look reads, in document order. */
export const FIRST_LOOK_TEXT = 10_000;
/** At most this many meta tags of <head>, each cut to META_CHARS. */
const MAX_METAS = 20;
const META_CHARS = 500;
/** Text in these elements is code or markup, not words a reader sees. */
const NOT_WORDS = new Set(['script', 'style', 'noscript', 'template']);
/** Meta tags whose content describes the page: description, keywords, Open Graph and Twitter cards. */
const DESCRIBES = /^(?:description|keywords|og:|twitter:)/;

/** Whether `doc` is an HTML page with a body: the only kind the extension reads. */
export function isHtmlPage(doc: Document): boolean {
  return doc.contentType === 'text/html' && doc.body !== null;
}

/** The first stage's test: `doc` is an HTML page whose first look names either topic in some form. */
export function mayBeAboutPage(doc: Document, url: string): boolean {
  return isHtmlPage(doc) && mayBeAbout(readFirstLook(doc, url));
}

/** The address (as given, and as words), the title, the describing meta tags and the first FIRST_LOOK_TEXT characters of the body's text. */
export function readFirstLook(doc: Document, url: string): string[] {
  const texts = [url.slice(0, 2_000), urlWords(url), doc.title.slice(0, 500)];
  let metas = 0;
  for (const el of doc.head?.children ?? []) {
    if (el.localName !== 'meta' || !DESCRIBES.test(el.getAttribute('name') ?? el.getAttribute('property') ?? '')) continue;
    texts.push((el.getAttribute('content') ?? '').slice(0, META_CHARS));
    if (++metas >= MAX_METAS) break;
  }
  if (doc.body) texts.push(bodyText(doc.body));
  return texts;
}

/** The address's path as the detector reads it: decoded, with "-", "_", "/", "+" and "." as spaces ("/uk_cyber_agency"). */
function urlWords(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(0, 2_000)).replace(/[-_/+.]+/g, ' ');
  } catch {
    return '';
  }
}

/** The first FIRST_LOOK_TEXT characters of `body`'s text, without scripts and styles; a huge text node is not copied whole. */
function bodyText(body: HTMLElement): string {
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let room = FIRST_LOOK_TEXT;
  for (let node = walker.nextNode() as Text | null; node && room > 0; node = walker.nextNode() as Text | null) {
    if (NOT_WORDS.has((node.parentNode as Element).localName)) continue;
    const part = node.length > room ? node.substringData(0, room) : node.data;
    parts.push(part);
    room -= part.length;
  }
  // Joined as they stand: a name split by markup ("Kasper<b>sky</b>") is found, and no word the
  // detector could read is lost (the candidate pattern needs no word boundaries).
  return parts.join('');
}
