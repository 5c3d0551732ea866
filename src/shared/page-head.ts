/**
 * What both stages read of a page besides its text: the address as words, the title and the meta
 * tags that describe the page, with one set of limits. The first stage's first look
 * (content/first-look.ts) and the detector's sample (content/full-stage/read-page.ts, detect-topic.ts) are
 * both made with these functions, so the detector reads no word of them that the first look did not.
 */

/** At most this many characters of the address, and of the title. */
export const URL_CHARS = 2_000;
export const TITLE_CHARS = 500;
/** At most this many meta tags, and this many characters of each. */
const MAX_METAS = 20;
const META_CHARS = 500;

/** Meta tags whose content describes the page: description, keywords, Open Graph and Twitter cards. */
const DESCRIBES = /^(?:description|keywords|og:|twitter:)/;

/** What is read of a page's <head>. */
export interface PageHead {
  title: string;
  /** The describing meta tags' content, in document order. */
  meta: string[];
}

/** The page's title and its describing meta tags (<head>'s own children, not a whole-document search). */
export function readHead(doc: Document): PageHead {
  const meta: string[] = [];
  // Only the meta elements: in a content script every other kind of element the script touches
  // (link, script, style…) costs the page its first wrapper of that kind (docs/performance.md).
  for (const el of doc.head?.querySelectorAll(':scope>meta') ?? []) {
    if (meta.length >= MAX_METAS) break;
    if (DESCRIBES.test(el.getAttribute('name') ?? el.getAttribute('property') ?? '')) {
      meta.push((el.getAttribute('content') ?? '').slice(0, META_CHARS));
    }
  }
  return { title: doc.title.slice(0, TITLE_CHARS), meta };
}

/**
 * The address as words: its host, and its path decoded with "-", "_", "/", "+" and "." as spaces,
 * so that "/kaspersky-lab-ban" or "ncsc.gov.uk" count but a query string's noise does not.
 */
export function urlWords(url: string): string {
  try {
    const u = new URL(url.slice(0, URL_CHARS));
    return `${u.hostname} ${decodeURIComponent(u.pathname).replace(/[-_/+.]+/g, ' ')}`;
  } catch {
    return '';
  }
}
