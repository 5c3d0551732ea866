/** Addresses of web pages: the only pages Backstory reads. */

/** `url` parsed, when it is an http or https address; null for anything else (browser pages, files, junk). */
export function webPageUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** A page's identity: its address without the fragment (a hash change is not a new article). */
export function pageKey(address: Pick<URL, 'origin' | 'pathname' | 'search'>): string {
  return `${address.origin}${address.pathname}${address.search}`;
}
