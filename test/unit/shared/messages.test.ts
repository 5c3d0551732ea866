// @vitest-environment node
import { describe, expect, it, test, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'test-id', sendMessage: vi.fn(), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } },
    tabs: { sendMessage: vi.fn() },
  },
}));

import { parsePageSetup, parsePageStatus, parseToBackground, parseToPage, parseVerdict, warnIgnored } from '../../../src/shared/messages';
import { parseSettings } from '../../../src/shared/settings';

const good = { topics: ['kaspersky'], mentions: { kaspersky: 7, ncsc: 0 }, confidence: 0.9 };
const withVerdict = (patch: Record<string, unknown>): Record<string, unknown> => ({ ...good, ...patch });

describe('parseVerdict', () => {
  test.each([
    ['one topic', good],
    ['no topics', withVerdict({ topics: [], mentions: { kaspersky: 1, ncsc: 0 }, confidence: 0.85 })],
    ['both topics', withVerdict({ topics: ['kaspersky', 'ncsc'], mentions: { kaspersky: 3, ncsc: 4 } })],
    ['confidence 0', withVerdict({ confidence: 0 })],
    ['confidence 1', withVerdict({ confidence: 1 })],
  ])('accepts %s', (_name, value) => {
    expect(parseVerdict(value)).toEqual(value);
  });

  it('returns a clean copy: topics in the UI order, extra fields dropped', () => {
    const parsed = parseVerdict({ ...good, topics: ['ncsc', 'kaspersky'], mentions: { kaspersky: 1, ncsc: 2, x: 3 }, text: 'page text' });
    expect(parsed).toEqual({ topics: ['kaspersky', 'ncsc'], mentions: { kaspersky: 1, ncsc: 2 }, confidence: 0.9 });
  });

  test.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'kaspersky'],
    ['a number', 1],
    ['an array', [good]],
    ['topics not an array', withVerdict({ topics: 'kaspersky' })],
    ['an unknown topic', withVerdict({ topics: ['eset'] })],
    ['a duplicated topic', withVerdict({ topics: ['kaspersky', 'kaspersky'] })],
    ['too many topics', withVerdict({ topics: ['kaspersky', 'ncsc', 'kaspersky'] })],
    ['mentions missing', withVerdict({ mentions: undefined })],
    ['mentions an array', withVerdict({ mentions: [7, 0] })],
    ['a topic’s mentions missing', withVerdict({ mentions: { kaspersky: 7 } })],
    ['negative mentions', withVerdict({ mentions: { kaspersky: -1, ncsc: 0 } })],
    ['fractional mentions', withVerdict({ mentions: { kaspersky: 1.5, ncsc: 0 } })],
    ['mentions as a string', withVerdict({ mentions: { kaspersky: '7', ncsc: 0 } })],
    ['huge mentions', withVerdict({ mentions: { kaspersky: 1e9, ncsc: 0 } })],
    ['confidence above 1', withVerdict({ confidence: 1.01 })],
    ['confidence below 0', withVerdict({ confidence: -0.1 })],
    ['confidence NaN', withVerdict({ confidence: Number.NaN })],
    ['confidence as a string', withVerdict({ confidence: '0.9' })],
    ['confidence missing', withVerdict({ confidence: undefined })],
    ['extra nesting', { verdict: good }],
  ])('rejects %s', (_name, value) => {
    expect(parseVerdict(value)).toBeNull();
  });
});

describe('parseToBackground', () => {
  it('accepts pageClassified with a good verdict', () => {
    expect(parseToBackground({ type: 'pageClassified', verdict: good })).toEqual({ type: 'pageClassified', verdict: good });
  });

  test.each(['startFullStage', 'getPageSetup', 'panelDismissed', 'panelReopened', 'storySeen'])('accepts %s and drops extra fields', (type) => {
    expect(parseToBackground({ type, extra: '<script>' })).toEqual({ type });
  });

  it('accepts openPopup at the quotes or the sources, and drops extra fields', () => {
    expect(parseToBackground({ type: 'openPopup', section: 'sources', url: 'https://evil.example/' })).toEqual({ type: 'openPopup', section: 'sources' });
    expect(parseToBackground({ type: 'openPopup', section: 'quotes' })).toEqual({ type: 'openPopup', section: 'quotes' });
  });

  test.each([
    ['null', null],
    ['a string', 'getPageSetup'],
    ['an array', [{ type: 'getPageSetup' }]],
    ['no type', { verdict: good }],
    ['an unknown type', { type: 'deleteEverything' }],
    ['a type of the wrong case', { type: 'GetPageSetup' }],
    ['a message for a page', { type: 'getPageStatus' }],
    ['a message for a page (settings)', { type: 'settingsChanged' }],
    ['a message for a page (the shortcut)', { type: 'togglePanel' }],
    ['the old openQuotes', { type: 'openQuotes' }],
    ['openPopup without a section', { type: 'openPopup' }],
    ['openPopup at an unknown section', { type: 'openPopup', section: 'https://evil.example/' }],
    ['openPopup at an inherited name', { type: 'openPopup', section: 'toString' }],
    ['pageClassified without a verdict', { type: 'pageClassified' }],
    ['pageClassified with a malformed verdict', { type: 'pageClassified', verdict: withVerdict({ topics: ['ncsc', 'ncsc'] }) }],
    ['pageClassified with a nested verdict', { type: 'pageClassified', verdict: { verdict: good } }],
    ['a message wrapped in another', { message: { type: 'getPageSetup' } }],
    ['an inherited type', { type: '__proto__' }],
  ])('rejects %s', (_name, value) => {
    expect(parseToBackground(value)).toBeNull();
  });
});

describe('parseToPage', () => {
  it("accepts the popup's and the background's messages and drops extra fields", () => {
    expect(parseToPage({ type: 'getPageStatus', extra: '<script>' })).toEqual({ type: 'getPageStatus' });
    expect(parseToPage({ type: 'settingsChanged', extra: 1 })).toEqual({ type: 'settingsChanged' });
    expect(parseToPage({ type: 'togglePanel', open: true })).toEqual({ type: 'togglePanel' });
  });

  test.each([
    ['null', null],
    ['a string', 'settingsChanged'],
    ['an array', [{ type: 'settingsChanged' }]],
    ['a message for the background', { type: 'pageClassified', verdict: good }],
    ['a message for the background (setup)', { type: 'getPageSetup' }],
    ['a message for the background (seen)', { type: 'storySeen' }],
    ['an inherited name', { type: 'toString' }],
    ['no type', {}],
  ])('rejects %s', (_name, value) => {
    expect(parseToPage(value)).toBeNull();
  });
});

describe('parsePageStatus', () => {
  it('accepts a classified status', () => {
    expect(parsePageStatus({ state: 'classified', verdict: good, site: 'news.example.co.uk' })).toEqual({
      state: 'classified',
      verdict: good,
      site: 'news.example.co.uk',
    });
    expect(parsePageStatus({ state: 'classified', verdict: good, site: '[::1]' })?.site).toBe('[::1]');
  });

  it('refuses a status without a proper host name', () => {
    for (const site of [undefined, '', 'Bad Host', 'a/b', 'x'.repeat(254), 42]) {
      expect(parsePageStatus({ state: 'classified', verdict: good, site })).toBeNull();
    }
  });

  it("checks the background's page setup", () => {
    const messages = { storyMonth: 'December 2017', panelHide: 'Hide' };
    const settings = { panel: 'collapsed', highlights: false, topics: { kaspersky: true, ncsc: false }, blockedSites: ['a.example'] };
    expect(parsePageSetup({ dismissed: true, seen: false, messages, settings })).toEqual({ dismissed: true, seen: false, messages, settings });
    expect(parsePageSetup({ dismissed: false, seen: true, messages, settings: { ...settings, panel: 'firstTime' } })?.settings.panel).toBe('firstTime');
    // Settings are checked key by key, as from storage: a bad value falls back to its default.
    expect(parsePageSetup({ dismissed: false, seen: true, messages: {}, settings: { panel: 'sideways', blockedSites: ['Not a host'] } })).toEqual({
      dismissed: false,
      seen: true,
      messages: {},
      settings: parseSettings({}),
    });
    const setup = { dismissed: false, seen: false, messages, settings };
    expect(parsePageSetup({ ...setup, dismissed: 'yes' })).toBeNull();
    expect(parsePageSetup({ ...setup, seen: 'yes' })).toBeNull();
    expect(parsePageSetup({ ...setup, seen: 1 })).toBeNull();
    expect(parsePageSetup({ dismissed: false, messages, settings })).toBeNull();
    expect(parsePageSetup({ dismissed: false, seen: false, settings })).toBeNull();
    expect(parsePageSetup({ dismissed: false, seen: false, messages })).toBeNull();
    expect(parsePageSetup({ ...setup, settings: 'collapsed' })).toBeNull();
    expect(parsePageSetup({ ...setup, messages: ['Hide'] })).toBeNull();
    expect(parsePageSetup({ ...setup, messages: { panelHide: 3 } })).toBeNull();
    expect(parsePageSetup({ ...setup, messages: { panelHide: 'x'.repeat(2_001) } })).toBeNull();
    expect(parsePageSetup(null)).toBeNull();
  });

  test.each([
    ['null', null],
    ['a string', 'classified'],
    ['an array', [{ state: 'classified', verdict: good }]],
    ['an unknown state', { state: 'loading', verdict: good }],
    ['a missing verdict', { state: 'classified' }],
    ['a malformed verdict', { state: 'classified', verdict: withVerdict({ confidence: 2 }) }],
    ['extra nesting', { status: { state: 'classified', verdict: good } }],
  ])('rejects %s', (_name, value) => {
    expect(parsePageStatus(value)).toBeNull();
  });
});

describe('warnIgnored', () => {
  it('warns once per context and reason', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warnIgnored('test', 'first reason');
    warnIgnored('test', 'first reason');
    warnIgnored('test', 'first reason');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('first reason');
    warnIgnored('test', 'second reason');
    warnIgnored('other', 'first reason');
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });
});
