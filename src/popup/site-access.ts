/**
 * Site access. Both browsers let a person withhold an extension's access to sites (and Firefox can
 * be set to withhold it from install, extensions.originControls.grantByDefault), and then the
 * content script never runs. The popup says so and asks for access to the site of the current tab, or to all the
 * sites the content script is declared for when the browser does not tell it the tab's address.
 */
import { webPageUrl } from '../shared/web-page';

/** The pages the content script is declared for (manifest.json content_scripts.matches). */
export const CONTENT_MATCHES = ['http://*/*', 'https://*/*'];

const patternOf = (page: URL): string => `${page.protocol}//${page.hostname}/*`;

/** The match pattern for the site of `url` ("https://news.example.com/*"), or null for pages Backstory never reads. */
export function sitePattern(url: string | undefined): string | null {
  const page = webPageUrl(url);
  return page && patternOf(page);
}

/** The part of the permissions API the popup uses (so tests can pass a fake one). */
export interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
}

/** What the popup knows about access to the current tab's page. */
export type Access =
  /** A page Backstory never reads (browser pages, the add-on store, files). */
  | { kind: 'never' }
  /** Allowed: the content script can run there. */
  | { kind: 'allowed' }
  /** Withheld: `origins` is what to ask for; `site` is the host name when known. */
  | { kind: 'withheld'; origins: string[]; site: string | null };

/** Works out access for a tab whose address is `url` (undefined when the browser does not say). */
export async function checkAccess(permissions: PermissionsApi, url: string | undefined): Promise<Access> {
  const page = webPageUrl(url);
  if (url !== undefined && page === null) return { kind: 'never' };
  const origins = page ? [patternOf(page)] : CONTENT_MATCHES;
  try {
    if (await permissions.contains({ origins })) return { kind: 'allowed' };
  } catch {
    // A malformed pattern or an API the browser refuses: treat as withheld and let the request explain.
  }
  return { kind: 'withheld', origins, site: page?.hostname ?? null };
}

/** Asks the browser for `access.origins`; resolves true when granted. Must run inside the click that asked. */
export async function requestAccess(permissions: PermissionsApi, origins: string[]): Promise<boolean> {
  try {
    return await permissions.request({ origins });
  } catch {
    return false;
  }
}
