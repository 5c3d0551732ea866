/**
 * The reader's settings: their defaults, their type (derived from the defaults), and a parser that
 * accepts whatever storage.sync holds. A key that is missing, malformed or from an older version
 * falls back to its default; the other keys are kept. Shared by the options page, the popup, the
 * background and the full stage.
 */
import { TOPICS, type Topic } from './topics';

export const DEFAULT_SETTINGS = {
  /**
   * How the panel starts on a page about the story: 'expanded', open every time; 'firstTime', open
   * until the reader has seen it in full once (see content/panel/seen-watch.ts), then as the small
   * tab; 'collapsed', always as the tab. 'firstTime' came later: the two older values still mean
   * what they meant, so a reader who chose one keeps it.
   */
  panel: 'firstTime' as 'expanded' | 'firstTime' | 'collapsed',
  /** Mark mentions in the article text. */
  highlights: true,
  /** Which topics make a page relevant. */
  topics: { kaspersky: true, ncsc: true } as Record<Topic, boolean>,
  /** Sites (host names) where Backstory shows nothing. */
  blockedSites: [] as string[],
};

export type Settings = typeof DEFAULT_SETTINGS;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/** How many blocked sites are kept (storage.sync allows 8 KB per item). */
export const MAX_BLOCKED_SITES = 200;

/** A host name as browsers report it: lower-case letters, digits, dots, hyphens; or an IPv6 literal in brackets. */
export function isHostName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 253 && /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/.test(value);
}

const PARSERS: { [K in SettingKey]: (value: unknown) => Settings[K] | undefined } = {
  panel: (v) => (v === 'expanded' || v === 'firstTime' || v === 'collapsed' ? v : undefined),
  highlights: (v) => (typeof v === 'boolean' ? v : undefined),
  topics: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    const record = v as Record<string, unknown>;
    if (!TOPICS.every((t) => typeof record[t] === 'boolean')) return undefined;
    return { kaspersky: record.kaspersky as boolean, ncsc: record.ncsc as boolean };
  },
  blockedSites: (v) => (Array.isArray(v) ? [...new Set(v.filter(isHostName))].slice(0, MAX_BLOCKED_SITES) : undefined),
};

/** The settings in `stored` (what storage.sync.get returned), each key checked on its own. */
export function parseSettings(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const settings: Settings = { ...DEFAULT_SETTINGS, topics: { ...DEFAULT_SETTINGS.topics }, blockedSites: [] };
  for (const key of SETTING_KEYS) {
    const parsed = PARSERS[key](record[key]);
    if (parsed !== undefined) (settings as Record<SettingKey, unknown>)[key] = parsed;
  }
  return settings;
}

/** The settings in a storage area (the popup's and options page's storage.sync); the defaults if it cannot be read. */
export async function loadSettings(area: { get(keys: null): Promise<Record<string, unknown>> }): Promise<Settings> {
  return parseSettings(await area.get(null).catch(() => ({})));
}

/**
 * Whether the panel starts as the tab because of the reader's setting and history: always with
 * 'collapsed', and with 'firstTime' once the reader has seen the story's panel in full on another
 * page. (Small screens start as the tab whatever this says: see content/panel/viewport.ts.)
 */
export function startsAsTab(panel: Settings['panel'], seenBefore: boolean): boolean {
  return panel === 'collapsed' || (panel === 'firstTime' && seenBefore);
}

/** Whether `site` is on the reader's "don't show" list. */
export function isBlocked(settings: Settings, site: string): boolean {
  return settings.blockedSites.includes(site);
}

/** The list with `site` added (or removed when `blocked` is false). */
export function withSiteBlocked(settings: Settings, site: string, blocked: boolean): string[] {
  const rest = settings.blockedSites.filter((s) => s !== site);
  return blocked ? [...rest, site].slice(-MAX_BLOCKED_SITES) : rest;
}
