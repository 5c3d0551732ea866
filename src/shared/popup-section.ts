/**
 * Opening the popup at a section. The background cannot hand the popup anything as it opens it
 * (action.openPopup takes no page address, and the fallback tab is the same page), so it leaves the
 * request in storage.session, where the popup finds it on load and removes it. A request older than
 * a few seconds is stale: the popup it was for never opened, and a later one opens at the top.
 */

/** The sections the popup can be opened at: its top (the key quotes) and its sources. */
export const POPUP_SECTIONS = ['quotes', 'sources'] as const;
export type PopupSection = (typeof POPUP_SECTIONS)[number];

export function isPopupSection(value: unknown): value is PopupSection {
  return POPUP_SECTIONS.includes(value as PopupSection);
}

/** The storage.session key of the request. */
export const SECTION_KEY = 'popupSection';

/** How long a request waits for its popup. */
export const SECTION_FRESH_MS = 15_000;

/** The storage.session items that ask the next popup to open at `section` (the quotes are where it opens anyway). */
export function sectionRequest(section: Exclude<PopupSection, 'quotes'>, now = Date.now()): Record<string, { section: PopupSection; at: number }> {
  return { [SECTION_KEY]: { section, at: now } };
}

/** The section below the top that a stored request asks for, or null when there is none, it is malformed or stale. */
export function requestedSection(stored: unknown, now = Date.now()): Exclude<PopupSection, 'quotes'> | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { section, at } = stored as Record<string, unknown>;
  if (section !== 'sources' || typeof at !== 'number') return null;
  return now - at >= 0 && now - at <= SECTION_FRESH_MS ? section : null;
}
