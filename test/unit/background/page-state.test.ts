// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';

const store = vi.hoisted(() => ({
  data: {} as Record<string, unknown>,
  sync: {} as Record<string, unknown>,
  local: {} as Record<string, unknown>,
  localFails: false,
  fail: false,
  tabs: [] as { id?: number }[],
  // Tab 2 has no content script of ours: the browser refuses the message.
  sendMessage: vi.fn(async (tabId: number, _message: unknown) => {
    if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
  }),
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: { query: vi.fn(async () => store.tabs), sendMessage: store.sendMessage },
    storage: {
      sync: { get: vi.fn(async () => store.sync) },
      local: {
        get: vi.fn(async (key: string) => {
          if (store.localFails) throw new Error('storage.local is unavailable');
          return key in store.local ? { [key]: store.local[key] } : {};
        }),
        set: vi.fn(async (items: Record<string, unknown>) => Object.assign(store.local, items)),
      },
      session: {
        get: vi.fn(async (key: string) => {
          if (store.fail) throw new Error('storage.session is unavailable');
          return key in store.data ? { [key]: store.data[key] } : {};
        }),
        set: vi.fn(async (items: Record<string, unknown>) => Object.assign(store.data, items)),
      },
    },
  },
}));

import { parseSettings } from '../../../src/shared/settings';
import { announceSettingsChanged, forgetDismissed, keyOf, pageSetup, rememberDismissed } from '../../../src/background/page-state';
import { rememberStorySeen, storySeen } from '../../../src/background/story-seen';
import { seenKey } from '../../../src/shared/seen-story';
import { story } from '../../../src/shared/story';

beforeEach(() => {
  store.data = {};
  store.sync = {};
  store.local = {};
  store.localFails = false;
  store.fail = false;
  store.tabs = [];
  store.sendMessage.mockClear();
});

describe('page state', () => {
  it('names a page by its address without the fragment, web pages only', () => {
    expect(keyOf('https://a.example/news/1?id=2#top')).toBe('https://a.example/news/1?id=2');
    expect(keyOf('moz-extension://x/popup.html')).toBeNull();
    expect(keyOf('not a url')).toBeNull();
    expect(keyOf(undefined)).toBeNull();
  });

  it('remembers a closed panel for that page only, and gives the page its words with the dates in the browser language', async () => {
    await rememberDismissed('https://a.example/news/1#comments');
    expect(await pageSetup('https://a.example/news/1')).toEqual({
      dismissed: true,
      seen: false,
      messages: expect.objectContaining({ storyMonth: 'December 2017', storyDay: '5 December 2017', panelHide: 'Hide' }),
      settings: parseSettings({}),
    });
    expect((await pageSetup('https://a.example/news/2')).dismissed).toBe(false);
  });

  it('forgets a closed panel on that page only, when the reader shows it again there', async () => {
    await rememberDismissed('https://a.example/news/1');
    await rememberDismissed('https://a.example/news/2');
    await forgetDismissed('https://a.example/news/1#top');
    expect((await pageSetup('https://a.example/news/1')).dismissed).toBe(false);
    expect((await pageSetup('https://a.example/news/2')).dismissed).toBe(true);
    await expect(forgetDismissed('about:blank')).resolves.toBeUndefined();
  });

  it("records that the reader has seen the story in storage.local under the story's id, and gives it to every page", async () => {
    expect(await storySeen()).toBe(false);
    expect((await pageSetup('https://a.example/1')).seen).toBe(false);
    await rememberStorySeen(1_000);
    expect(store.local).toEqual({ [seenKey(story.id)]: 1_000 });
    expect(store.local).toEqual({ 'seenStory:ncsc-russian-antivirus-2017': 1_000 });
    expect((await pageSetup('https://b.example/2')).seen).toBe(true);
    // The first sighting's time is kept.
    await rememberStorySeen(2_000);
    expect(store.local[seenKey(story.id)]).toBe(1_000);
  });

  it('takes a record of another story, junk or an unreadable storage.local for unseen', async () => {
    store.local = { [seenKey('another-story')]: 1_000 };
    expect((await pageSetup('https://a.example/1')).seen).toBe(false);
    store.local = { [seenKey(story.id)]: 'yes' };
    expect(await storySeen()).toBe(false);
    store.local = { [seenKey(story.id)]: 1_000 };
    store.localFails = true;
    expect((await pageSetup('https://a.example/1')).seen).toBe(false);
  });

  it('keeps the last 500 pages and never repeats one', async () => {
    for (let i = 0; i < 510; i += 1) await rememberDismissed(`https://a.example/${i}`);
    await rememberDismissed('https://a.example/509');
    const pages = store.data.dismissedPages as string[];
    expect(pages).toHaveLength(500);
    expect(new Set(pages).size).toBe(500);
    expect(pages.at(-1)).toBe('https://a.example/509');
  });

  it('answers "not dismissed" when session storage fails or holds junk', async () => {
    store.data.dismissedPages = 'junk';
    expect((await pageSetup('https://a.example/')).dismissed).toBe(false);
    store.fail = true;
    expect((await pageSetup('https://a.example/')).dismissed).toBe(false);
  });

  it("gives the page the reader's settings from storage.sync, checked", async () => {
    store.sync = { panel: 'collapsed', blockedSites: ['a.example', 'Not A Host'], unknown: 1 };
    expect((await pageSetup('https://a.example/')).settings).toEqual({ ...parseSettings({}), panel: 'collapsed', blockedSites: ['a.example'] });
  });

  it('tells every tab that the settings changed; a tab without our script refusing is no failure', async () => {
    store.tabs = [{ id: 1 }, { id: 2 }, {}, { id: 3 }];
    await expect(announceSettingsChanged()).resolves.toBeUndefined();
    expect(store.sendMessage.mock.calls).toEqual([
      [1, { type: 'settingsChanged' }, { frameId: 0 }],
      [2, { type: 'settingsChanged' }, { frameId: 0 }],
      [3, { type: 'settingsChanged' }, { frameId: 0 }],
    ]);
  });
});
