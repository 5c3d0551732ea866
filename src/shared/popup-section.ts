/**
 * Opening the popup at a section. The background cannot hand the popup anything as it opens it
 * (action.openPopup takes no page address, and the fallback tab is the same page), so it leaves the
 * request in storage.session, where the popup finds it on load and removes it. A request older than
 * a few seconds is stale: the popup it was for never opened, and a later one opens at the top.
 */

/** The sections the popup can be opened at. */
export type PopupSection = 'sources';

/** The storage.session key of the request. */
export const SECTION_KEY = 'popupSection';

/** How long a request waits for its popup. */
export const SECTION_FRESH_MS = 15_000;

/** The storage.session items that ask the next popup to open at `section`. */
export function sectionRequest(section: PopupSection, now = Date.now()): Record<string, { section: PopupSection; at: number }> {
  return { [SECTION_KEY]: { section, at: now } };
}

/** The section a stored request asks for, or null when there is none, it is malformed or stale. */
export function requestedSection(stored: unknown, now = Date.now()): PopupSection | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { section, at } = stored as Record<string, unknown>;
  if (section !== 'sources' || typeof at !== 'number') return null;
  return now - at >= 0 && now - at <= SECTION_FRESH_MS ? section : null;
}
