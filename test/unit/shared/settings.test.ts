// @vitest-environment node
import { describe, expect, it, test } from 'vitest';
import { DEFAULT_SETTINGS, isBlocked, MAX_BLOCKED_SITES, parseSettings, startsAsTab, withSiteBlocked, type Settings } from '../../../src/shared/settings';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    for (const stored of [undefined, null, {}, 'junk', 42, []]) expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every well-formed key', () => {
    const stored: Settings = { panel: 'collapsed', highlights: false, topics: { kaspersky: false, ncsc: true }, blockedSites: ['news.example.com'] };
    expect(parseSettings(stored)).toEqual(stored);
  });

  it('falls back to the default for a malformed or older key and keeps the rest', () => {
    const parsed = parseSettings({
      panel: 'sidebar', // not a value this version knows
      highlights: 'yes', // wrong type
      topics: ['kaspersky'], // an older shape
      blockedSites: ['ok.example', 'Not A Host', 42, 'ok.example', '[::1]'],
      extra: true,
    });
    expect(parsed).toEqual({ panel: 'firstTime', highlights: true, topics: { kaspersky: true, ncsc: true }, blockedSites: ['ok.example', '[::1]'] });
  });

  it('does not share the defaults object with what it returns', () => {
    const a = parseSettings({});
    a.topics.kaspersky = false;
    a.blockedSites.push('x.example');
    expect(DEFAULT_SETTINGS.topics.kaspersky).toBe(true);
    expect(DEFAULT_SETTINGS.blockedSites).toEqual([]);
  });

  it('keeps at most MAX_BLOCKED_SITES sites', () => {
    const many = Array.from({ length: MAX_BLOCKED_SITES + 50 }, (_, i) => `s${i}.example`);
    expect(parseSettings({ blockedSites: many }).blockedSites).toHaveLength(MAX_BLOCKED_SITES);
  });
});

describe('the panel setting', () => {
  it('keeps each stored value meaning what it meant, and opens only the first time where the reader chose nothing', () => {
    expect(DEFAULT_SETTINGS.panel).toBe('firstTime');
    expect(parseSettings({}).panel).toBe('firstTime');
    // A reader who chose "open by itself" before this setting had a third value keeps "every time".
    expect(parseSettings({ panel: 'expanded' }).panel).toBe('expanded');
    expect(parseSettings({ panel: 'collapsed' }).panel).toBe('collapsed');
    expect(parseSettings({ panel: 'firstTime' }).panel).toBe('firstTime');
    expect(parseSettings({ panel: 'FirstTime' }).panel).toBe('firstTime');
  });

  test.each([
    ['expanded', false, false],
    ['expanded', true, false],
    ['firstTime', false, false],
    ['firstTime', true, true],
    ['collapsed', false, true],
    ['collapsed', true, true],
  ] as const)('with %s, seen before %s, the panel starts as the tab: %s', (panel, seenBefore, tab) => {
    expect(startsAsTab(panel, seenBefore)).toBe(tab);
  });
});

describe('per-site switch', () => {
  it('adds and removes a site, once', () => {
    let settings = parseSettings({});
    settings = { ...settings, blockedSites: withSiteBlocked(settings, 'a.example', true) };
    settings = { ...settings, blockedSites: withSiteBlocked(settings, 'a.example', true) };
    expect(settings.blockedSites).toEqual(['a.example']);
    expect(isBlocked(settings, 'a.example')).toBe(true);
    expect(isBlocked(settings, 'b.example')).toBe(false);
    expect(withSiteBlocked(settings, 'a.example', false)).toEqual([]);
  });
});
