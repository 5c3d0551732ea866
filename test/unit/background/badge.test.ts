// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
const mocks = vi.hoisted(() => ({
  messageListeners: [] as ((...args: unknown[]) => unknown)[],
  updatedListeners: [] as ((...args: unknown[]) => unknown)[],
  storageListeners: [] as ((...args: unknown[]) => unknown)[],
  commandListeners: [] as ((...args: unknown[]) => unknown)[],
  tabsSendMessage: vi.fn((_tabId: number, _message: unknown) => Promise.resolve()),
  setBadgeText: vi.fn(() => Promise.resolve()),
  setTitle: vi.fn(() => Promise.resolve()),
  setBadgeBackgroundColor: vi.fn(() => Promise.resolve()),
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'test-id',
      sendMessage: vi.fn(),
      onMessage: { addListener: (l: Listener) => mocks.messageListeners.push(l), removeListener: vi.fn() },
    },
    tabs: {
      query: () => Promise.resolve([{ id: 4 }, { id: 9 }]),
      sendMessage: mocks.tabsSendMessage,
      onUpdated: { addListener: (l: Listener) => mocks.updatedListeners.push(l) },
    },
    storage: { onChanged: { addListener: (l: Listener) => mocks.storageListeners.push(l) } },
    commands: { onCommand: { addListener: (l: Listener) => mocks.commandListeners.push(l) } },
    action: { setBadgeText: mocks.setBadgeText, setTitle: mocks.setTitle, setBadgeBackgroundColor: mocks.setBadgeBackgroundColor },
  },
}));

import { badgeText, badgeTitle, clearVerdict, defaultTitle, showVerdict } from '../../../src/background/badge';

const DEFAULT_TITLE = defaultTitle();
import type { PageVerdict } from '../../../src/shared/messages';

const kaspersky: PageVerdict = { topics: ['kaspersky'], mentions: { kaspersky: 7, ncsc: 0 }, confidence: 0.9 };
const ncsc: PageVerdict = { topics: ['ncsc'], mentions: { kaspersky: 0, ncsc: 1 }, confidence: 0.9 };
const both: PageVerdict = { topics: ['kaspersky', 'ncsc'], mentions: { kaspersky: 3, ncsc: 2 }, confidence: 0.8 };
const neither: PageVerdict = { topics: [], mentions: { kaspersky: 1, ncsc: 0 }, confidence: 0.85 };

beforeEach(() => {
  mocks.messageListeners.length = 0;
  mocks.updatedListeners.length = 0;
  mocks.storageListeners.length = 0;
  mocks.commandListeners.length = 0;
  vi.clearAllMocks();
});

describe('badge text and title', () => {
  it.each([
    [kaspersky, 'K'],
    [ncsc, 'N'],
    [both, 'K+N'],
    [neither, ''],
  ])('badgeText(%j) is %j', (verdict, text) => {
    expect(badgeText(verdict)).toBe(text);
  });

  it('names the matched topics and their counts', () => {
    expect(badgeTitle(kaspersky)).toContain('Kaspersky (7 mentions)');
    expect(badgeTitle(kaspersky)).not.toContain('National Cyber Security');
    expect(badgeTitle(ncsc)).toContain('National Cyber Security Centre (1 mention)');
    expect(badgeTitle(both)).toMatch(/Kaspersky \(3 mentions\) and .*National Cyber Security Centre \(2 mentions\)/);
    expect(badgeTitle(neither)).toBe(DEFAULT_TITLE);
    for (const v of [kaspersky, ncsc, both, neither]) expect(badgeTitle(v)).not.toContain('Center');
  });
});

describe('showVerdict / clearVerdict', () => {
  it('sets text, title and colour for the tab', async () => {
    await showVerdict(5, both);
    expect(mocks.setBadgeText).toHaveBeenCalledWith({ tabId: 5, text: 'K+N' });
    expect(mocks.setTitle).toHaveBeenCalledWith({ tabId: 5, title: badgeTitle(both) });
    expect(mocks.setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 5, color: expect.stringMatching(/^#[0-9a-f]{6}$/i) });
  });

  it('clears the text and restores the default title', async () => {
    await clearVerdict(5);
    expect(mocks.setBadgeText).toHaveBeenCalledWith({ tabId: 5, text: '' });
    expect(mocks.setTitle).toHaveBeenCalledWith({ tabId: 5, title: DEFAULT_TITLE });
  });
});

describe('background listeners', () => {
  async function start(): Promise<{ onMessage: Listener; onUpdated: Listener }> {
    vi.resetModules();
    await import('../../../src/background/index');
    expect(mocks.messageListeners).toHaveLength(1);
    expect(mocks.updatedListeners).toHaveLength(1);
    return { onMessage: mocks.messageListeners[0]!, onUpdated: mocks.updatedListeners[0]! };
  }
  const classified = { type: 'pageClassified', verdict: kaspersky };
  const fromTab = { id: 'test-id', tab: { id: 3 }, frameId: 0, url: 'https://news.example.com/story' };

  it('sets the badge for a good pageClassified from the top frame of tab 3', async () => {
    const { onMessage } = await start();
    await onMessage(classified, fromTab);
    expect(mocks.setBadgeText).toHaveBeenCalledWith({ tabId: 3, text: 'K' });
    expect(mocks.setTitle).toHaveBeenCalledWith({ tabId: 3, title: badgeTitle(kaspersky) });
  });

  it.each<[string, unknown, unknown]>([
    ['another extension', classified, { ...fromTab, id: 'other-id' }],
    ['a sub-frame', classified, { ...fromTab, frameId: 2 }],
    ['no tab', classified, { id: 'test-id', frameId: 0 }],
    ['a negative tab id', classified, { ...fromTab, tab: { id: -1 } }],
    ['one of its own pages open in a tab', classified, { ...fromTab, url: 'chrome-extension://test-id/popup/popup.html?tab=3' }],
    ['a moz-extension page', classified, { ...fromTab, url: 'moz-extension://uuid/popup/popup.html' }],
    ['a malformed verdict', { type: 'pageClassified', verdict: { ...kaspersky, confidence: 7 } }, fromTab],
    ['a getPageStatus request', { type: 'getPageStatus' }, fromTab],
  ])('ignores and warns about a message from/with %s', async (_name, message, sender) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { onMessage } = await start();
    expect(onMessage(message, sender)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(mocks.setBadgeText).not.toHaveBeenCalled();
    expect(mocks.setTitle).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('a failed badge update is caught and warned about', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    mocks.setBadgeText.mockImplementationOnce(() => Promise.reject(new Error('No tab with id: 3')));
    const { onMessage } = await start();
    await expect(onMessage(classified, fromTab)).resolves.toBeUndefined();
    expect(String(warn.mock.calls[0]?.[0])).toContain('No tab with id: 3');
    warn.mockRestore();
  });

  it('clears a tab’s badge when it starts loading, not when it completes', async () => {
    const { onUpdated } = await start();
    onUpdated(4, { status: 'complete' }, { id: 4 });
    expect(mocks.setBadgeText).not.toHaveBeenCalled();
    onUpdated(4, { status: 'loading' }, { id: 4 });
    expect(mocks.setBadgeText).toHaveBeenCalledWith({ tabId: 4, text: '' });
    expect(mocks.setTitle).toHaveBeenCalledWith({ tabId: 4, title: DEFAULT_TITLE });
  });

  it('tells every tab when the settings in storage.sync change, and only then', async () => {
    await start();
    expect(mocks.storageListeners).toHaveLength(1);
    mocks.storageListeners[0]!({ dismissedPages: { newValue: [] } }, 'session');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(mocks.tabsSendMessage).not.toHaveBeenCalled();
    mocks.storageListeners[0]!({ highlights: { newValue: false } }, 'sync');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(mocks.tabsSendMessage.mock.calls).toEqual([
      [4, { type: 'settingsChanged' }, { frameId: 0 }],
      [9, { type: 'settingsChanged' }, { frameId: 0 }],
    ]);
  });

  it('passes the keyboard shortcut to the full stage of the tab it was pressed in, and no other command', async () => {
    await start();
    expect(mocks.commandListeners).toHaveLength(1);
    mocks.commandListeners[0]!('some-other-command', { id: 3 });
    mocks.commandListeners[0]!('toggle-panel', { id: 3 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(mocks.tabsSendMessage.mock.calls).toEqual([[3, { type: 'togglePanel' }, { frameId: 0 }]]);
  });
});
